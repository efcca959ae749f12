package diagnostics

import (
	"sync"
)

// resultCache keeps the results of a computation that depends only on its
// key, such as buildkit's instruction parser on one instruction, so that a
// check after an edit computes them only for the changed instructions. It
// keeps two generations: a lookup reads both and moves what it finds into
// the current one, and the current one becomes the old one once it has max
// entries, so that keys no longer looked up are dropped. It is safe for
// concurrent use, and two goroutines that need the same key compute it
// once: the second waits for the first, as when a check of a file starts
// while a check of the workspace still reads the same file.
type resultCache[K comparable, V any] struct {
	mu    sync.Mutex
	cur   map[K]*cacheCell[K, V] // guarded by mu
	old   map[K]*cacheCell[K, V] // guarded by mu
	max   int
	clone func(K) K // copies the strings of a key, so that the cache keeps no file content alive
}

// cacheCell is the result for one key, computed once, and the copy of the
// key that the cache keeps.
type cacheCell[K comparable, V any] struct {
	key   K
	once  sync.Once
	value V
	done  bool // value is set: false after a compute that panicked
}

func newResultCache[K comparable, V any](maxEntries int, clone func(K) K) *resultCache[K, V] {
	c := &resultCache[K, V]{max: maxEntries, clone: clone}
	c.reset()
	return c
}

// get returns the result for key, calling compute to get it unless the
// cache has it.
func (c *resultCache[K, V]) get(key K, compute func() V) V {
	cell := c.cell(key)
	cell.once.Do(func() {
		cell.value = compute()
		cell.done = true
	})
	if !cell.done {
		return compute()
	}
	return cell.value
}

// cell returns the cell of key, a new one when the cache has none.
func (c *resultCache[K, V]) cell(key K) *cacheCell[K, V] {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cell := c.cur[key]; cell != nil {
		return cell
	}
	cell := c.old[key]
	if cell == nil {
		cell = &cacheCell[K, V]{key: c.clone(key)}
	}
	if len(c.cur) >= c.max {
		c.old, c.cur = c.cur, make(map[K]*cacheCell[K, V], len(c.cur))
	}
	c.cur[cell.key] = cell
	return cell
}

// has reports whether the cache has a cell for key, computed or being
// computed. It does not move the cell to the current generation.
func (c *resultCache[K, V]) has(key K) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cur[key] != nil || c.old[key] != nil
}

// reset empties the cache, for tests and benchmarks that start cold.
func (c *resultCache[K, V]) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cur, c.old = map[K]*cacheCell[K, V]{}, map[K]*cacheCell[K, V]{}
}
