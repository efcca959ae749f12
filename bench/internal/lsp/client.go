package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// Client is a started server process with its connection and the events
// it has sent.
type Client struct {
	Conn *Conn
	// Events records the diagnostics and progress the server sent.
	Events *Events
	// Started is the time just before the process was started.
	Started time.Time
	// Capabilities are the server's capabilities from the initialize result.
	Capabilities map[string]json.RawMessage
	// ServerInfo is the "serverInfo" member of the initialize result.
	ServerInfo struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}

	pid    int
	stdin  io.Closer
	kill   func() error  // ends the server at once
	exited chan struct{} // closed when the server has ended
}

// Start starts argv in dir with its stdin and stdout as the connection and
// its stderr written to stderr.
func Start(argv []string, dir string, stderr io.Writer) (*Client, error) {
	if len(argv) == 0 {
		return nil, errors.New("start server: empty command")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Stderr = stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}

	started := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	exited := make(chan struct{})
	go func() {
		// The exit status is not needed: a crash shows as a closed Conn.
		_ = cmd.Wait()
		close(exited)
	}()
	kill := func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	c := Connect(stdout, stdin, dir, cmd.Process.Pid, kill, exited)
	c.Started = started
	return c, nil
}

// Connect returns a Client for a server that is already running, such as
// one served in this process: it reads the server's output from r and
// writes to w. pid is the process whose memory is measured, kill ends the
// server and exited is closed once it has ended.
func Connect(r io.Reader, w io.WriteCloser, root string, pid int, kill func() error, exited chan struct{}) *Client {
	events := newEvents()
	return &Client{
		Conn:    NewConn(r, w, &handler{events: events, root: root}),
		Events:  events,
		Started: time.Now(),
		pid:     pid,
		stdin:   w,
		kill:    kill,
		exited:  exited,
	}
}

// Pid returns the server's process id.
func (c *Client) Pid() int { return c.pid }

// Initialize sends initialize for the workspace folder root and then
// initialized. It returns the initialize response, whose Received time
// minus Started is the start-up latency, and the time initialized was sent.
func (c *Client) Initialize(ctx context.Context, root string) (Response, time.Time, error) {
	resp, err := c.Conn.Call(ctx, "initialize", initializeParams(os.Getpid(), root))
	if err != nil {
		return resp, time.Time{}, fmt.Errorf("initialize: %w", err)
	}
	var result struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
		ServerInfo   json.RawMessage            `json:"serverInfo"`
	}
	if err := json.Unmarshal(resp.Result, &result); err != nil {
		return resp, time.Time{}, fmt.Errorf("decode initialize result: %w", err)
	}
	c.Capabilities = result.Capabilities
	if len(result.ServerInfo) > 0 {
		// serverInfo is optional and informative only.
		_ = json.Unmarshal(result.ServerInfo, &c.ServerInfo)
	}
	at, err := c.Conn.Notify("initialized", struct{}{})
	if err != nil {
		return resp, at, err
	}
	return resp, at, nil
}

// Has reports whether the server announced a capability such as
// "hoverProvider" with a value other than false or null.
func (c *Client) Has(capability string) bool {
	raw, ok := c.Capabilities[capability]
	return ok && string(raw) != "false" && string(raw) != "null"
}

// IncrementalSync reports whether the server accepts range changes in
// didChange (TextDocumentSyncKind.Incremental).
func (c *Client) IncrementalSync() bool {
	raw := c.Capabilities["textDocumentSync"]
	var kind int
	if json.Unmarshal(raw, &kind) == nil {
		return kind == 2
	}
	var options struct {
		Change int `json:"change"`
	}
	return json.Unmarshal(raw, &options) == nil && options.Change == 2
}

// Shutdown sends shutdown and exit, waits up to grace for the process to
// end and kills its process group after that.
func (c *Client) Shutdown(ctx context.Context, grace time.Duration) error {
	callCtx, cancel := context.WithTimeout(ctx, grace)
	defer cancel()
	_, callErr := c.Conn.Call(callCtx, "shutdown", nil)
	if callErr == nil {
		// exit may race with the process closing its stdin: ignore that.
		_, _ = c.Conn.Notify("exit", nil)
	}
	_ = c.stdin.Close() // closing an already closed pipe is harmless here

	select {
	case <-c.exited:
	case <-time.After(grace):
		if err := c.kill(); err != nil && !errors.Is(err, syscall.ESRCH) {
			return fmt.Errorf("kill server %d: %w", c.pid, err)
		}
		<-c.exited
	}
	if callErr != nil && !errors.Is(callErr, ErrClosed) {
		return fmt.Errorf("shutdown: %w", callErr)
	}
	return nil
}

// Kill ends the server at once and waits until it has ended.
func (c *Client) Kill() {
	// An error means the server is already gone.
	_ = c.kill()
	<-c.exited
}

// Open sends didOpen for path and returns the time it was written.
func (c *Client) Open(path, languageID, content string) (time.Time, error) {
	return c.Conn.Notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": FileURI(path), "languageId": languageID, "version": 1, "text": content},
	})
}

// Change is one content change of a didChange notification: a replacement
// of Range by Text, or of the whole content when Range is nil.
type Change struct {
	Range *Range `json:"range,omitempty"`
	Text  string `json:"text"`
}

// ChangeDocument sends didChange with the given version and returns the
// time it was written.
func (c *Client) ChangeDocument(path string, version int, changes []Change) (time.Time, error) {
	return c.Conn.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": FileURI(path), "version": version},
		"contentChanges": changes,
	})
}

// PositionParams returns TextDocumentPositionParams for path at pos.
func PositionParams(path string, pos Position) map[string]any {
	return map[string]any{"textDocument": map[string]string{"uri": FileURI(path)}, "position": pos}
}

// handler replies to server-to-client requests as a plain editor does and
// forwards notifications to Events.
type handler struct {
	events *Events
	root   string
}

func (h *handler) Request(method string, params json.RawMessage) (any, error) {
	switch method {
	case "workspace/configuration":
		var p struct {
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(params, &p); err != nil {
			return nil, fmt.Errorf("decode configuration params: %w", err)
		}
		return make([]any, len(p.Items)), nil // no settings: every section is null
	case "window/workDoneProgress/create":
		h.events.progressCreated(time.Now())
		return nil, nil
	case "workspace/workspaceFolders":
		return []map[string]string{{"uri": FileURI(h.root), "name": filepath.Base(h.root)}}, nil
	case "workspace/applyEdit":
		return map[string]any{"applied": false, "failureReason": "the benchmark client does not apply edits"}, nil
	case "window/showDocument":
		return map[string]bool{"success": false}, nil
	}
	return nil, nil // registerCapability, refresh requests, showMessageRequest
}

func (h *handler) Notification(method string, params json.RawMessage, at time.Time) {
	switch method {
	case "textDocument/publishDiagnostics":
		h.events.diagnostics(params, at)
	case "$/progress":
		h.events.progress(params, at)
	}
}
