package server_test

import (
	"testing"
	"time"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// editBench is a file that the edit benchmark changes: a line inserted
// before the first occurrence of before, and removed again.
type editBench struct {
	name, rel, before, line string
}

// BenchmarkEditDiagnostics measures, over LSP to an in-process server,
// the time from an incremental didChange to the publishDiagnostics of the
// new version. The edits insert a line and remove it in turn, in the
// compose file, a Dockerfile and an entrypoint script of the inception
// example, and in the 5,000-line Dockerfile of testws. The server waits
// 1 µs after an edit in place of its 3 ms default, so the figures show
// the work of each edit and not the timer.
func BenchmarkEditDiagnostics(b *testing.B) {
	inception := testws.Example(b, "inception")
	long := "-- Dockerfile --\n" + testws.LongDockerfile(5000)
	edits := []struct {
		archive string
		editBench
	}{
		{inception, editBench{"Compose", "srcs/docker-compose.yml", "services:", "x-bench-edit: 1\n"}},
		{inception, editBench{"Dockerfile", "srcs/requirements/wordpress/Dockerfile", "WORKDIR", "RUN echo bench-edit\n"}},
		{inception, editBench{"Script", "srcs/requirements/wordpress/tools/entrypoint.sh", `exec "$@"`, "echo bench-edit\n"}},
		{long, editBench{"LongDockerfile", "Dockerfile", "FROM alpine:$BASE AS stage12\n", "RUN echo bench-edit\n"}},
	}
	for _, edit := range edits {
		b.Run(edit.name, func(b *testing.B) {
			c := lsptest.New(b, edit.archive, benchServerOptions(time.Microsecond))
			runEdits(b, c, edit.editBench)
		})
	}
}

// runEdits opens the file, then times each edit until the publish of its
// version, and reports the median and the 99th percentile.
func runEdits(b *testing.B, c *lsptest.Client, edit editBench) {
	c.Open(edit.rel)
	c.Diagnostics(edit.rel)
	at := c.Find(edit.rel, edit.before, 1).Start
	inserted := position.Span{Start: at, End: at + len(edit.line)}

	var durations []time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		start := time.Now()
		if i%2 == 0 {
			c.Change(edit.rel, lsptest.Edit{Span: position.Span{Start: at, End: at}, NewText: edit.line})
		} else {
			c.Change(edit.rel, lsptest.Edit{Span: inserted, NewText: ""})
		}
		c.Diagnostics(edit.rel) // waits for the publish of the new version
		durations = append(durations, time.Since(start))
		i++
	}
	reportLatencies(b, durations)
}
