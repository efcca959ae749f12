package lsptest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server"
)

// Call sends a request and decodes its result into result, which may be
// nil. A JSON-RPC error response is returned as a *jsonrpc2.Error (see
// ErrorCode). A request without a response within Timeout fails the test.
func (c *Client) Call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	if errors.Is(err, context.DeadlineExceeded) {
		c.t.Fatalf("%s: no response within %v\nserver log:\n%s", method, Timeout, c.ServerLog())
	}
	return err
}

// Go sends a request without waiting for its response, and returns its
// ID, for $/cancelRequest, and the channel that receives the response.
func (c *Client) Go(method string, params any) (jsonrpc2.ID, <-chan *jsonrpc2.Response) {
	c.t.Helper()
	c.mu.Lock()
	c.seq++
	id := jsonrpc2.NewStringID(fmt.Sprintf("lsptest-%d", c.seq))
	c.mu.Unlock()
	call, err := jsonrpc2.NewCall(id, method, params)
	if err != nil {
		c.t.Fatalf("%s: encoding params: %v", method, err)
	}
	answer := c.stream.expect(id)
	if _, err := c.stream.Write(context.Background(), call); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	return id, answer
}

// AwaitResponse waits for the response to a request sent with Go.
func (c *Client) AwaitResponse(answer <-chan *jsonrpc2.Response) *jsonrpc2.Response {
	c.t.Helper()
	select {
	case resp := <-answer:
		return resp
	case <-time.After(Timeout):
		c.t.Fatalf("no response within %v\nserver log:\n%s", Timeout, c.ServerLog())
		return nil
	}
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// ErrorCode returns the JSON-RPC error code of err, or 0 when err is not a
// JSON-RPC error response.
func ErrorCode(err error) jsonrpc2.Code {
	var wire *jsonrpc2.Error
	if errors.As(err, &wire) {
		return wire.Code
	}
	return 0
}

// WriteRaw writes bytes to the server's input as they are, for tests of
// malformed input. The server reads them after any message sent before.
func (c *Client) WriteRaw(data []byte) {
	c.t.Helper()
	if _, err := c.stream.writeRaw(data); err != nil {
		c.t.Fatalf("writing raw bytes: %v", err)
	}
}

// CloseInput closes the server's input, as an editor that dies does.
func (c *Client) CloseInput() {
	if err := c.stream.closeInput(); err != nil && !errors.Is(err, os.ErrClosed) {
		c.t.Errorf("closing the server's input: %v", err)
	}
}

// NullIDErrors returns the error responses with a null id that the
// server sent, one per message it could not read.
func (c *Client) NullIDErrors() []*jsonrpc2.Error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*jsonrpc2.Error(nil), c.nullErrors...)
}

// AwaitNullIDErrors waits until the server has sent n error responses
// with a null id, and returns them.
func (c *Client) AwaitNullIDErrors(n int) []*jsonrpc2.Error {
	c.t.Helper()
	c.await(fmt.Sprintf("%d error responses with a null id", n), func() bool { return len(c.nullErrors) >= n })
	return c.NullIDErrors()
}

// Notifications returns the notifications the server sent with method,
// in order.
func (c *Client) Notifications(method string) []Notification {
	c.mu.Lock()
	defer c.mu.Unlock()
	var found []Notification
	for _, note := range c.notes {
		if note.Method == method {
			found = append(found, note)
		}
	}
	return found
}

// Registrations returns the methods the server registered dynamically.
func (c *Client) Registrations() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.registered...)
}

// AwaitRegistration waits until the server has registered method.
func (c *Client) AwaitRegistration(method string) {
	c.t.Helper()
	c.await("registration of "+method, func() bool {
		for _, m := range c.registered {
			if m == method {
				return true
			}
		}
		return false
	})
}

// ServerRequests returns how many requests of method the server sent.
func (c *Client) ServerRequests(method string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.serverReqs[method]
}

// handle responds to the server's requests as VS Code does and records its
// notifications.
func (c *Client) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.event()
	params := json.RawMessage(req.Params())
	if _, isCall := req.(*jsonrpc2.Call); isCall {
		c.serverReqs[req.Method()]++
		switch req.Method() {
		case "window/workDoneProgress/create", "window/showMessageRequest", "client/unregisterCapability":
			return reply(ctx, nil, nil)
		case "client/registerCapability":
			c.recordRegistrations(params)
			return reply(ctx, nil, nil)
		case "workspace/configuration":
			var cfg struct{ Items []any }
			if err := json.Unmarshal(params, &cfg); err != nil {
				return reply(ctx, nil, jsonrpc2.ErrInvalidParams)
			}
			return reply(ctx, make([]any, len(cfg.Items)), nil)
		}
		return reply(ctx, nil, fmt.Errorf("lsptest does not implement %s: %w", req.Method(), jsonrpc2.ErrMethodNotFound))
	}

	c.notes = append(c.notes, Notification{Method: req.Method(), Params: params})
	switch req.Method() {
	case "textDocument/publishDiagnostics":
		c.recordPublish(params)
	case server.IndexedMethod:
		var done server.IndexedParams
		if err := json.Unmarshal(params, &done); err == nil {
			c.indexed = &done
		}
	}
	return nil
}

func (c *Client) recordRegistrations(params json.RawMessage) {
	var reg struct {
		Registrations []struct{ Method string }
	}
	if err := json.Unmarshal(params, &reg); err == nil {
		for _, r := range reg.Registrations {
			c.registered = append(c.registered, r.Method)
		}
	}
}

func (c *Client) recordNullError(err *jsonrpc2.Error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nullErrors = append(c.nullErrors, err)
	c.event()
}

// Shutdown sends shutdown and fails the test on an error.
func (c *Client) Shutdown() {
	c.t.Helper()
	if err := c.Call("shutdown", nil, nil); err != nil {
		c.t.Fatalf("shutdown: %v", err)
	}
}

// Exit sends exit and returns the server's exit code.
func (c *Client) Exit() int {
	c.t.Helper()
	c.Notify("exit", nil)
	return c.Wait()
}

// Wait waits until the server ends and returns its exit code.
func (c *Client) Wait() int {
	c.t.Helper()
	if c.exit != nil {
		return *c.exit
	}
	select {
	case code := <-c.done:
		c.exit = &code
		return code
	case <-time.After(Timeout):
		c.t.Fatalf("the server did not end within %v\nserver log:\n%s", Timeout, c.ServerLog())
		return -1
	}
}

// cleanup ends the server at the end of the test: shutdown and exit when
// it still runs, then the pipes are closed. It logs the server's log when
// the test failed.
func (c *Client) cleanup() {
	if c.exit == nil {
		select {
		case code := <-c.done:
			c.exit = &code
		default:
			ctx, cancel := context.WithTimeout(context.Background(), Timeout)
			if _, err := c.conn.Call(ctx, "shutdown", nil, nil); err == nil {
				if err := c.conn.Notify(ctx, "exit", nil); err != nil {
					c.t.Logf("sending exit: %v", err)
				}
			}
			cancel()
			c.CloseInput()
			select {
			case code := <-c.done:
				c.exit = &code
			case <-time.After(Timeout):
				c.t.Errorf("the server did not end within %v after the test", Timeout)
			}
		}
	}
	if err := c.conn.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		c.t.Logf("closing the connection: %v", err)
	}
	if c.t.Failed() {
		c.t.Logf("server log:\n%s", c.ServerLog())
	}
}

// uri returns the URI of a file given relative to the workspace root.
func (c *Client) uri(rel string) position.URI { return c.WS.URI(rel) }
