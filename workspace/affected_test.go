package workspace_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// describeDiagnostics prints every field of a file's diagnostics that the
// server publishes.
func describeDiagnostics(diags []*diagnostics.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%v %v %s %s %s %q %v\n", d.Span, d.Severity, d.Code, d.CodeHref, d.Source, d.Message, d.Tags)
		for _, r := range d.Related {
			fmt.Fprintf(&b, "  related %v %q\n", r.Location, r.Message)
		}
		for _, f := range d.Fixes {
			fmt.Fprintf(&b, "  fix %q %v %v\n", f.Title, f.Preferred, f.Edits)
		}
	}
	return b.String()
}

// TestAffectedCoversChangedDiagnostics checks, after random changes to a
// stack, that every file whose diagnostics changed is among the files
// that AffectedSince returns, so that a diagnostics pass over only those
// publishes what a pass over every file would.
func TestAffectedCoversChangedDiagnostics(t *testing.T) {
	seeds, steps := 8, 40
	if testing.Short() {
		seeds, steps = 2, 20
	}
	ctx := context.Background()
	for seed := range seeds {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			r := workspace.NewRandomStack(t, uint64(seed)+1000)
			s := r.Session()
			for step := 1; step <= steps; step++ {
				prev := s.Snapshot()
				before := map[position.URI]string{}
				for _, f := range prev.Files() {
					before[f.URI] = describeDiagnostics(diagnostics.File(ctx, prev, f.URI))
				}
				what := r.Step()
				next := s.Snapshot()
				affected, ok := s.AffectedSince(prev.ID())
				if !ok {
					t.Fatalf("step %d (%s): AffectedSince(%d) reports every file", step, what, prev.ID())
				}
				covered := map[position.URI]bool{}
				for _, uri := range affected {
					covered[uri] = true
				}
				for _, f := range next.Files() {
					if covered[f.URI] {
						continue
					}
					if got := describeDiagnostics(diagnostics.File(ctx, next, f.URI)); got != before[f.URI] {
						t.Fatalf("step %d (%s): the diagnostics of %s changed but it is not affected\nbefore:\n%s\nafter:\n%s",
							step, what, f.URI, before[f.URI], got)
					}
				}
				for uri, diags := range before {
					if next.File(uri) == nil && diags != "" && !covered[uri] {
						t.Fatalf("step %d (%s): %s left with diagnostics but it is not affected", step, what, uri)
					}
				}
			}
		})
	}
}
