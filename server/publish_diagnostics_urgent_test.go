package server

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/stackls/stackls/position"
)

// TestWorkspacePassWaitsForFilePasses checks that the workspace pass waits
// while a file's pass is pending, and goes on once it ends or is stopped.
func TestWorkspacePassWaitsForFilePasses(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &server{ctx: ctx, log: slog.New(slog.DiscardHandler)}
	d := &diagnoser{s: s}

	s.urgent.wait(ctx) // nothing pending: returns at once

	d.mu.Lock()
	s.urgent.begin()
	p := d.schedule(time.Hour, true, func(context.Context) {})
	d.mu.Unlock()

	waited := make(chan struct{})
	go func() {
		s.urgent.wait(ctx)
		close(waited)
	}()
	select {
	case <-waited:
		t.Fatal("the wait returned while a file pass was pending")
	case <-time.After(20 * time.Millisecond):
	}

	d.mu.Lock()
	d.stopPass(p)
	d.mu.Unlock()
	if pending := s.urgent.count(); pending != 0 {
		t.Errorf("urgent = %d after the pending pass was stopped, want 0", pending)
	}
	select {
	case <-waited:
	case <-time.After(5 * time.Second):
		t.Fatal("the wait goes on after the pass was stopped")
	}
}

// TestFilePassEndsItsCount checks that a file pass that runs is uncounted
// when its work returns, and that stopping it afterwards does not
// uncount it twice.
func TestFilePassEndsItsCount(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &server{ctx: ctx, log: slog.New(slog.DiscardHandler)}
	d := &diagnoser{s: s}

	ran := make(chan struct{})
	d.mu.Lock()
	s.urgent.begin()
	p := d.schedule(0, true, func(context.Context) { close(ran) })
	d.mu.Unlock()
	<-ran

	deadline := time.Now().Add(5 * time.Second)
	for {
		pending := s.urgent.count()
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("urgent = %d after the pass ran, want 0", pending)
		}
		time.Sleep(time.Millisecond)
	}

	d.mu.Lock()
	d.stopPass(p)
	d.mu.Unlock()
	if pending := s.urgent.count(); pending != 0 {
		t.Errorf("urgent = %d after stopping a finished pass, want 0", pending)
	}
}

// TestChangeCancelsIndexPass checks that a change cancels the workspace
// pass that follows a new index, since the change schedules one after it.
func TestChangeCancelsIndexPass(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &server{ctx: ctx, log: slog.New(slog.DiscardHandler)}
	s.client.Store(&clientState{})
	d := &diagnoser{s: s, delay: time.Hour, passes: map[position.URI]*pass{}}

	passCtx, passCancel := context.WithCancel(ctx)
	defer passCancel()
	d.indexPass = &indexPass{cancel: passCancel}
	d.changed(position.URIFromPath("/w/compose.yaml"))
	if passCtx.Err() == nil {
		t.Error("the index pass is still running after a change")
	}
	d.stop()
}

// TestFileDelayFollowsCheckCost checks that a file whose last check was
// cheaper than the edit delay waits only that long.
func TestFileDelayFollowsCheckCost(t *testing.T) {
	d := &diagnoser{cost: map[position.URI]time.Duration{}, adaptive: true}
	cheap, costly, unknown := position.URIFromPath("/w/a"), position.URIFromPath("/w/b"), position.URIFromPath("/w/c")
	d.cost[cheap] = 400 * time.Microsecond
	d.cost[costly] = 40 * time.Millisecond
	for _, tc := range []struct {
		u    position.URI
		want time.Duration
	}{
		{cheap, 400 * time.Microsecond},
		{costly, 3 * time.Millisecond},
		{unknown, 3 * time.Millisecond},
	} {
		if got := d.fileDelay(tc.u, 3*time.Millisecond); got != tc.want {
			t.Errorf("fileDelay(%s) = %v, want %v", tc.u, got, tc.want)
		}
	}
	d.adaptive = false
	if got := d.fileDelay(cheap, 3*time.Millisecond); got != 3*time.Millisecond {
		t.Errorf("fileDelay with a fixed delay = %v, want 3ms", got)
	}
}
