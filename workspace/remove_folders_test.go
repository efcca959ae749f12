package workspace

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stackls/stackls/position"
)

func TestRemoveFoldersDropsOnlyTheirFiles(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/compose.yaml":    "services:\n  api:\n    image: nginx\n",
		"a/entrypoint.sh":   "#!/bin/sh\nnc -z api 80\n",
		"b/compose.yaml":    "services:\n  db:\n    image: mariadb:11\n",
		"a/open/Dockerfile": "FROM alpine:3.20\n",
	})
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	session := NewSession()
	if _, err := session.AddFolders(context.Background(), []string{a, b}); err != nil {
		t.Fatal(err)
	}
	open := position.URIFromPath(filepath.Join(a, "open", "Dockerfile"))
	session.Open(open, "dockerfile", 1, []byte("FROM alpine:3.21\n"))

	snap, dropped := session.RemoveFolders([]string{a})

	if got := snap.Folders(); !slices.Equal(got, []string{b}) {
		t.Errorf("folders = %v, want [%s]", got, b)
	}
	if got := snap.Index().ServiceNames(); !slices.Equal(got, []string{"db"}) {
		t.Errorf("services = %v, want [db]", got)
	}
	for _, rel := range []string{"compose.yaml", "entrypoint.sh"} {
		uri := position.URIFromPath(filepath.Join(a, rel))
		if snap.File(uri) != nil {
			t.Errorf("%s is still in the snapshot", rel)
		}
		if !slices.Contains(dropped, uri) {
			t.Errorf("dropped = %v, want it to contain %s", dropped, uri)
		}
	}
	if f := snap.File(open); f == nil || string(f.Content) != "FROM alpine:3.21\n" {
		t.Errorf("the open document is gone or changed: %v", f)
	}
	if slices.Contains(dropped, open) {
		t.Errorf("dropped contains the open document %s", open)
	}
}
