package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// pipeBufferSize is the buffer that serve requests for stdin and stdout
// when they are pipes: 1 MiB, Linux's default limit for an unprivileged
// process (/proc/sys/fs/pipe-max-size). With the default of 64 KiB, the
// editor's write of a 200 KB didOpen, or the server's write of a large
// publishDiagnostics, waits for the other side to read each 64 KiB.
const pipeBufferSize = 1 << 20

// growPipeBuffers raises the buffer of each of files that is a pipe to
// pipeBufferSize. A file that is not a pipe, or a limit the system sets
// lower, leaves its buffer as it is.
func growPipeBuffers(files ...*os.File) {
	for _, f := range files {
		info, err := f.Stat()
		if err != nil || info.Mode()&os.ModeNamedPipe == 0 {
			continue
		}
		_, _ = unix.FcntlInt(f.Fd(), unix.F_SETPIPE_SZ, pipeBufferSize) // best effort: the default buffer works too
	}
}
