package completion

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/testws"
)

func BenchmarkDockerfileCompletion(b *testing.B) {
	src := testws.LongDockerfile(5000)
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
