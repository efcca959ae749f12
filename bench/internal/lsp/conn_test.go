package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/textproto"
	"strconv"
	"testing"
	"time"
)

// fakeServer reads framed messages from the client and lets the test
// write raw messages back.
type fakeServer struct {
	t      *testing.T
	in     *bufio.Reader
	tp     *textproto.Reader
	out    io.Writer
	client *Conn
	events *Events
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	clientReads, serverWrites := io.Pipe()
	serverReads, clientWrites := io.Pipe()
	t.Cleanup(func() {
		serverWrites.Close()
		serverReads.Close()
	})
	events := newEvents()
	in := bufio.NewReader(serverReads)
	return &fakeServer{
		t: t, in: in, tp: textproto.NewReader(in), out: serverWrites, events: events,
		client: NewConn(clientReads, clientWrites, &handler{events: events, root: "/ws"}),
	}
}

func (s *fakeServer) receive() message {
	s.t.Helper()
	body, err := readFrame(s.tp, s.in)
	if err != nil {
		s.t.Fatalf("server read: %v", err)
	}
	var msg message
	if err := json.Unmarshal(body, &msg); err != nil {
		s.t.Fatalf("server decode %s: %v", body, err)
	}
	return msg
}

func (s *fakeServer) send(body string) {
	s.t.Helper()
	frame := "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	if _, err := io.WriteString(s.out, frame); err != nil {
		s.t.Fatalf("server write: %v", err)
	}
}

func TestCallNullResult(t *testing.T) {
	server := newFakeServer(t)
	done := make(chan Response, 1)
	go func() {
		resp, err := server.client.Call(context.Background(), "textDocument/hover", map[string]int{"x": 1})
		if err != nil {
			t.Errorf("Call: %v", err)
		}
		done <- resp
	}()
	req := server.receive()
	if req.Method != "textDocument/hover" || string(req.Params) != `{"x":1}` {
		t.Fatalf("request = %s %s", req.Method, req.Params)
	}
	server.send(`{"jsonrpc":"2.0","id":` + string(req.ID) + `,"result":null}`)
	resp := <-done
	if string(resp.Result) != "null" {
		t.Errorf("Result = %q, want null", resp.Result)
	}
	if resp.Latency() < 0 {
		t.Errorf("Latency = %v, want >= 0", resp.Latency())
	}
}

func TestCallErrorResponse(t *testing.T) {
	server := newFakeServer(t)
	errs := make(chan error, 1)
	go func() {
		_, err := server.client.Call(context.Background(), "x/unknown", nil)
		errs <- err
	}()
	req := server.receive()
	server.send(`{"jsonrpc":"2.0","id":` + string(req.ID) + `,"error":{"code":-32601,"message":"method not found"}}`)
	err := <-errs
	respErr, ok := err.(*ResponseError)
	if !ok || respErr.Code != -32601 {
		t.Errorf("error = %v, want a ResponseError with code -32601", err)
	}
}

func TestServerRequestAnswered(t *testing.T) {
	server := newFakeServer(t)
	server.send(`{"jsonrpc":"2.0","id":"c1","method":"workspace/configuration","params":{"items":[{"section":"a"},{"section":"b"}]}}`)
	reply := server.receive()
	if string(reply.ID) != `"c1"` || string(reply.Result) != "[null,null]" {
		t.Errorf("reply = id %s result %s, want id \"c1\" result [null,null]", reply.ID, reply.Result)
	}
}

func TestWaitDiagnosticsVersion(t *testing.T) {
	server := newFakeServer(t)
	before := time.Now()
	server.send(`{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///ws/Dockerfile","version":1,"diagnostics":[]}}`)
	server.send(`{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///ws/Dockerfile","version":2,"diagnostics":[{}]}}`)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	got, err := server.events.WaitDiagnostics(ctx, "file:///ws/Dockerfile", before, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version == nil || *got.Version != 2 || got.Count != 1 {
		t.Errorf("publish = version %v count %d, want version 2 count 1", got.Version, got.Count)
	}
}

func TestWaitProgressDone(t *testing.T) {
	server := newFakeServer(t)
	server.send(`{"jsonrpc":"2.0","id":7,"method":"window/workDoneProgress/create","params":{"token":"index"}}`)
	server.receive() // the client's reply
	server.send(`{"jsonrpc":"2.0","method":"$/progress","params":{"token":"index","value":{"kind":"begin","title":"Indexing"}}}`)
	server.send(`{"jsonrpc":"2.0","method":"$/progress","params":{"token":"index","value":{"kind":"end"}}}`)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	tokens, err := server.events.WaitProgressDone(ctx, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(tokens) != 1 || tokens[0].Title != "Indexing" || tokens[0].End.Before(tokens[0].Begin) {
		t.Errorf("tokens = %+v, want one ended \"Indexing\" token", tokens)
	}
}

func TestWaitProgressNone(t *testing.T) {
	server := newFakeServer(t)
	tokens, err := server.events.WaitProgressDone(context.Background(), 10*time.Millisecond)
	if err != nil || tokens != nil {
		t.Errorf("WaitProgressDone = %v, %v; want nil, nil", tokens, err)
	}
}
