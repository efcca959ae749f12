package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/stackls/stackls/bench/internal/lsp"
)

// requestParams returns the parameters of method at pos in the open file.
func (s *session) requestParams(method Method, pos lsp.Position) map[string]any {
	params := lsp.PositionParams(s.sc.File, pos)
	switch method {
	case Completion:
		params["context"] = map[string]int{"triggerKind": 1}
	case References:
		params["context"] = map[string]bool{"includeDeclaration": true}
	}
	return params
}

// timeRequests sends method at the scenario's probes in turn, first
// Warmup times untimed and then Requests times timed.
func (s *session) timeRequests(ctx context.Context, method Method) error {
	probes := s.sc.Probes[method]
	if len(probes) == 0 {
		return nil
	}
	if !s.client.Has(method.capability()) {
		s.result.note("%s: not offered by the server", method)
		return nil
	}
	positions := make([]lsp.Position, len(probes))
	for i, offset := range probes {
		positions[i] = s.text.Position(offset)
	}

	stat := &Stat{}
	samples := make([]time.Duration, 0, s.opts.Requests)
	for i := range s.opts.Warmup + s.opts.Requests {
		callCtx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
		resp, err := s.client.Conn.Call(callCtx, method.lspMethod(), s.requestParams(method, positions[i%len(positions)]))
		cancel()
		timed := i >= s.opts.Warmup
		var respErr *lsp.ResponseError
		switch {
		case errors.As(err, &respErr) || errors.Is(err, context.DeadlineExceeded):
			if timed {
				stat.Errors++
			}
			if stat.Errors == 1 && timed {
				s.result.note("%s: %v", method, err)
			}
			continue
		case err != nil:
			return fmt.Errorf("%s: %w", method, err)
		}
		if timed {
			samples = append(samples, resp.Latency())
			if isEmpty(resp.Result) {
				stat.Empty++
			}
		}
	}
	summary := summarize(samples)
	summary.Empty, summary.Errors = stat.Empty, stat.Errors
	s.result.Requests[method] = &summary
	return nil
}

// timeEdits times edits that each change the document to a version it
// never had before, until the server publishes diagnostics for it. The
// first edit inserts the scenario's edit text and each later one replaces
// the line the previous edit inserted with a new one, numbered, so that
// a server cannot reply from a cache of earlier versions.
func (s *session) timeEdits(ctx context.Context) error {
	if s.opts.Edits == 0 || s.sc.EditText == "" {
		return nil
	}
	if _, ok := s.client.Events.LastPublish(s.uri); !ok {
		s.result.note("edit: skipped because the server published no diagnostics for the file")
		return nil
	}
	original := s.sc.Content
	start := s.text.Position(s.sc.EditOffset)
	end := start // the end of the text the previous edit inserted

	var samples []time.Duration
	for i := range s.opts.Edits {
		text := numberedEdit(s.sc.EditText, i)
		content := original[:s.sc.EditOffset] + text + original[s.sc.EditOffset:]
		change := lsp.Change{Range: &lsp.Range{Start: start, End: end}, Text: text}
		if !s.client.IncrementalSync() {
			change = lsp.Change{Text: content}
		}
		end = lsp.NewText(content).Position(s.sc.EditOffset + len(text))
		s.version++
		sentAt, err := s.client.ChangeDocument(s.sc.File, s.version, []lsp.Change{change})
		if err != nil {
			return fmt.Errorf("edit: %w", err)
		}
		waitCtx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
		publish, err := s.client.Events.WaitDiagnostics(waitCtx, s.uri, sentAt, s.version)
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			s.result.note("edit: no diagnostics within %v of change %d", s.opts.Timeout, i+1)
			break
		}
		if err != nil {
			return fmt.Errorf("edit: %w", err)
		}
		samples = append(samples, publish.At.Sub(sentAt))
		if publish.Version == nil {
			time.Sleep(s.opts.Settle) // let late publishes of this edit arrive first
		}
	}
	// Leave the document as it was, for anything that runs after.
	s.version++
	if _, err := s.client.ChangeDocument(s.sc.File, s.version, []lsp.Change{{Text: original}}); err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	if len(samples) > 0 {
		stat := summarize(samples)
		s.result.EditDiag = &stat
	}
	return nil
}

// numberedEdit returns the edit text of edit i: "bench-edit" in text
// becomes "bench-edit-i".
func numberedEdit(text string, i int) string {
	return strings.Replace(text, "bench-edit", fmt.Sprintf("bench-edit-%d", i), 1)
}

