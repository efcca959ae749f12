package server

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/server/protocol"
)

// syncRequests are requests that run on the read loop, like notifications,
// because the ones after them depend on their effect.
var syncRequests = map[string]bool{
	protocol.MethodInitialize: true,
	protocol.MethodShutdown:   true,
}

// handle is the jsonrpc2.Handler of the connection. It applies the
// lifecycle rules, then runs notifications in order on the read loop and
// requests on their own goroutines, counted as urgent work until they
// reply. After the first index, it waits for a request up to
// readLoopWait before it returns to the read loop. It never returns an
// error, because an error would close the connection.
func (s *server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	call, isCall := req.(*jsonrpc2.Call)
	if err := s.admit(req.Method()); err != nil {
		if isCall {
			s.sendReply(ctx, reply, req.Method(), nil, err)
		} else {
			s.log.Debug("dropped a notification", "method", req.Method(), "reason", err)
		}
		return nil
	}

	if !isCall || syncRequests[req.Method()] {
		s.run(ctx, reply, req, isCall)
		return nil
	}

	ctx, cancel := context.WithCancel(ctx)
	// Readiness is read before the Snapshot: read after it, a request could
	// keep a Snapshot from before the index that was built in between.
	indexed := s.firstIndexBuilt()
	ctx = withSnapshot(ctx, s.session.Snapshot())
	s.requests.add(call.ID(), cancel)
	s.urgent.begin()
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer s.urgent.end()
		defer cancel()
		defer s.requests.remove(call.ID())
		if !indexed {
			s.awaitFirstIndex(ctx)
			ctx = withSnapshot(ctx, s.session.Snapshot())
		}
		s.run(ctx, reply, req, true)
	}()
	if indexed {
		s.awaitStart(done)
	}
	return nil
}

// readLoopWait is how long the read loop waits for a request that it
// started before it reads the next message. Most requests end within it.
// Waiting lets the request's goroutine run at once on the read loop's own
// thread. A read loop that goes back to reading leaves it to another
// thread, which must be woken first; on two cores that made a hover's
// round trip about 0.1 ms longer. A request that takes longer goes on while the read loop
// reads again, so it can still be cancelled.
const readLoopWait = 2 * time.Millisecond

// awaitStart waits until done is closed or readLoopWait has passed.
func (s *server) awaitStart(done <-chan struct{}) {
	timer := time.NewTimer(readLoopWait)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
	}
}

// admit returns the error that the lifecycle rules give method, or nil
// when it may run now.
func (s *server) admit(method string) error {
	if method == protocol.MethodExit {
		return nil
	}
	switch s.lifecycleState() {
	case stateNew:
		if method != protocol.MethodInitialize {
			return jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, fmt.Sprintf("%s before initialize", method))
		}
	case stateInitialized:
		if method == protocol.MethodInitialize {
			return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize sent twice")
		}
	case stateShutdown:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, fmt.Sprintf("%s after shutdown: only exit is accepted", method))
	}
	return nil
}

// run calls the method's handler. It recovers a panic into an internal
// error reply, turns the reply of a cancelled request into
// RequestCancelled, and logs the method and its duration.
func (s *server) run(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request, isCall bool) {
	method := req.Method()
	start := time.Now()
	replied := false
	guarded := func(rctx context.Context, result any, err error) error {
		replied = true
		if isCall && ctx.Err() != nil {
			result, err = nil, protocol.ErrRequestCancelled
		}
		if !isCall && err != nil {
			s.log.Warn("notification failed", "method", method, "error", err)
		}
		s.sendReply(rctx, reply, method, result, err)
		return nil
	}

	defer func() {
		if r := recover(); r != nil {
			s.log.Error("recovered from a panic", "method", method, "panic", r, "stack", string(debug.Stack()))
			if !replied {
				err := jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf("internal error in %s: %v", method, r))
				s.sendReply(ctx, reply, method, nil, err)
			}
		}
		s.log.Debug("handled", "method", method, "duration", time.Since(start), "cancelled", ctx.Err() != nil)
	}()

	if isCall && s.opts.TestHook != nil {
		s.opts.TestHook(ctx, method)
	}
	h, ok := methods[method]
	switch {
	case ok:
		h(ctx, s, guarded, req)
	case isCall:
		guarded(ctx, nil, fmt.Errorf("%s is not implemented by stackls: %w", method, jsonrpc2.ErrMethodNotFound))
	default:
		s.log.Debug("ignored a notification", "method", method)
	}
}

// sendReply sends a reply with err mapped to a JSON-RPC error code. A
// failure to send is logged: the connection is failing then, and its read
// loop ends the session.
func (s *server) sendReply(ctx context.Context, reply jsonrpc2.Replier, method string, result any, err error) {
	if sendErr := reply(context.WithoutCancel(ctx), result, wireError(err)); sendErr != nil {
		s.log.Warn("sending a reply failed", "method", method, "error", sendErr)
	}
}

// wireError maps a handler error to a JSON-RPC error: a wrapped
// jsonrpc2.Error keeps its code (decodeParams wraps InvalidParams), a
// cancelled context is RequestCancelled, and anything else is
// InternalError.
func wireError(err error) error {
	if err == nil {
		return nil
	}
	var wire *jsonrpc2.Error
	switch {
	case errors.As(err, &wire):
		return jsonrpc2.NewError(wire.Code, err.Error())
	case errors.Is(err, context.Canceled):
		return protocol.ErrRequestCancelled
	}
	return jsonrpc2.NewError(jsonrpc2.InternalError, err.Error())
}
