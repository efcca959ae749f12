package diagnostics

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestResultCacheComputesOnce checks that goroutines that need the same
// key share one computation.
func TestResultCacheComputesOnce(t *testing.T) {
	c := newResultCache[string, int](8, strings.Clone)
	var calls atomic.Int32
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := c.get("k", func() int { calls.Add(1); return 42 }); got != 42 {
				t.Errorf("get = %d, want 42", got)
			}
		}()
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("computed %d times, want once", n)
	}
}

// TestResultCacheDropsOldKeys checks that a key not looked up for two
// generations is computed again, and that one looked up is kept.
func TestResultCacheDropsOldKeys(t *testing.T) {
	c := newResultCache[string, string](2, strings.Clone)
	calls := map[string]int{}
	get := func(key string) string {
		return c.get(key, func() string { calls[key]++; return key + "!" })
	}
	get("a")
	get("b")
	get("c") // a new generation: a and b are old
	get("a") // moves a into the current generation
	get("d") // a new generation: b is dropped
	get("e")
	get("a")
	get("b")
	if calls["a"] != 1 || calls["b"] != 2 {
		t.Errorf("computed a %d and b %d times, want 1 and 2", calls["a"], calls["b"])
	}
	if got := get("a"); got != "a!" {
		t.Errorf("get(a) = %q, want a!", got)
	}
}

// TestResultCachePanicRecomputes checks that a computation that panicked
// leaves no result behind.
func TestResultCachePanicRecomputes(t *testing.T) {
	c := newResultCache[string, *int](8, strings.Clone)
	func() {
		defer func() { _ = recover() }()
		c.get("k", func() *int { panic("compute failed") })
	}()
	n := 7
	if got := c.get("k", func() *int { return &n }); got == nil || *got != 7 {
		t.Errorf("get after a panic = %v, want 7", got)
	}
}
