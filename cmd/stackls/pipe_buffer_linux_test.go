package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestGrowPipeBuffers checks that both ends of a pipe get the larger
// buffer when one end is passed, and that a regular file passed with it
// does not stop that.
func TestGrowPipeBuffers(t *testing.T) {
	if limit, err := os.ReadFile("/proc/sys/fs/pipe-max-size"); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(string(limit))); err == nil && n < pipeBufferSize {
			t.Skipf("this system caps pipe buffers at %d bytes", n)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	regular, err := os.Create(filepath.Join(t.TempDir(), "file"))
	if err != nil {
		t.Fatal(err)
	}
	defer regular.Close()

	growPipeBuffers(r, regular)
	for name, f := range map[string]*os.File{"read end": r, "write end": w} {
		size, err := unix.FcntlInt(f.Fd(), unix.F_GETPIPE_SZ, 0)
		if err != nil {
			t.Fatal(err)
		}
		if size != pipeBufferSize {
			t.Errorf("%s: pipe buffer %d bytes, want %d", name, size, pipeBufferSize)
		}
	}
}
