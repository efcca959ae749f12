package runner

import (
	"slices"
	"strings"
	"time"
)

// Stat summarizes repeated timings in milliseconds.
type Stat struct {
	N      int     `json:"n"`
	P50    float64 `json:"p50_ms"`
	P99    float64 `json:"p99_ms"`
	Mean   float64 `json:"mean_ms"`
	Max    float64 `json:"max_ms"`
	Empty  int     `json:"empty,omitempty"`  // results with nothing in them
	Errors int     `json:"errors,omitempty"` // error responses and timeouts
}

// summarize returns the Stat of samples; percentiles use the nearest rank.
func summarize(samples []time.Duration) Stat {
	if len(samples) == 0 {
		return Stat{}
	}
	sorted := slices.Clone(samples)
	slices.Sort(sorted)
	var total time.Duration
	for _, d := range sorted {
		total += d
	}
	return Stat{
		N:    len(sorted),
		P50:  ms(percentile(sorted, 50)),
		P99:  ms(percentile(sorted, 99)),
		Mean: ms(total / time.Duration(len(sorted))),
		Max:  ms(sorted[len(sorted)-1]),
	}
}

// percentile returns the nearest-rank percentile q (0-100] of sorted.
func percentile(sorted []time.Duration, q int) time.Duration {
	rank := (q*len(sorted) + 99) / 100 // ceil(q/100 * n)
	return sorted[max(0, rank-1)]
}

// LineCount returns the number of lines of content; a last line without a
// line break counts.
func LineCount(content string) int {
	n := strings.Count(content, "\n")
	if content != "" && !strings.HasSuffix(content, "\n") {
		n++
	}
	return n
}

// median returns the median of values, the mean of the middle two for an
// even count.
func median(values []float64) float64 {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	mid := len(sorted) / 2
	if len(sorted)%2 == 0 {
		return (sorted[mid-1] + sorted[mid]) / 2
	}
	return sorted[mid]
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
