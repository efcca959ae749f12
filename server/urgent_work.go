package server

import (
	"context"
	"sync"
)

// urgentWork counts the work that the workspace diagnostics pass gives
// way to: a client message being read, a request being handled, and a
// file's own diagnostics pass, pending or running. The pass waits for the
// count to reach zero between files and, through diagnostics.Background,
// between the steps of a check, so that on a machine with few cores the
// editor's messages and the files the user works on come first. The zero
// value counts nothing.
type urgentWork struct {
	mu   sync.Mutex
	n    int           // guarded by mu
	idle chan struct{} // guarded by mu; closed when n drops to zero
}

// begin counts one more piece of urgent work.
func (u *urgentWork) begin() {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.n == 0 {
		u.idle = make(chan struct{})
	}
	u.n++
}

// end uncounts a piece of urgent work that begin counted.
func (u *urgentWork) end() {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.n--
	if u.n == 0 {
		close(u.idle)
	}
}

// count returns the number of pieces of urgent work, for tests.
func (u *urgentWork) count() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.n
}

// wait returns when no urgent work is counted, or when ctx is done.
func (u *urgentWork) wait(ctx context.Context) {
	u.mu.Lock()
	if u.n == 0 {
		u.mu.Unlock()
		return
	}
	idle := u.idle
	u.mu.Unlock()
	select {
	case <-idle:
	case <-ctx.Done():
	}
}
