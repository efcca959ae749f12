package server

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// TestStreamCountsMessageBeingRead checks that the stream counts a message
// as urgent work from its first header line until the next Read: while
// its body is still on the way and while its handler runs. The end of the
// stream uncounts a message cut short.
func TestStreamCountsMessageBeingRead(t *testing.T) {
	in, feed := io.Pipe()
	_, out := io.Pipe()
	st := newStream(in, out, nil)
	var urgent urgentWork
	st.urgent = &urgent

	read := make(chan error, 1)
	next := func() {
		go func() {
			_, _, err := st.Read(context.Background())
			read <- err
		}()
	}
	waitCount := func(want int, when string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for urgent.count() != want {
			if time.Now().After(deadline) {
				t.Fatalf("%s: urgent work = %d, want %d", when, urgent.count(), want)
			}
			time.Sleep(time.Millisecond)
		}
	}

	body := `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}}`
	next()
	waitCount(0, "before any byte")
	fmt.Fprintf(feed, "Content-Length: %d\r\n", len(body))
	waitCount(1, "after the first header line")
	fmt.Fprintf(feed, "\r\n%s", body)
	if err := <-read; err != nil {
		t.Fatal(err)
	}
	waitCount(1, "after Read returned, while the handler runs")

	next()
	waitCount(0, "once the next Read began")
	fmt.Fprintf(feed, "Content-Length: %d\r\n\r\n%s", len(body)+10, body) // 10 bytes short
	waitCount(1, "while the body is read")
	feed.Close()
	if err := <-read; err == nil {
		t.Fatal("Read of a body cut short returned no error")
	}
	waitCount(0, "after the stream ended")
}

// TestUrgentWorkWait checks that wait returns at once when nothing is
// counted, blocks while something is, and returns when its context ends.
func TestUrgentWorkWait(t *testing.T) {
	var u urgentWork
	u.wait(context.Background())

	u.begin()
	u.begin()
	done := make(chan struct{})
	go func() {
		u.wait(context.Background())
		close(done)
	}()
	u.end()
	select {
	case <-done:
		t.Fatal("wait returned while one piece of urgent work was left")
	case <-time.After(20 * time.Millisecond):
	}
	u.end()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("wait did not return once the count dropped to zero")
	}

	u.begin()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	u.wait(ctx) // returns: the context is done
	u.end()
}

// TestGCBoost checks that the boost raises the collector's target for
// large files only, keeps it raised until the last check ends, and never
// lowers a target or turns the collector back on.
func TestGCBoost(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	percent := func() int {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}

	debug.SetGCPercent(50)
	b := &gcBoost{percent: 200}
	b.begin(largeCheckBytes - 1)()
	if got := percent(); got != 50 {
		t.Errorf("after a small file's check the target is %d, want 50", got)
	}
	end1 := b.begin(largeCheckBytes)
	end2 := b.begin(len(strings.Repeat("x", 1<<20)))
	if got := percent(); got != 200 {
		t.Errorf("during two checks of large files the target is %d, want 200", got)
	}
	end1()
	if got := percent(); got != 200 {
		t.Errorf("while one check runs the target is %d, want 200", got)
	}
	end2()
	if got := percent(); got != 50 {
		t.Errorf("after both checks the target is %d, want 50", got)
	}

	for _, before := range []int{300, -1} {
		debug.SetGCPercent(before)
		b.begin(largeCheckBytes)()
		if got := percent(); got != before {
			t.Errorf("a boost from %d left the target at %d", before, got)
		}
	}

	debug.SetGCPercent(50)
	(&gcBoost{}).begin(largeCheckBytes)()
	if got := percent(); got != 50 {
		t.Errorf("a boost without a percent changed the target to %d", got)
	}
}

// TestAwaitStartWaitsBriefly checks that the read loop's wait for a
// request ends when the request does, and after readLoopWait when the
// request goes on.
func TestAwaitStartWaitsBriefly(t *testing.T) {
	s := &server{}
	done := make(chan struct{})
	close(done)
	start := time.Now()
	s.awaitStart(done)
	if waited := time.Since(start); waited >= readLoopWait {
		t.Errorf("waited %v for a request that had ended, want less than %v", waited, readLoopWait)
	}

	start = time.Now()
	s.awaitStart(make(chan struct{}))
	if waited := time.Since(start); waited < readLoopWait || waited > time.Second {
		t.Errorf("waited %v for a request that goes on, want %v", waited, readLoopWait)
	}
}
