package runner

import (
	"testing"
	"time"
)

func TestSummarizePercentiles(t *testing.T) {
	var samples []time.Duration
	for i := 100; i >= 1; i-- {
		samples = append(samples, time.Duration(i)*time.Millisecond)
	}
	got := summarize(samples)
	if got.N != 100 || got.P50 != 50 || got.P99 != 99 || got.Max != 100 || got.Mean != 50.5 {
		t.Errorf("summarize(1..100 ms) = %+v, want n 100, p50 50, p99 99, max 100, mean 50.5", got)
	}
	if one := summarize([]time.Duration{3 * time.Millisecond}); one.P50 != 3 || one.P99 != 3 {
		t.Errorf("summarize(3 ms) = %+v, want p50 and p99 3", one)
	}
	if empty := summarize(nil); empty.N != 0 {
		t.Errorf("summarize(nil) = %+v, want zero", empty)
	}
}

func TestLineCount(t *testing.T) {
	tests := map[string]int{"": 0, "a": 1, "a\n": 1, "a\nb": 2, "a\n\n": 2}
	for content, want := range tests {
		if got := LineCount(content); got != want {
			t.Errorf("LineCount(%q) = %d, want %d", content, got, want)
		}
	}
}

func TestMedian(t *testing.T) {
	if got := median([]float64{9, 1, 5}); got != 5 {
		t.Errorf("median(9, 1, 5) = %v, want 5", got)
	}
	if got := median([]float64{4, 1, 3, 2}); got != 2.5 {
		t.Errorf("median(4, 1, 3, 2) = %v, want 2.5", got)
	}
}
