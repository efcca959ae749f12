package server_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/server"
)

func frame(body string) []byte {
	return []byte(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func TestBadBodiesAreAnsweredAndSkipped(t *testing.T) {
	c := lsptest.New(t, composeArchive)
	bodies := []struct {
		body string
		want jsonrpc2.Code
	}{
		{`{"jsonrpc":"2.0","id":1,"method":`, jsonrpc2.ParseError},
		{`not json at all`, jsonrpc2.ParseError},
		{`[1,2,3]`, jsonrpc2.InvalidRequest},
		{`{"jsonrpc":"2.0"}`, jsonrpc2.InvalidRequest},
		{`{"jsonrpc":"1.0","id":2,"method":"textDocument/hover"}`, jsonrpc2.InvalidRequest},
	}
	for _, b := range bodies {
		c.WriteRaw(frame(b.body))
	}

	got := c.AwaitNullIDErrors(len(bodies))
	for i, b := range bodies {
		if got[i].Code != b.want {
			t.Errorf("body %q: code %d (%s), want %d", b.body, got[i].Code, got[i].Message, b.want)
		}
	}
	if err := c.Call("textDocument/hover", c.At("use"), nil); err != nil {
		t.Errorf("hover after bad bodies: %v", err)
	}
}

func TestBrokenFramingEndsTheServer(t *testing.T) {
	tests := []struct {
		name  string
		input string
		log   string // text the server log must contain
	}{
		{"header without colon", "Content-Length 10\r\n\r\n0123456789", "invalid header line"},
		{"non-numeric length", "Content-Length: ten\r\n\r\n", "invalid Content-Length"},
		{"negative length", "Content-Length: -5\r\n\r\n", "invalid Content-Length"},
		{"length beyond int64", "Content-Length: 99999999999999999999999\r\n\r\n", "invalid Content-Length"},
		{"no length", "Content-Type: application/json\r\n\r\n{}", "no Content-Length"},
		{"header line too long", strings.Repeat("X", 5000) + "\r\n", "header line longer"},
		{"body cut short", "Content-Length: 100\r\n\r\n{\"jsonrpc\":", "unexpected EOF"},
		{"huge body cut short", "Content-Length: 2000000000\r\n\r\n{}", "unexpected EOF"},
		{"header cut short", "Content-Length: 10\r\n", "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lsptest.New(t, composeArchive)
			c.WriteRaw([]byte(tt.input))
			c.CloseInput()
			if code := c.Wait(); code != 1 {
				t.Errorf("exit code = %d, want 1", code)
			}
			if log := c.ServerLog(); !strings.Contains(log, tt.log) {
				t.Errorf("server log does not say %q:\n%s", tt.log, log)
			}
		})
	}
}

func TestTooShortContentLength(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	// The first 5 bytes are not JSON: a parse error. The rest, read as a
	// header, has no Content-Length, which loses the framing.
	c.WriteRaw([]byte("Content-Length: 5\r\n\r\n" + `{"jsonrpc":"2.0","id":9,"method":"shutdown"}` + "\r\n\r\n"))
	if errs := c.AwaitNullIDErrors(1); errs[0].Code != jsonrpc2.ParseError {
		t.Errorf("code = %d, want %d", errs[0].Code, jsonrpc2.ParseError)
	}
	if code := c.Wait(); code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	if log := c.ServerLog(); !strings.Contains(log, "no Content-Length") {
		t.Errorf("server log does not say why it ended:\n%s", log)
	}
}

func TestInputClosedWithoutExit(t *testing.T) {
	c := lsptest.New(t, composeArchive)
	c.CloseInput()
	if code := c.Wait(); code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	if log := c.ServerLog(); !strings.Contains(log, "closed the connection without exit") {
		t.Errorf("server log does not say why it ended:\n%s", log)
	}
}

func TestInputClosedAfterShutdown(t *testing.T) {
	c := lsptest.New(t, composeArchive)
	c.Shutdown()
	c.CloseInput()
	if code := c.Wait(); code != 0 {
		t.Errorf("exit code = %d, want 0", code)
	}
}

func TestHandlerPanicIsAnsweredAndServerKeepsServing(t *testing.T) {
	var panics atomic.Int32
	hook := func(_ context.Context, method string) {
		if method == "textDocument/hover" && panics.Add(1) == 1 {
			panic("injected panic")
		}
	}
	c := lsptest.New(t, composeArchive, lsptest.WithServerOptions(server.Options{TestHook: hook}))

	err := c.Call("textDocument/hover", c.At("use"), nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.InternalError {
		t.Errorf("panicking hover: code %d (%v), want %d", got, err, jsonrpc2.InternalError)
	}
	if err := c.Call("textDocument/hover", c.At("use"), nil); err != nil {
		t.Errorf("hover after a panic: %v", err)
	}
	log := c.ServerLog()
	for _, want := range []string{"recovered from a panic", "injected panic", "handler.go"} {
		if !strings.Contains(log, want) {
			t.Errorf("server log lacks %q (the panic and its stack):\n%s", want, log)
		}
	}
}

func TestCancelledRequestIsAnsweredRequestCancelled(t *testing.T) {
	started := make(chan struct{}, 1)
	hook := func(ctx context.Context, method string) {
		if method == "textDocument/definition" {
			started <- struct{}{}
			<-ctx.Done() // a slow handler that stops when cancelled
		}
	}
	c := lsptest.New(t, composeArchive, lsptest.WithServerOptions(server.Options{TestHook: hook}))

	id, answer := c.Go("textDocument/definition", c.At("use"))
	<-started
	c.Notify("$/cancelRequest", map[string]any{"id": &id})

	resp := c.AwaitResponse(answer)
	if got := lsptest.ErrorCode(resp.Err()); got != -32800 {
		t.Errorf("cancelled request: code %d (%v), want -32800", got, resp.Err())
	}
	if err := c.Call("textDocument/hover", c.At("use"), nil); err != nil {
		t.Errorf("hover after a cancellation: %v", err)
	}
}
