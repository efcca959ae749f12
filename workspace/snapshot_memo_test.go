package workspace

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stackls/stackls/position"
)

// TestSnapshotMemo checks that Memo computes a value once per Snapshot,
// that a later Snapshot computes it again, and that a full memo drops a
// value to keep a new one.
func TestSnapshotMemo(t *testing.T) {
	root := t.TempDir()
	writeBenchWorkspace(t, root, 1, 2)
	session := NewSession()
	snap, err := session.AddFolders(context.Background(), []string{root})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ n int }
	calls := 0
	compute := func() any { calls++; return calls }
	if got := snap.Memo(key{1}, compute); got != 1 {
		t.Errorf("first Memo = %v, want 1", got)
	}
	if got := snap.Memo(key{1}, compute); got != 1 || calls != 1 {
		t.Errorf("second Memo = %v after %d computations, want 1 after 1", got, calls)
	}

	uri := position.URIFromPath(filepath.Join(root, "p000", "srcs", "stack.yml"))
	next := session.Open(uri, "", 1, []byte("services: {}\n"))
	if got := next.Memo(key{1}, compute); got != 2 {
		t.Errorf("Memo of the next Snapshot = %v, want a new value 2", got)
	}

	for i := range maxSnapshotMemos + 10 {
		snap.Memo(key{100 + i}, func() any { return i })
	}
	snap.memoMu.Lock()
	size := len(snap.memo)
	snap.memoMu.Unlock()
	if size > maxSnapshotMemos {
		t.Errorf("memo holds %d values, want at most %d", size, maxSnapshotMemos)
	}
}
