package server

import (
	"context"
	"errors"
	"io"
	"os"

	"go.lsp.dev/jsonrpc2"
)

// Serve runs one LSP session over in and out with the base protocol's
// Content-Length framing, and returns the process exit code the LSP
// specification requires: 0 after shutdown and exit, 1 when exit comes
// without shutdown or the stream ends before shutdown. Serve returns when the
// client sends exit, when in ends or fails, or when ctx is cancelled; it
// closes in and out before it returns.
func Serve(ctx context.Context, in io.ReadCloser, out io.WriteCloser, opts Options) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	st := newStream(in, out, opts.Logger)
	conn := jsonrpc2.NewConn(st)
	s := newServer(ctx, conn, opts)
	s.stream = st
	st.urgent = &s.urgent
	s.log.Info("stackls started", "version", opts.Version, "pid", os.Getpid())

	conn.Go(ctx, s.handle)

	var code int
	select {
	case <-s.exited:
		s.mu.Lock()
		code = s.exitCode
		s.mu.Unlock()
		s.log.Info("exit", "code", code)
	case <-conn.Done():
		code = s.endedCode(conn.Err())
	case <-ctx.Done():
		s.log.Info("stopped", "reason", context.Cause(ctx))
		code = 1
	}

	s.stopBackground()
	if err := conn.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		s.log.Debug("closing the connection", "error", err)
	}
	return code
}

// endedCode logs why the stream ended without an exit notification and
// returns the exit code: 0 after shutdown, 1 otherwise.
func (s *server) endedCode(err error) int {
	code := 1
	if s.lifecycleState() == stateShutdown {
		code = 0
	}
	switch {
	case err == nil, errors.Is(err, io.EOF): // io.ErrUnexpectedEOF is another error
		s.log.Info("the client closed the connection without exit", "code", code)
	default:
		s.log.Error("the connection failed", "error", err, "code", code)
	}
	return code
}

// stopBackground cancels indexing and pending diagnostics passes.
func (s *server) stopBackground() {
	s.cancel()
	s.diagnostics.stop()
}
