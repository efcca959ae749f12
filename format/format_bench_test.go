package format_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
	"github.com/stackls/stackls/format"
	"github.com/stackls/stackls/internal/testws"
)

// BenchmarkFormat measures formatting a whole file, on the 5,000-line
// Dockerfile of testws and on a 5,000-line compose file with 300
// services. Both files have lines to fix, so formatting returns edits: the
// Dockerfile has lowercase instructions and the compose file has port
// lists that are not indented under their key.
func BenchmarkFormat(b *testing.B) {
	dockerfile := strings.ReplaceAll(testws.LongDockerfile(5000), "\nCOPY --from=", "\ncopy --from=")
	compose := strings.ReplaceAll(composetest.Generate(300), "    ports:\n      - ", "    ports:\n    - ")
	ws := testws.New(b, "-- Dockerfile --\n"+dockerfile+"-- compose.yaml --\n"+compose)
	snap := ws.Snapshot()
	snap.File(ws.URI("Dockerfile")).Dockerfile() // parse once, as the server does on open
	snap.File(ws.URI("compose.yaml")).Compose()
	opts := format.Options{TabSize: 2, InsertSpaces: true}
	for _, file := range []struct{ name, path string }{{"Dockerfile", "Dockerfile"}, {"Compose", "compose.yaml"}} {
		b.Run(file.name, func(b *testing.B) {
			uri := ws.URI(file.path)
			edits, err := format.Format(context.Background(), snap, uri, opts, nil)
			if err != nil || len(edits) == 0 {
				b.Fatalf("formatting %s: %d edits, error %v", file.path, len(edits), err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := format.Format(context.Background(), snap, uri, opts, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
