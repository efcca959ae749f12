package server

import (
	"runtime/debug"
	"sync"
)

// largeCheckBytes is the size from which a file's parse or check raises
// the collector's target (Options.CheckGCPercent). A smaller file's work
// allocates too little for the collector to matter.
const largeCheckBytes = 64 << 10

// gcBoost raises the garbage collector's target to percent while at least
// one parse or check of a large file runs, and sets the earlier target
// back after the last one. The server boosts the parse of a document that
// the client opened or changed, and every check of a large file. A higher
// target means fewer collections during the work, for a heap that grows
// more until the next one. It never lowers a target, and does nothing
// when the collector is off or percent is 0.
type gcBoost struct {
	percent int // set before use; 0 disables the boost

	mu      sync.Mutex
	running int  // guarded by mu; parses and checks that requested the boost
	saved   int  // guarded by mu; the target before the boost
	raised  bool // guarded by mu; whether the boost changed the target
}

// begin raises the target for one more parse or check of size bytes, if
// the file is large, and returns the function that ends it.
func (b *gcBoost) begin(size int) (end func()) {
	if b.percent <= 0 || size < largeCheckBytes {
		return func() {}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.running == 0 {
		b.saved = debug.SetGCPercent(b.percent)
		b.raised = b.saved >= 0 && b.saved < b.percent
		if !b.raised {
			debug.SetGCPercent(b.saved) // off, or higher already: keep it
		}
	}
	b.running++
	return b.end
}

func (b *gcBoost) end() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.running--
	if b.running == 0 && b.raised {
		debug.SetGCPercent(b.saved)
		b.raised = false
	}
}
