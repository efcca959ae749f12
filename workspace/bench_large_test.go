package workspace

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stackls/stackls/position"
)

// BenchmarkLargeWorkspace measures, on 200 projects of 10 services (about
// 6,600 files), the first indexing of the folders and a build of the index
// from scratch. It then measures the update after a change of one file: a
// compose file that gains a service, a Dockerfile, and an open script with
// the containers that its diagnostics read.
func BenchmarkLargeWorkspace(b *testing.B) {
	root := b.TempDir()
	writeBenchWorkspace(b, root, 200, 10)

	b.Run("AddFolders", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := NewSession().AddFolders(context.Background(), []string{root}); err != nil {
				b.Fatal(err)
			}
		}
	})

	session := NewSession()
	if _, err := session.AddFolders(context.Background(), []string{root}); err != nil {
		b.Fatal(err)
	}
	Containers(session.Snapshot())

	b.Run("IndexFromScratch", func(b *testing.B) {
		snap := session.Snapshot()
		b.ReportAllocs()
		for b.Loop() {
			if ix := freshIndex(snap); len(ix.Projects()) != 200 {
				b.Fatalf("%d projects, want 200", len(ix.Projects()))
			}
		}
	})

	b.Run("ComposeChanged", func(b *testing.B) {
		compose := filepath.Join(root, "p100", "srcs", "stack.yml")
		before := readBenchFile(b, compose)
		after := before + "  extra:\n    image: alpine:3.20\n"
		defer writeBenchFile(b, compose, before)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			content, want := after, 1
			if i%2 == 1 {
				content, want = before, 0
			}
			i++
			writeBenchFile(b, compose, content)
			snap := session.FilesChanged([]position.URI{position.URIFromPath(compose)})
			if got := len(snap.Index().Services("extra")); got != want {
				b.Fatalf("%d definitions of extra, want %d", got, want)
			}
		}
	})

	b.Run("DockerfileChanged", func(b *testing.B) {
		dockerfile := filepath.Join(root, "p100", "srcs", "svc03", "Dockerfile")
		before := readBenchFile(b, dockerfile)
		defer writeBenchFile(b, dockerfile, before)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			content := before
			if i%2 == 0 {
				content += "EXPOSE 9090\n"
			}
			i++
			writeBenchFile(b, dockerfile, content)
			snap := session.FilesChanged([]position.URI{position.URIFromPath(dockerfile)})
			if len(snap.Index().ImageFiles(position.URIFromPath(dockerfile))) == 0 {
				b.Fatal("the Dockerfile copies no file")
			}
		}
	})

	b.Run("ScriptChangedWithContainers", func(b *testing.B) {
		uri := position.URIFromPath(filepath.Join(root, "p100", "srcs", "svc00", "tools", "entrypoint.sh"))
		content := readBenchFile(b, uri.Path())
		session.Open(uri, "shellscript", 1, []byte(content))
		defer session.Close(uri)
		b.ReportAllocs()
		version := int32(1)
		for b.Loop() {
			version++
			text := content
			if version%2 == 0 {
				text += "nc -z svc05 8080\n"
			}
			snap, err := session.Change(uri, version, []position.Change{{Text: text}}, position.UTF16)
			if err != nil {
				b.Fatal(err)
			}
			if len(ContainersOf(snap, uri)) == 0 {
				b.Fatal("no container holds the script")
			}
		}
	})
}

func readBenchFile(tb testing.TB, path string) string {
	tb.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(content)
}

func writeBenchFile(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}
