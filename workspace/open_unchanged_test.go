package workspace

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stackls/stackls/position"
)

// TestOpenUnchangedFileSharesDerived checks that a document opened with
// its disk content shares the disk File's models, and that the index then
// matches a full build and keeps what it derived. A document opened with
// other content, or changed after it opened, gets models of its own.
func TestOpenUnchangedFileSharesDerived(t *testing.T) {
	root := t.TempDir()
	writeBenchWorkspace(t, root, 2, 4)
	session := NewSession()
	if _, err := session.AddFolders(context.Background(), []string{root}); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{
		filepath.Join("p000", "srcs", "stack.yml"),
		filepath.Join("p000", "srcs", ".env"),
		filepath.Join("p000", "Makefile"),
		filepath.Join("p000", "srcs", "svc00", "conf", "app.conf"),
		filepath.Join("p000", "srcs", "svc00", "Dockerfile"),
		filepath.Join("p000", "srcs", "svc00", "tools", "entrypoint.sh"),
	} {
		uri := position.URIFromPath(filepath.Join(root, rel))
		disk := session.Snapshot().File(uri)
		if disk == nil {
			t.Fatalf("%s is not in the workspace", rel)
		}
		before := session.Snapshot().Index()

		snap := session.Open(uri, "", 1, append([]byte(nil), disk.Content...))
		open := snap.File(uri)
		if !open.Open || open.Version != 1 {
			t.Errorf("%s: the open File has Open %v, version %d; want true, 1", rel, open.Open, open.Version)
		}
		if open.derived != disk.derived || open.parsed() != disk.parsed() {
			t.Errorf("%s: opened with its disk content, the File does not share the disk copy's models", rel)
		}
		if got, want := describeIndexHosts(snap.Index()), describeIndexHosts(freshIndex(snap)); got != want {
			t.Errorf("%s: host uses differ from a full build\ngot:\n%s\nwant:\n%s", rel, got, want)
		}
		if got, want := describeIndex(root, snap.Index()), describeIndex(root, before); got != want {
			t.Errorf("%s: opening the file unchanged changed the index\ngot:\n%s\nwant:\n%s", rel, got, want)
		}

		changed := append(append([]byte(nil), disk.Content...), "\n# edited\n"...)
		snap, err := session.Change(uri, 2, []position.Change{{Text: string(changed)}}, position.UTF16)
		if err != nil {
			t.Fatal(err)
		}
		if snap.File(uri).derived == disk.derived {
			t.Errorf("%s: a changed document shares the disk copy's models", rel)
		}
		session.Close(uri)

		snap = session.Open(uri, "", 3, changed)
		if snap.File(uri).derived == disk.derived {
			t.Errorf("%s: a document opened with other content shares the disk copy's models", rel)
		}
		session.Close(uri)
	}
}
