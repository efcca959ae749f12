package runner

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stackls/stackls/bench/internal/lsp"
)

// fakeServer is a language server that replies to every request at once: it
// reports indexing with $/progress, publishes versioned diagnostics after
// each didOpen and didChange, and finds workspace symbols by reading
// compose.yaml from disk once the client reports it changed.
type fakeServer struct {
	conn *lsp.Conn
	root string

	mu      sync.Mutex
	changes int // watched-file changes received
}

func (f *fakeServer) Request(method string, params json.RawMessage) (any, error) {
	switch method {
	case "initialize":
		go f.index()
		return map[string]any{"capabilities": map[string]any{
			"textDocumentSync": 2, "hoverProvider": true, "definitionProvider": true,
			"referencesProvider": true, "workspaceSymbolProvider": true,
		}}, nil
	case "textDocument/hover":
		return map[string]any{"contents": map[string]string{"kind": "markdown", "value": "service"}}, nil
	case "textDocument/definition", "textDocument/references":
		return []map[string]any{{"uri": "file:///compose.yaml", "range": map[string]any{}}}, nil
	case "workspace/symbol":
		var p struct{ Query string }
		if err := json.Unmarshal(params, &p); err != nil {
			return nil, err
		}
		return f.symbols(p.Query), nil
	}
	return nil, nil
}

func (f *fakeServer) index() {
	// Writes from this goroutine are safe: Notify only takes the write lock.
	f.conn.Notify("$/progress", map[string]any{"token": "i", "value": map[string]string{"kind": "begin", "title": "Indexing"}})
	f.conn.Notify("$/progress", map[string]any{"token": "i", "value": map[string]string{"kind": "end"}})
}

func (f *fakeServer) symbols(query string) []map[string]string {
	data, err := os.ReadFile(filepath.Join(f.root, "compose.yaml"))
	if err != nil || !strings.Contains(string(data), query+":") {
		return nil
	}
	return []map[string]string{{"name": query}}
}

func (f *fakeServer) Notification(method string, params json.RawMessage, _ time.Time) {
	var p struct {
		TextDocument struct {
			URI     string `json:"uri"`
			Version int    `json:"version"`
		} `json:"textDocument"`
		Changes []json.RawMessage `json:"changes"`
	}
	if json.Unmarshal(params, &p) != nil {
		return
	}
	switch method {
	case "textDocument/didOpen", "textDocument/didChange":
		go f.conn.Notify("textDocument/publishDiagnostics", map[string]any{
			"uri": p.TextDocument.URI, "version": p.TextDocument.Version, "diagnostics": []any{},
		})
	case "workspace/didChangeWatchedFiles":
		f.mu.Lock()
		f.changes += len(p.Changes)
		f.mu.Unlock()
	}
}

func launchFake(root string, _ io.Writer) (*lsp.Client, error) {
	serverIn, clientOut := io.Pipe()
	clientIn, serverOut := io.Pipe()
	fake := &fakeServer{root: root}
	fake.conn = lsp.NewConn(serverIn, serverOut, fake)
	exited := make(chan struct{})
	go func() {
		<-fake.conn.Done() // the client closed its end
		serverOut.Close()
		close(exited)
	}()
	kill := func() error { return clientOut.Close() }
	return lsp.Connect(clientIn, clientOut, root, os.Getpid(), kill, exited), nil
}

func TestRunWorkspaceScenario(t *testing.T) {
	root := writeTree(t, map[string]string{"compose.yaml": composeYAML, "web/entrypoint.sh": entrypoint})
	sc, err := Build(KindWorkspace, root, "")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Starts: 2, Requests: 20, Warmup: 2, Edits: 5, Reindexes: 3, Timeout: 5 * time.Second,
		IndexTimeout: 5 * time.Second, ProgressGrace: time.Second, Quiet: 20 * time.Millisecond}
	srv := Server{Name: "fake", Kinds: Kinds, Launch: launchFake}

	res := Run(context.Background(), srv, sc, opts)
	if res.Error != "" {
		t.Fatalf("Run: %s", res.Error)
	}
	for _, method := range []Method{Hover, Definition, References} {
		st := res.Requests[method]
		if st == nil || st.N != 20 || st.Empty != 0 || st.Errors != 0 {
			t.Errorf("%s stat = %+v, want 20 answers, none empty", method, st)
		}
	}
	if res.EditDiag == nil || res.EditDiag.N != 5 {
		t.Errorf("edit stat = %+v, want 5 edits", res.EditDiag)
	}
	if res.Reindex == nil || res.Reindex.N != 3 {
		t.Errorf("re-index stat = %+v, want 3 changes; notes %v", res.Reindex, res.Notes)
	}
	if res.OpenDiagMs == nil || res.IndexMs == nil || !strings.HasPrefix(res.IndexSource, "$/progress") {
		t.Errorf("open diagnostics %v, index %v from %q: want both, from $/progress", res.OpenDiagMs, res.IndexMs, res.IndexSource)
	}
	if len(res.InitSamples) != 3 || res.InitMs <= 0 {
		t.Errorf("start samples = %v, median %v; want 3 samples and a positive median", res.InitSamples, res.InitMs)
	}
	if res.PeakRSS <= 0 {
		t.Errorf("peak RSS = %d, want a positive size", res.PeakRSS)
	}
	data, err := os.ReadFile(sc.Services["db"].File)
	if err != nil || string(data) != composeYAML {
		t.Errorf("compose file not restored after the re-index loop: %v", err)
	}
}
