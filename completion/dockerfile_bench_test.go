package completion

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/testws"
)

// bigDockerfile returns a Dockerfile of about lines lines: stages with
// ARG, ENV, multi-line RUN, heredocs and COPY --from.
func bigDockerfile(lines int) string {
	var b strings.Builder
	b.WriteString("# syntax=docker/dockerfile:1\nARG BASE=3.20\n")
	n := 2
	for stage := 0; n < lines; stage++ {
		fmt.Fprintf(&b, "FROM alpine:$BASE AS stage%d\nARG BASE\nENV APP_%d=/srv/app%d\n", stage, stage, stage)
		n += 3
		for i := 0; i < 40 && n < lines; i++ {
			fmt.Fprintf(&b, "RUN apk add --no-cache pkg%d && \\\n    echo \"$APP_%d $BASE\" > /tmp/f%d\n", i, stage, i)
			fmt.Fprintf(&b, "COPY <<EOF /etc/conf%d\nvalue=$APP_%d\nEOF\n", i, stage)
			n += 5
		}
		if stage > 0 {
			fmt.Fprintf(&b, "COPY --from=stage%d /srv /srv\n", stage-1)
			n++
		}
	}
	return b.String()
}

func BenchmarkDockerfileCompletion(b *testing.B) {
	src := bigDockerfile(5000)
	ws := testws.New(b, "-- Dockerfile --\n"+src)
	snap := ws.Snapshot()
	uri := ws.URI("Dockerfile")
	snap.File(uri).Dockerfile()
	var offsets []int
	for i := 0; i < len(src); i += len(src) / 97 {
		offsets = append(offsets,
			strings.LastIndex(src[:i+1], "$APP")+2,                 // a variable
			strings.LastIndex(src[:i+1], "\nRUN")+3,                // a keyword
			strings.LastIndex(src[:i+1], "--from=")+len("--from=")) // a stage
	}
	var durations []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		offset := offsets[i%len(offsets)]
		start := time.Now()
		if _, err := Complete(context.Background(), snap, uri, offset, Options{Snippets: true}); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
	}
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(durations[len(durations)*95/100].Nanoseconds()), "p95-ns")
}
