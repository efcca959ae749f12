package reliability

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server"
)

// blockedMethod is a request that the concurrency test's hook holds until
// it is cancelled, so that cancellation has running work to stop.
const blockedMethod = "textDocument/documentLink"

// TestConcurrentEditsRequestsCancels runs three kinds of goroutine on one
// server: an editor per document that types and deletes text, clients
// that send requests at random positions and cancel some of them, and a
// client whose requests the server holds until it cancels them. Every
// request must get its result, or RequestCancelled (-32800) when it was
// cancelled. Afterwards the server must hold what the editors typed and
// publish diagnostics for the last version. Run it with -race.
func TestConcurrentEditsRequestsCancels(t *testing.T) {
	var heldRequests atomic.Int32
	hook := func(ctx context.Context, method string) {
		if method == blockedMethod {
			heldRequests.Add(1)
			<-ctx.Done() // stops only when the request is cancelled
		}
	}
	c := lsptest.New(t, sessionArchive, lsptest.WithServerOptions(server.Options{TestHook: hook}))
	docs := []string{"compose.yaml", "Dockerfile", "entrypoint.sh", "Makefile"}
	for _, rel := range docs {
		c.Open(rel)
	}

	var wg sync.WaitGroup
	errs := make(chan error, 1000)
	for i, rel := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			typeAndDelete(c, rel, rand.New(rand.NewPCG(uint64(i), 1)))
		}()
	}
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sendRequests(c, docs, rand.New(rand.NewPCG(uint64(i), 2)), errs)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		sendHeldRequests(c, docs, errs)
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	c.Sync()
	session := c.ServerOptions().Session
	for _, rel := range docs {
		if f := session.Snapshot().File(c.WS.URI(rel)); f == nil || string(f.Content) != string(c.Content(rel)) {
			t.Errorf("%s: the server's content differs from what the editor typed", rel)
		}
		c.Diagnostics(rel) // fails the test unless the last version is published
	}
	if heldRequests.Load() == 0 {
		t.Errorf("no %s request reached the server's hook", blockedMethod)
	}
}

// typeAndDelete types a comment into a document one character at a time
// and deletes it again, as an editor sends keystrokes.
func typeAndDelete(c *lsptest.Client, rel string, rnd *rand.Rand) {
	const typed = "# é𝄞 typed"
	for range 10 {
		at := rnd.IntN(len(c.Content(rel)) + 1)
		for at > 0 && c.Content(rel)[at-1] != '\n' {
			at-- // start of a line, so the comment stays a comment
		}
		for i, r := range typed {
			c.Change(rel, lsptest.Edit{Span: position.Span{Start: at + i, End: at + i}, NewText: string(r)})
		}
		c.Change(rel, lsptest.Edit{Span: position.Span{Start: at, End: at + len(typed)}, NewText: ""})
	}
}

// sendRequests sends position requests at random places, cancelling a
// third of them at once and a third after a moment.
func sendRequests(c *lsptest.Client, docs []string, rnd *rand.Rand, errs chan<- error) {
	for range 250 {
		rel := docs[rnd.IntN(len(docs))]
		method := positionMethods[rnd.IntN(len(positionMethods))]
		params := map[string]any{
			"textDocument": map[string]any{"uri": uriOf(c, rel)},
			"position":     map[string]any{"line": rnd.IntN(12), "character": rnd.IntN(30)},
			"context":      map[string]any{"includeDeclaration": true},
		}
		id, answer := c.Go(method, params)
		cancel := rnd.IntN(3)
		switch cancel {
		case 1:
			c.Notify("$/cancelRequest", map[string]any{"id": &id})
		case 2:
			time.Sleep(time.Duration(rnd.IntN(200)) * time.Microsecond)
			c.Notify("$/cancelRequest", map[string]any{"id": &id})
		}
		resp := c.AwaitResponse(answer)
		if err := resp.Err(); err != nil && (cancel == 0 || lsptest.ErrorCode(err) != -32800) {
			errs <- fmt.Errorf("%s on %s (cancelled: %v): %v", method, rel, cancel != 0, err)
		}
	}
}

// sendHeldRequests sends requests that the server holds until they are
// cancelled. The response to each must be RequestCancelled.
func sendHeldRequests(c *lsptest.Client, docs []string, errs chan<- error) {
	for i := range 20 {
		rel := docs[i%len(docs)]
		id, answer := c.Go(blockedMethod, map[string]any{"textDocument": map[string]any{"uri": uriOf(c, rel)}})
		c.Notify("$/cancelRequest", map[string]any{"id": &id})
		resp := c.AwaitResponse(answer) // fails the test if the cancellation does not stop the request
		if code := lsptest.ErrorCode(resp.Err()); code != -32800 {
			errs <- fmt.Errorf("held %s on %s, cancelled: code %d (%v), want -32800", blockedMethod, rel, code, resp.Err())
		}
	}
}
