package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"
)

// maxPublishesPerURI bounds the publishDiagnostics history kept per URI.
const maxPublishesPerURI = 64

// Publish is one publishDiagnostics notification.
type Publish struct {
	At      time.Time
	Version *int // nil when the server sent no version
	Count   int  // number of diagnostics
}

// Progress is one work-done progress token's begin and end.
type Progress struct {
	Title string
	Begin time.Time
	End   time.Time // zero while the work runs
}

// Events records what the server notified, for waiting on it.
type Events struct {
	mu          sync.Mutex // guards all fields
	wake        chan struct{}
	publishes   map[string][]Publish
	lastPublish time.Time
	created     int
	tokens      map[string]*Progress
	order       []string // progress tokens in begin order
}

func newEvents() *Events {
	return &Events{wake: make(chan struct{}), publishes: make(map[string][]Publish), tokens: make(map[string]*Progress)}
}

// notifyLocked wakes every waiter; e.mu must be held.
func (e *Events) notifyLocked() {
	close(e.wake)
	e.wake = make(chan struct{})
}

func (e *Events) diagnostics(params json.RawMessage, at time.Time) {
	var p struct {
		URI         string            `json:"uri"`
		Version     *int              `json:"version"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	if json.Unmarshal(params, &p) != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	list := append(e.publishes[p.URI], Publish{At: at, Version: p.Version, Count: len(p.Diagnostics)})
	if len(list) > maxPublishesPerURI {
		list = list[len(list)-maxPublishesPerURI:]
	}
	e.publishes[p.URI] = list
	e.lastPublish = at
	e.notifyLocked()
}

func (e *Events) progressCreated(time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.created++
	e.notifyLocked()
}

func (e *Events) progress(params json.RawMessage, at time.Time) {
	var p struct {
		Token json.RawMessage `json:"token"`
		Value struct {
			Kind  string `json:"kind"`
			Title string `json:"title"`
		} `json:"value"`
	}
	if json.Unmarshal(params, &p) != nil {
		return
	}
	token := string(p.Token)
	e.mu.Lock()
	defer e.mu.Unlock()
	switch p.Value.Kind {
	case "begin":
		e.tokens[token] = &Progress{Title: p.Value.Title, Begin: at}
		e.order = append(e.order, token)
	case "end":
		if state := e.tokens[token]; state != nil {
			state.End = at
		}
	}
	e.notifyLocked()
}

// wait runs check under the lock each time an event arrives until it
// returns true or ctx ends.
func (e *Events) wait(ctx context.Context, check func() bool) error {
	for {
		e.mu.Lock()
		done := check()
		wake := e.wake
		e.mu.Unlock()
		if done {
			return nil
		}
		select {
		case <-wake:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// WaitDiagnostics waits for the first publishDiagnostics for uri that was
// read after after and, when the server sends versions, whose version is at
// least minVersion.
func (e *Events) WaitDiagnostics(ctx context.Context, uri string, after time.Time, minVersion int) (Publish, error) {
	var found Publish
	err := e.wait(ctx, func() bool {
		for _, p := range e.publishes[uri] {
			if p.At.After(after) && (p.Version == nil || *p.Version >= minVersion) {
				found = p
				return true
			}
		}
		return false
	})
	if err != nil {
		return found, fmt.Errorf("wait for diagnostics of %s: %w", uri, err)
	}
	return found, nil
}

// WaitQuiet waits until no publishDiagnostics has arrived for quiet and
// returns the time of the last one and the number of URIs published so far.
func (e *Events) WaitQuiet(ctx context.Context, quiet time.Duration) (time.Time, int, error) {
	for {
		e.mu.Lock()
		last := e.lastPublish
		files := len(e.publishes)
		e.mu.Unlock()
		wait := quiet - time.Since(last)
		if wait <= 0 {
			return last, files, nil
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return last, files, ctx.Err()
		}
	}
}

// LastPublish returns the latest publishDiagnostics for uri.
func (e *Events) LastPublish(uri string) (Publish, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	list := e.publishes[uri]
	if len(list) == 0 {
		return Publish{}, false
	}
	return list[len(list)-1], true
}

// WaitProgressDone waits until every progress token that began has ended
// and returns the tokens in begin order. When no token was created or
// begun within grace, it returns none.
func (e *Events) WaitProgressDone(ctx context.Context, grace time.Duration) ([]Progress, error) {
	graceCtx, cancel := context.WithTimeout(ctx, grace)
	defer cancel()
	err := e.wait(graceCtx, func() bool { return e.created > 0 || len(e.order) > 0 })
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, nil // no progress within grace
	}

	var tokens []Progress
	err = e.wait(ctx, func() bool {
		if len(e.order) < e.created {
			return false // a created token has not begun yet
		}
		tokens = tokens[:0]
		for _, token := range e.order {
			state := e.tokens[token]
			if state.End.IsZero() {
				return false
			}
			tokens = append(tokens, *state)
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("wait for progress to end: %w", err)
	}
	return tokens, nil
}

// ProgressEnded returns the time the last begun progress token ended,
// when at least one began and all of them have ended.
func (e *Events) ProgressEnded() (time.Time, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.order) == 0 || len(e.order) < e.created {
		return time.Time{}, false
	}
	var last time.Time
	for _, token := range e.order {
		end := e.tokens[token].End
		if end.IsZero() {
			return time.Time{}, false
		}
		if end.After(last) {
			last = end
		}
	}
	return last, true
}
