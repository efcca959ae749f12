package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// writeFiles writes files, by slash path relative to root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// withLimits sets the discovery limits for one test.
func withLimits(t *testing.T, l discoveryLimits) {
	t.Helper()
	saved := limits
	limits = l
	t.Cleanup(func() { limits = saved })
}

// relFiles returns the paths of the snapshot's Files relative to root.
func relFiles(snap *Snapshot, root string) []string {
	var out []string
	for _, f := range snap.Files() {
		rel, _ := filepath.Rel(root, f.URI.Path())
		out = append(out, filepath.ToSlash(rel))
	}
	sort.Strings(out)
	return out
}

// lazyWorkspace has 30 files: a Makefile that names a compose file whose
// name shows no kind, three Dockerfiles, a script found only by its "#!"
// line, and text files.
func lazyWorkspace() map[string]string {
	files := map[string]string{
		"Makefile":         "up:\n\tdocker compose -f deploy/stack.yml up -d\n",
		"deploy/stack.yml": "services:\n  web:\n    image: nginx\n",
		"a/Dockerfile":     "FROM alpine\n",
		"b/Dockerfile":     "FROM alpine\n",
		"c/Dockerfile":     "FROM alpine\n",
		"tools/run":        "#!/bin/sh\necho run\n",
	}
	for i := len(files); i < 30; i++ {
		files[fmt.Sprintf("notes/n%02d.txt", i)] = "text\n"
	}
	return files
}

func TestDiscoverWithinLimits(t *testing.T) {
	withLimits(t, discoveryLimits{eagerFiles: 30, readFiles: 2, walkedFiles: 100})
	root := t.TempDir()
	writeFiles(t, root, lazyWorkspace())
	s := NewSession()
	snap, err := s.AddFolders(context.Background(), []string{root})
	if err != nil {
		t.Fatal(err)
	}
	if lazy := s.TakeLazyIndex(); lazy != nil {
		t.Errorf("LazyIndex = %+v for a workspace of 30 files within the limit of 30", lazy)
	}
	want := "Makefile a/Dockerfile b/Dockerfile c/Dockerfile deploy/stack.yml tools/run"
	if got := strings.Join(relFiles(snap, root), " "); got != want {
		t.Errorf("files %s, want %s", got, want)
	}
}

func TestDiscoverLazyPastLimit(t *testing.T) {
	withLimits(t, discoveryLimits{eagerFiles: 29, readFiles: 2, walkedFiles: 100})
	root := t.TempDir()
	writeFiles(t, root, lazyWorkspace())
	s := NewSession()
	snap, err := s.AddFolders(context.Background(), []string{root})
	if err != nil {
		t.Fatal(err)
	}

	want := LazyIndex{Files: 30, Limit: 29, Read: 2, Unread: 2}
	if got := s.TakeLazyIndex(); got == nil || *got != want {
		t.Fatalf("LazyIndex = %+v, want %+v", got, want)
	}
	if again := s.TakeLazyIndex(); again != nil {
		t.Errorf("LazyIndex taken twice = %+v, want nil the second time", again)
	}
	// The Makefile comes first and links the compose file, which is read
	// lazily; the script found only by its "#!" line is left out.
	wantFiles := "Makefile a/Dockerfile deploy/stack.yml"
	if got := strings.Join(relFiles(snap, root), " "); got != wantFiles {
		t.Errorf("files %s, want %s", got, wantFiles)
	}
	if snap.Index() == nil || len(snap.File(position.URIFromPath(filepath.Join(root, "deploy/stack.yml"))).Compose().Services) != 1 {
		t.Errorf("the compose file that the Makefile names is not modelled")
	}

	uri := position.URIFromPath(filepath.Join(root, "c/Dockerfile"))
	if f := s.Open(uri, "dockerfile", 1, []byte("FROM alpine\n")).File(uri); f == nil || f.Dockerfile() == nil {
		t.Errorf("an opened Dockerfile past the read limit is not modelled")
	}
}

func TestDiscoverWalkStops(t *testing.T) {
	withLimits(t, discoveryLimits{eagerFiles: 5, readFiles: 10, walkedFiles: 5})
	root := t.TempDir()
	writeFiles(t, root, lazyWorkspace())
	s := NewSession()
	snap, err := s.AddFolders(context.Background(), []string{root})
	if err != nil {
		t.Fatal(err)
	}
	lazy := s.TakeLazyIndex()
	if lazy == nil || !lazy.Incomplete || lazy.Files != 5 {
		t.Errorf("LazyIndex = %+v, want an incomplete walk of 5 files", lazy)
	}
	if n := len(snap.tree.paths); n != 5 {
		t.Errorf("%d paths recorded, want 5", n)
	}
}

func TestTakeSkipped(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"big/compose.yaml": "services: {}\n" + strings.Repeat("#\n", MaxFileSize/2),
		"nul/Dockerfile":   "FROM alpine\nRUN echo \x00\n",
		"ok/Dockerfile":    "FROM alpine\n",
		"big/notes.txt":    strings.Repeat("x", MaxFileSize+1),
	})
	s := NewSession()
	if _, err := s.AddFolders(context.Background(), []string{root}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sk := range s.TakeSkipped() {
		rel, _ := filepath.Rel(root, sk.Path)
		got = append(got, filepath.ToSlash(rel)+": "+sk.Reason)
	}
	sort.Strings(got)
	want := []string{"big/compose.yaml: larger than 2 MiB", "nul/Dockerfile: binary content (NUL byte)"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("skipped after indexing:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The same paths opened are not returned again; a new one is, once.
	nul := position.URIFromPath(filepath.Join(root, "nul/Dockerfile"))
	s.Open(nul, "dockerfile", 1, []byte("FROM alpine\x00\n"))
	okURI := position.URIFromPath(filepath.Join(root, "ok/Dockerfile"))
	s.Open(okURI, "dockerfile", 1, []byte("FROM alpine\n"))
	if _, err := s.Change(okURI, 2, []position.Change{{Text: "FROM \x00\n"}}, position.UTF16); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Change(okURI, 3, []position.Change{{Text: "FROM \x00\x00\n"}}, position.UTF16); err != nil {
		t.Fatal(err)
	}
	again := s.TakeSkipped()
	if len(again) != 1 || again[0].Path != okURI.Path() {
		t.Errorf("skipped after opening and changing = %+v, want only %s", again, okURI.Path())
	}
	if rest := s.TakeSkipped(); len(rest) != 0 {
		t.Errorf("skipped on a second call = %+v, want none", rest)
	}
}
