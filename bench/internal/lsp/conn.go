// Package lsp is a small client for the Language Server Protocol, written
// for benchmarks: JSON-RPC 2.0 messages with Content-Length framing over
// the pipes of any stdio server. Every received message is stamped with the
// time its last byte was read, so latencies do not include the time a
// waiting goroutine takes to wake up.
package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"time"
)

// codeInternalError is the JSON-RPC error code for an error in the method.
const codeInternalError = -32603

// ErrClosed is returned by calls made after the server's output ended.
var ErrClosed = errors.New("connection closed")

// ResponseError is the error member of a JSON-RPC response.
type ResponseError struct {
	Code    int64           `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

func (e *ResponseError) Error() string {
	return fmt.Sprintf("response error %d: %s", e.Code, e.Message)
}

// message is any JSON-RPC 2.0 message: a request (ID and Method), a
// notification (Method only) or a response (ID only).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *ResponseError  `json:"error,omitempty"`
}

// Response is the result of a Call with the times the request was written
// and the response was read.
type Response struct {
	Result   json.RawMessage // "null" when the server found nothing
	Sent     time.Time
	Received time.Time
}

// Latency returns the time from writing the request to reading its response.
func (r Response) Latency() time.Duration { return r.Received.Sub(r.Sent) }

// Handler replies to the requests and receives the notifications that the
// server sends. Both methods run on the reading goroutine, so they must
// return quickly and must not use Conn.Call.
type Handler interface {
	// Request returns the result for a server-to-client request.
	Request(method string, params json.RawMessage) (any, error)
	// Notification receives a notification and the time it was read.
	Notification(method string, params json.RawMessage, at time.Time)
}

// Conn is a JSON-RPC connection to one server.
type Conn struct {
	writeMu sync.Mutex
	w       io.Writer

	handler Handler

	mu      sync.Mutex // guards nextID, pending, err
	nextID  int64
	pending map[int64]chan result
	err     error // set when the reader stops

	done chan struct{}
}

type result struct {
	msg *message
	at  time.Time
}

// NewConn starts reading messages from r and returns a Conn that writes to
// w. The reader stops when r ends; Done is closed then.
func NewConn(r io.Reader, w io.Writer, handler Handler) *Conn {
	c := &Conn{w: w, handler: handler, pending: make(map[int64]chan result), done: make(chan struct{})}
	go c.read(bufio.NewReaderSize(r, 64<<10))
	return c
}

// Done is closed when the server's output has ended.
func (c *Conn) Done() <-chan struct{} { return c.done }

// Err returns the reason reading stopped, or nil while it runs.
func (c *Conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Call sends a request and waits for its response. A response with an
// error member returns a *ResponseError together with the timings. When ctx
// ends first, Call sends $/cancelRequest and returns the context's error.
func (c *Conn) Call(ctx context.Context, method string, params any) (Response, error) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return Response{}, fmt.Errorf("call %s: %w", method, ErrClosed)
	}
	c.nextID++
	id := c.nextID
	ch := make(chan result, 1)
	c.pending[id] = ch
	c.mu.Unlock()

	idJSON := json.RawMessage(strconv.FormatInt(id, 10))
	sent, err := c.send(&message{ID: idJSON, Method: method}, params)
	if err != nil {
		c.forget(id)
		return Response{}, fmt.Errorf("call %s: %w", method, err)
	}

	select {
	case res := <-ch:
		resp := Response{Result: res.msg.Result, Sent: sent, Received: res.at}
		if res.msg.Error != nil {
			return resp, res.msg.Error
		}
		return resp, nil
	case <-ctx.Done():
		c.forget(id)
		_, _ = c.Notify("$/cancelRequest", map[string]int64{"id": id}) // best effort: the call has already failed
		return Response{}, fmt.Errorf("call %s: %w", method, ctx.Err())
	case <-c.done:
		return Response{}, fmt.Errorf("call %s: %w", method, ErrClosed)
	}
}

// Notify sends a notification and returns the time it was written.
func (c *Conn) Notify(method string, params any) (time.Time, error) {
	at, err := c.send(&message{Method: method}, params)
	if err != nil {
		return at, fmt.Errorf("notify %s: %w", method, err)
	}
	return at, nil
}

func (c *Conn) forget(id int64) {
	c.mu.Lock()
	delete(c.pending, id)
	c.mu.Unlock()
}

// send encodes params into msg, writes the framed message and returns the
// time just before the write.
func (c *Conn) send(msg *message, params any) (time.Time, error) {
	msg.JSONRPC = "2.0"
	if params != nil {
		raw, err := json.Marshal(params)
		if err != nil {
			return time.Time{}, fmt.Errorf("encode params: %w", err)
		}
		msg.Params = raw
	}
	return c.write(msg)
}

func (c *Conn) write(msg *message) (time.Time, error) {
	body, err := json.Marshal(msg)
	if err != nil {
		return time.Time{}, fmt.Errorf("encode message: %w", err)
	}
	frame := make([]byte, 0, len(body)+32)
	frame = append(frame, "Content-Length: "...)
	frame = strconv.AppendInt(frame, int64(len(body)), 10)
	frame = append(frame, "\r\n\r\n"...)
	frame = append(frame, body...)

	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	at := time.Now()
	if _, err := c.w.Write(frame); err != nil {
		return at, fmt.Errorf("write message: %w", err)
	}
	return at, nil
}

// read runs until the server's output ends or a frame is malformed.
func (c *Conn) read(r *bufio.Reader) {
	err := c.readLoop(r)
	c.mu.Lock()
	c.err = err
	c.mu.Unlock()
	close(c.done)
}

func (c *Conn) readLoop(r *bufio.Reader) error {
	tp := textproto.NewReader(r)
	for {
		body, err := readFrame(tp, r)
		if err != nil {
			return err
		}
		at := time.Now()
		msg := new(message)
		if err := json.Unmarshal(body, msg); err != nil {
			return fmt.Errorf("decode message: %w", err)
		}
		c.dispatch(msg, at)
	}
}

// readFrame reads one Content-Length framed body.
func readFrame(tp *textproto.Reader, r io.Reader) ([]byte, error) {
	header, err := tp.ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, ErrClosed
		}
		return nil, fmt.Errorf("read header: %w", err)
	}
	value := strings.TrimSpace(header.Get("Content-Length"))
	length, err := strconv.Atoi(value)
	if err != nil || length < 0 {
		return nil, fmt.Errorf("invalid Content-Length %q", value)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("read body of %d bytes: %w", length, err)
	}
	return body, nil
}

func (c *Conn) dispatch(msg *message, at time.Time) {
	switch {
	case msg.Method != "" && msg.ID != nil:
		c.reply(msg)
	case msg.Method != "":
		c.handler.Notification(msg.Method, msg.Params, at)
	case msg.ID != nil:
		id, err := strconv.ParseInt(string(msg.ID), 10, 64)
		if err != nil {
			return // not an id this client sent
		}
		c.mu.Lock()
		ch := c.pending[id]
		delete(c.pending, id)
		c.mu.Unlock()
		if ch != nil {
			ch <- result{msg: msg, at: at}
		}
	}
}

// reply sends the handler's result for a server-to-client request. A
// handler error becomes an InternalError (-32603) response.
func (c *Conn) reply(req *message) {
	resp := &message{JSONRPC: "2.0", ID: req.ID}
	value, err := c.handler.Request(req.Method, req.Params)
	if err != nil {
		resp.Error = &ResponseError{Code: codeInternalError, Message: err.Error()}
	} else {
		raw, encodeErr := json.Marshal(value)
		if encodeErr != nil {
			raw = json.RawMessage("null")
		}
		resp.Result = raw
	}
	// A failed write means the server is gone, and the reader sees that next.
	_, _ = c.write(resp)
}
