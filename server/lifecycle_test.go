package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/internal/lsptest"
)

const composeArchive = `
-- compose.yaml --
services:
  «db»db:
    image: mariadb:11
  app:
    image: alpine:3.20
    environment:
      DB_HOST: «use»db:3306
`

func TestRequestBeforeInitialize(t *testing.T) {
	c := lsptest.New(t, composeArchive, lsptest.WithoutInitialize())

	err := c.Call("textDocument/hover", c.At("use"), nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.ServerNotInitialized {
		t.Errorf("hover before initialize: code %d (%v), want %d", got, err, jsonrpc2.ServerNotInitialized)
	}

	c.Initialize()
	if err := c.Call("textDocument/hover", c.At("use"), nil); err != nil {
		t.Errorf("hover after initialize: %v", err)
	}
}

func TestInitializeTwice(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	err := c.Call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: code %d (%v), want %d", got, err, jsonrpc2.InvalidRequest)
	}
}

func TestRequestAfterShutdown(t *testing.T) {
	c := lsptest.New(t, composeArchive)
	c.Shutdown()

	err := c.Call("textDocument/hover", c.At("use"), nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.InvalidRequest {
		t.Errorf("hover after shutdown: code %d (%v), want %d", got, err, jsonrpc2.InvalidRequest)
	}
	if code := c.Exit(); code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	if code := c.Exit(); code != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", code)
	}
}

func TestShutdownWithNullParams(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	// A nil params value is sent as "params": null, which some clients do.
	if err := c.Call("shutdown", nil, nil); err != nil {
		t.Fatalf("shutdown with null params: %v", err)
	}
	if code := c.Exit(); code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
}

func TestUnknownMethod(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	err := c.Call("stackls/noSuchMethod", map[string]any{}, nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.MethodNotFound {
		t.Errorf("unknown request: code %d (%v), want %d", got, err, jsonrpc2.MethodNotFound)
	}
	err = c.Call("stackls/noSuchMethodWithoutParams", nil, nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.MethodNotFound {
		t.Errorf("unknown request without params: code %d (%v), want %d", got, err, jsonrpc2.MethodNotFound)
	}

	c.Notify("$/stackls/noSuchNotification", map[string]any{"x": 1})
	if err := c.Call("textDocument/hover", c.At("use"), nil); err != nil {
		t.Errorf("hover after an unknown notification: %v", err)
	}
}

func TestNotificationWithID(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	// didSave is a notification. Sent with an id, it gets a response with
	// a null result. The jsonrpc2 v0.10 client decodes a null result as no
	// result, so the test checks for a response without an error.
	err := c.Call("textDocument/didSave", map[string]any{"textDocument": c.DocID("compose.yaml")}, nil)
	if err != nil {
		t.Errorf("didSave with an id: %v", err)
	}
}

func TestInvalidParams(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	err := c.Call("textDocument/hover", map[string]any{"position": "not a position"}, nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.InvalidParams {
		t.Errorf("hover with invalid params: code %d (%v), want %d", got, err, jsonrpc2.InvalidParams)
	}
	err = c.Call("textDocument/prepareRename", map[string]any{"position": []int{1}}, nil)
	if got := lsptest.ErrorCode(err); got != jsonrpc2.InvalidParams {
		t.Errorf("prepareRename with invalid params: code %d (%v), want %d", got, err, jsonrpc2.InvalidParams)
	}
}

func TestIndexingReportsProgress(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	if got := c.Indexed().Files; got != 1 {
		t.Errorf("indexed files = %d, want 1", got)
	}
	var kinds []string
	for _, note := range c.Notifications("$/progress") {
		var p struct {
			Value struct{ Kind string } `json:"value"`
		}
		if err := json.Unmarshal(note.Params, &p); err != nil {
			t.Fatalf("decoding $/progress: %v", err)
		}
		kinds = append(kinds, p.Value.Kind)
	}
	if strings.Join(kinds, ",") != "begin,end" {
		t.Errorf("progress kinds = %v, want [begin end]", kinds)
	}
	if n := c.ServerRequests("window/workDoneProgress/create"); n != 1 {
		t.Errorf("progress tokens created = %d, want 1", n)
	}
	logs := c.Notifications("window/logMessage")
	if len(logs) == 0 || !strings.Contains(string(logs[0].Params), "indexed 1 files") {
		t.Errorf("log messages = %v, want an index summary", logs)
	}
	c.AwaitRegistration("workspace/didChangeWatchedFiles")
}

func TestBinaryLifecycle(t *testing.T) {
	c := lsptest.New(t, composeArchive, lsptest.Binary())

	if err := c.Call("textDocument/hover", c.At("use"), nil); err != nil {
		t.Errorf("hover: %v", err)
	}
	c.Shutdown()
	if code := c.Exit(); code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
	if log := c.ServerLog(); !strings.Contains(log, "msg=exit code=0") {
		t.Errorf("server log lacks the exit line:\n%s", log)
	}
}

func TestBinaryInputClosedMidMessage(t *testing.T) {
	c := lsptest.New(t, composeArchive, lsptest.Binary())

	c.WriteRaw([]byte("Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\","))
	c.CloseInput()
	if code := c.Wait(); code != 1 {
		t.Errorf("exit code after input closed mid-message = %d, want 1", code)
	}
	if log := c.ServerLog(); !strings.Contains(log, "unexpected EOF") {
		t.Errorf("server log does not say why it ended:\n%s", log)
	}
}
