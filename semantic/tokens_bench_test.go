package semantic_test

import (
	"context"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/semantic"
)

// BenchmarkTokens measures the semantic tokens of a whole file, as
// textDocument/semanticTokens/full requests them, on the 5,000-line
// Dockerfile of testws and on a 5,000-line compose file with 300 services.
// Each file is parsed before the timer starts, as the server does on open.
func BenchmarkTokens(b *testing.B) {
	ws := testws.New(b, "-- Dockerfile --\n"+testws.LongDockerfile(5000)+"-- compose.yaml --\n"+composetest.Generate(300))
	snap := ws.Snapshot()
	snap.File(ws.URI("Dockerfile")).Dockerfile()
	snap.File(ws.URI("compose.yaml")).Compose()
	for _, file := range []struct{ name, path string }{{"Dockerfile", "Dockerfile"}, {"Compose", "compose.yaml"}} {
		b.Run(file.name, func(b *testing.B) {
			uri := ws.URI(file.path)
			tokens, err := semantic.Tokens(context.Background(), snap, uri)
			if err != nil || len(tokens) == 0 {
				b.Fatalf("tokens of %s: %d tokens, error %v", file.path, len(tokens), err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := semantic.Tokens(context.Background(), snap, uri); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
