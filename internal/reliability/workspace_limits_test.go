package reliability

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/lsptest"
)

// hugeWorkspaceFiles is the size of the workspace of
// TestHugeWorkspaceIndexesLazily, in files.
const hugeWorkspaceFiles = 100_000

// hugeWorkspaceHeap is the most heap, in bytes, that indexing
// hugeWorkspaceFiles small files may keep in use. It leaves room for every
// path, the kind of every file and the models of the few thousand modeled
// files, but not for reading and parsing every file.
const hugeWorkspaceHeap = 256 << 20

// TestHugeWorkspaceIndexesLazily indexes a workspace of 100,000 files, 3%
// of them Dockerfiles, compose files and scripts. The server must finish
// indexing, keep its heap bounded, and send a window/showMessage that it
// indexes the files past its limit lazily.
func TestHugeWorkspaceIndexesLazily(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector multiplies memory use, so the heap bound means nothing; the plain run checks it")
	}
	c := lsptest.New(t, "", lsptest.WithoutInitialize())
	start := time.Now()
	writeHugeWorkspace(t, c.WS.Root)
	t.Logf("wrote %d files in %v", hugeWorkspaceFiles, time.Since(start))

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start = time.Now()
	c.Initialize()
	t.Logf("indexed in %v: %+v", time.Since(start), c.Indexed())

	if got := c.Symbols("d0/compose.yaml"); len(got) == 0 {
		t.Errorf("d0/compose.yaml: no outline, want its service")
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("heap in use grew by %d MiB", heap>>20)
	if heap > hugeWorkspaceHeap {
		t.Errorf("indexing %d files keeps %d MiB of heap, want at most %d MiB", hugeWorkspaceFiles, heap>>20, hugeWorkspaceHeap>>20)
	}

	var messages []string
	for _, note := range c.Notifications("window/showMessage") {
		var p struct{ Message string }
		if err := json.Unmarshal(note.Params, &p); err == nil {
			messages = append(messages, p.Message)
		}
	}
	if !containsAny(messages, "lazily", "limit", "too many") {
		t.Errorf("window/showMessage sent %q; want a message that the workspace is over the file limit and is indexed lazily", messages)
	}
}

// writeHugeWorkspace writes hugeWorkspaceFiles files in folders of 100:
// in each folder a Dockerfile, a compose file and a script, and text
// files. The text files of 100 folders are hard links of one file, so
// that writing stays fast and under the file systems' link limits.
func writeHugeWorkspace(t *testing.T, root string) {
	t.Helper()
	var text string
	for dir, written := 0, 0; written < hugeWorkspaceFiles; dir++ {
		folder := filepath.Join(root, fmt.Sprintf("d%d", dir))
		if err := os.Mkdir(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		if dir%100 == 0 {
			text = filepath.Join(folder, "text.txt")
			if err := os.WriteFile(text, []byte("plain text\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			written++
		}
		modeled := files{
			"Dockerfile":    []byte("FROM alpine:3.20\nCOPY entrypoint.sh /\n"),
			"compose.yaml":  []byte(fmt.Sprintf("services:\n  svc-%d:\n    build: .\n", dir)),
			"entrypoint.sh": []byte("#!/bin/sh\nexec \"$@\"\n"),
		}
		writeTree(t, folder, modeled)
		written += len(modeled)
		for i := 0; i < 97 && written < hugeWorkspaceFiles; i++ {
			if dir%100 == 0 && i == 0 {
				continue // text.txt itself
			}
			if err := os.Link(text, filepath.Join(folder, fmt.Sprintf("f%d.txt", i))); err != nil {
				t.Fatal(err)
			}
			written++
		}
	}
}

func containsAny(messages []string, words ...string) bool {
	for _, m := range messages {
		for _, w := range words {
			if strings.Contains(strings.ToLower(m), w) {
				return true
			}
		}
	}
	return false
}

// TestSymlinkLoopsAndUnreadableFolders indexes a workspace with symbolic
// link loops, a dangling link and a folder the server cannot read. The
// server must finish indexing, skip the folder with a warning in its log
// and index the rest. Root reads any folder, so as root the binary runs
// as uid 65534 (nobody) under setpriv, and without setpriv the test is
// skipped.
func TestSymlinkLoopsAndUnreadableFolders(t *testing.T) {
	start := lsptest.Binary() // its log holds the warnings of the workspace walk too
	asRoot := os.Geteuid() == 0
	if asRoot {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("running as root, which reads any folder, and setpriv (util-linux) is missing to drop to nobody; skipping")
		}
		start = lsptest.BinaryUnder(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
	}
	c := lsptest.New(t, "", start, lsptest.WithoutInitialize())
	root := c.WS.Root
	writeTree(t, root, files{
		"visible/compose.yaml": []byte("services:\n  visible-svc:\n    image: nginx\n"),
		"locked/compose.yaml":  []byte("services:\n  hidden-svc:\n    image: nginx\n"),
	})
	links := map[string]string{
		"loop/self":         ".",
		"loop/up":           "..",
		"loop/a/b":          "../../loop",
		"dangling.yaml":     "missing/compose.yaml",
		"selfloop.yaml":     "selfloop.yaml",
		"alias/compose.yml": "../visible/compose.yaml",
	}
	for link, target := range links {
		path := filepath.Join(root, link)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, path); err != nil {
			t.Fatal(err)
		}
	}
	locked := filepath.Join(root, "locked")
	if asRoot {
		// uid 65534 must reach the workspace through the test's own
		// folders, which t.TempDir creates for the owner only.
		for _, dir := range []string{filepath.Dir(root), root} {
			if err := os.Chmod(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })

	c.Initialize()
	for _, rel := range []string{"visible/compose.yaml", "alias/compose.yml"} {
		if got := c.Symbols(rel); len(got) == 0 {
			t.Errorf("%s: no outline, want the services of a readable file", rel)
		}
	}
	if got := c.Symbols("locked/compose.yaml"); len(got) > 0 {
		t.Errorf("locked/compose.yaml: outline %v, from a folder the server cannot read", got)
	}
	if log := c.ServerLog(); !strings.Contains(log, "locked") {
		t.Errorf("the server log does not name the unreadable folder locked:\n%s", log)
	}
}