// timeReindex times how long the server takes to see a compose file
// changed on disk: the file is rewritten, workspace/didChangeWatchedFiles
// is sent, and a request is polled until its result shows the change.
// With a working workspace/symbol, a new service is added and the poll
// waits for workspace/symbol to find it. Otherwise the service that a
// script's host points at is renamed and restored in turn, and the poll
// waits for that host's definition to become empty, then not empty. The
// file is restored afterwards.
func (s *session) timeReindex(ctx context.Context) error {
	if s.opts.Reindexes == 0 || len(s.sc.Services) == 0 {
		return nil
	}
	probe, host, ok := s.answeredHost(ctx)
	if !ok {
		s.result.note("re-index: skipped because no definition of a host in the script is answered")
		return nil
	}
	key := s.sc.Services[host]
	original, err := os.ReadFile(key.File)
	if err != nil {
		return fmt.Errorf("re-index: %w", err)
	}
	defer s.restore(key.File, original)

	changes := s.symbolChanges(ctx, host, key, string(original))
	if changes == nil {
		changes = s.renameChanges(probe, host, key, string(original))
		s.result.note("re-index: polled definition of %q while its service is renamed and restored", host)
	} else {
		s.result.note("re-index: polled workspace/symbol for a service added to %s", filepath.Base(key.File))
	}

	var samples []time.Duration
	for i := range s.opts.Reindexes {
		latency, err := s.reindexOnce(ctx, key.File, changes(i))
		if err != nil {
			s.result.note("re-index: %v", err)
			break
		}
		samples = append(samples, latency)
	}
	if len(samples) > 0 {
		stat := summarize(samples)
		s.result.Reindex = &stat
	}
	return nil
}

// reindexChange is one on-disk content of the compose file and the poll
// that returns true once the server's result reflects it.
type reindexChange struct {
	content string
	method  string
	params  any
	done    func(result json.RawMessage) bool
}

// answeredHost returns the first definition probe whose result is not
// empty and the service name at it.
func (s *session) answeredHost(ctx context.Context) (int, string, bool) {
	for _, probe := range s.sc.Probes[Definition] {
		host := wordAt(s.sc.Content, probe)
		if _, known := s.sc.Services[host]; !known {
			continue
		}
		resp, err := s.client.Conn.Call(ctx, Definition.lspMethod(), s.requestParams(Definition, s.text.Position(probe)))
		if err == nil && !isEmpty(resp.Result) {
			return probe, host, true
		}
	}
	return 0, "", false
}

// symbolChanges returns the changes that add service number i before the
// host's service, or nil when workspace/symbol does not find the host's
// service as it is.
func (s *session) symbolChanges(ctx context.Context, host string, key ServiceKey, original string) func(i int) reindexChange {
	if !s.client.Has("workspaceSymbolProvider") {
		return nil
	}
	resp, err := s.client.Conn.Call(ctx, "workspace/symbol", map[string]string{"query": host})
	if err != nil || !strings.Contains(string(resp.Result), `"`+host+`"`) {
		return nil
	}
	lineStart := strings.LastIndexByte(original[:key.Offset], '\n') + 1
	indent := original[lineStart:key.Offset]
	return func(i int) reindexChange {
		name := fmt.Sprintf("bench-reindex-%03d", i)
		service := indent + name + ":\n" + indent + indent + "image: busybox\n"
		return reindexChange{
			content: original[:lineStart] + service + original[lineStart:],
			method:  "workspace/symbol",
			params:  map[string]string{"query": name},
			done:    func(result json.RawMessage) bool { return strings.Contains(string(result), `"`+name+`"`) },
		}
	}
}

// renameChanges returns the changes that rename the host's service (even
// i) and restore it (odd i).
func (s *session) renameChanges(probe int, host string, key ServiceKey, original string) func(i int) reindexChange {
	renamed := original[:key.Offset] + host + "-bench-renamed" + original[key.Offset+len(host):]
	params := s.requestParams(Definition, s.text.Position(probe))
	return func(i int) reindexChange {
		if i%2 == 0 {
			return reindexChange{content: renamed, method: Definition.lspMethod(), params: params, done: isEmpty}
		}
		return reindexChange{content: original, method: Definition.lspMethod(), params: params,
			done: func(result json.RawMessage) bool { return !isEmpty(result) }}
	}
}

func (s *session) reindexOnce(ctx context.Context, path string, change reindexChange) (time.Duration, error) {
	if err := os.WriteFile(path, []byte(change.content), 0o644); err != nil {
		return 0, err
	}
	sentAt, err := s.notifyChanged(path)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	for {
		resp, err := s.client.Conn.Call(ctx, change.method, change.params)
		if err != nil {
			return 0, fmt.Errorf("poll %s: %w", change.method, err)
		}
		if change.done(resp.Result) {
			return resp.Received.Sub(sentAt), nil
		}
	}
}

func (s *session) notifyChanged(path string) (time.Time, error) {
	return s.client.Conn.Notify("workspace/didChangeWatchedFiles", map[string]any{
		"changes": []map[string]any{{"uri": lsp.FileURI(path), "type": 2}},
	})
}

// restore writes the compose file back and notifies the server.
func (s *session) restore(path string, original []byte) {
	if err := os.WriteFile(path, original, 0o644); err != nil {
		s.result.note("re-index: restore %s: %v", path, err)
		return
	}
	if _, err := s.notifyChanged(path); err != nil {
		s.result.note("re-index: %v", err)
	}
}
