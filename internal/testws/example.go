package testws

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Example returns the files of the folder examples/name of this repository,
// except its README, as an archive for New. The replacements are pairs of
// old and new text, and tests use them to add «markers». Each old text must
// occur once in the archive.
func Example(t testing.TB, name string, replacements ...string) string {
	t.Helper()
	root := filepath.Join(repoRoot(t), "examples", name)
	var b strings.Builder
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "README.md" {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		b.WriteString("-- " + filepath.ToSlash(rel) + " --\n")
		b.Write(content)
		return nil
	})
	if err != nil {
		t.Fatalf("reading example %s: %v", name, err)
	}
	archive := b.String()
	for i := 0; i+1 < len(replacements); i += 2 {
		if n := strings.Count(archive, replacements[i]); n != 1 {
			t.Fatalf("%q occurs %d times in example %s, want once", replacements[i], n, name)
		}
		archive = strings.Replace(archive, replacements[i], replacements[i+1], 1)
	}
	return archive
}

// repoRoot returns the folder of go.mod above the test's working folder.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("reading the working folder: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the working folder")
		}
		dir = parent
	}
}
