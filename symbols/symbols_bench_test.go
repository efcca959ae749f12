package symbols_test

import (
	"context"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/symbols"
	"github.com/stackls/stackls/workspace"
)

// longFilesBench indexes a workspace of the 5,000-line Dockerfile of
// testws and a 5,000-line compose file with 300 services, and returns the
// Snapshot, with both files parsed, and the URIs of the two files by
// sub-benchmark name.
func longFilesBench(b *testing.B) (*workspace.Snapshot, map[string]position.URI) {
	ws := testws.New(b, "-- Dockerfile --\n"+testws.LongDockerfile(5000)+"-- compose.yaml --\n"+composetest.Generate(300))
	snap := ws.Snapshot()
	uris := map[string]position.URI{"Dockerfile": ws.URI("Dockerfile"), "Compose": ws.URI("compose.yaml")}
	snap.File(uris["Dockerfile"]).Dockerfile() // parse once, as the server does on open
	snap.File(uris["Compose"]).Compose()
	return snap, uris
}

// BenchmarkDocument measures the outline of each long file.
func BenchmarkDocument(b *testing.B) {
	snap, uris := longFilesBench(b)
	for _, name := range []string{"Dockerfile", "Compose"} {
		b.Run(name, func(b *testing.B) {
			outline, err := symbols.Document(context.Background(), snap, uris[name])
			if err != nil || len(outline) == 0 {
				b.Fatalf("outline of %s: %d symbols, error %v", name, len(outline), err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := symbols.Document(context.Background(), snap, uris[name]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFolding measures the folding ranges of each long file.
func BenchmarkFolding(b *testing.B) {
	snap, uris := longFilesBench(b)
	for _, name := range []string{"Dockerfile", "Compose"} {
		b.Run(name, func(b *testing.B) {
			ranges, err := symbols.Folding(context.Background(), snap, uris[name])
			if err != nil || len(ranges) == 0 {
				b.Fatalf("folding ranges of %s: %d ranges, error %v", name, len(ranges), err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := symbols.Folding(context.Background(), snap, uris[name]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWorkspace measures the workspace symbol search over both long
// files, with an empty query, which matches every symbol, and with a
// query that matches a few service and stage names.
func BenchmarkWorkspace(b *testing.B) {
	snap, _ := longFilesBench(b)
	for _, query := range []struct{ name, text string }{{"All", ""}, {"Query", "12"}} {
		b.Run(query.name, func(b *testing.B) {
			found, err := symbols.Workspace(context.Background(), snap, query.text)
			if err != nil || len(found) == 0 {
				b.Fatalf("workspace symbols for %q: %d symbols, error %v", query.text, len(found), err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := symbols.Workspace(context.Background(), snap, query.text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
