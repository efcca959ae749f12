package workspace

import (
	"context"
	"testing"
)

// BenchmarkBuildContainers measures the containers of 100 projects of 5
// services (about 1,900 files), each started by its own Makefile, which
// every diagnostics pass of a script builds again after an edit.
func BenchmarkBuildContainers(b *testing.B) {
	root := b.TempDir()
	writeBenchWorkspace(b, root, 100, 5)
	snap, err := NewSession().AddFolders(context.Background(), []string{root})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if set := buildContainers(snap, snap.Index()); len(set.all) != 500 {
			b.Fatalf("built %d containers, want 500", len(set.all))
		}
	}
}
