package workspace

import (
	"runtime"
	"sync"
	"weak"
)

// containerMemo keeps the containers of each live Snapshot, so that every
// request on one Snapshot shares one computation. Entries are keyed by a
// weak pointer and removed when the Snapshot is collected.
//
// NOTE: a containerSet must not point back to its Snapshot, or the entry
// would keep the Snapshot alive forever.
var containerMemo = struct {
	mu   sync.Mutex
	sets map[weak.Pointer[Snapshot]]*memoEntry
}{sets: map[weak.Pointer[Snapshot]]*memoEntry{}}

type memoEntry struct {
	once sync.Once
	set  *containerSet
}

// memoContainers returns the containers of snap, building them on first
// use from the Snapshot's cached models and index.
func memoContainers(snap *Snapshot) *containerSet {
	key := weak.Make(snap)
	containerMemo.mu.Lock()
	entry := containerMemo.sets[key]
	if entry == nil {
		entry = &memoEntry{}
		containerMemo.sets[key] = entry
		runtime.AddCleanup(snap, forgetContainers, key)
	}
	containerMemo.mu.Unlock()

	entry.once.Do(func() { entry.set = buildContainers(snap) })
	return entry.set
}

// forgetContainers drops the entry of a collected Snapshot.
func forgetContainers(key weak.Pointer[Snapshot]) {
	containerMemo.mu.Lock()
	delete(containerMemo.sets, key)
	containerMemo.mu.Unlock()
}
