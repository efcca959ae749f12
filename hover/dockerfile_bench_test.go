package hover

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/testws"
)

// reportPercentiles reports the median and 95th percentile of durations.
func reportPercentiles(b *testing.B, durations []time.Duration) {
	if len(durations) == 0 {
		return
	}
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(durations[len(durations)*95/100].Nanoseconds()), "p95-ns")
}

func BenchmarkDockerfileHover(b *testing.B) {
	src := testws.LongDockerfile(5000)
	ws := testws.New(b, "-- Dockerfile --\n"+src)
	snap := ws.Snapshot()
	uri := ws.URI("Dockerfile")
	snap.File(uri).Dockerfile() // parse once, as the server does on open
	var offsets []int
	for i := 0; i < len(src); i += len(src) / 97 {
		offsets = append(offsets, strings.LastIndex(src[:i+1], "$APP")+2, strings.LastIndex(src[:i+1], "RUN")+1)
	}
	var durations []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		offset := offsets[i%len(offsets)]
		start := time.Now()
		if _, err := Hover(context.Background(), snap, uri, offset); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
	}
	reportPercentiles(b, durations)
}

func TestBigDockerfileLines(t *testing.T) {
	if got := strings.Count(testws.LongDockerfile(5000), "\n"); got < 5000 || got > 5010 {
		t.Errorf("the benchmark Dockerfile has %d lines, want about 5000", got)
	}
}
