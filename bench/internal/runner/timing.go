package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
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

// timeEdits inserts the scenario's edit text and removes it again, in
// turn, and times each change until the server publishes diagnostics for
// the new version.
func (s *session) timeEdits(ctx context.Context) error {
	if s.opts.Edits == 0 || s.sc.EditText == "" {
		return nil
	}
	if _, ok := s.client.Events.LastPublish(s.uri); !ok {
		s.result.note("edit: skipped because the server published no diagnostics for the file")
		return nil
	}
	original := s.sc.Content
	inserted := original[:s.sc.EditOffset] + s.sc.EditText + original[s.sc.EditOffset:]
	start := s.text.Position(s.sc.EditOffset)
	insertedText := lsp.NewText(inserted)
	end := insertedText.Position(s.sc.EditOffset + len(s.sc.EditText))

	var samples []time.Duration
	for i := range s.opts.Edits {
		change := lsp.Change{Range: &lsp.Range{Start: start, End: start}, Text: s.sc.EditText}
		content := inserted
		if i%2 == 1 {
			change = lsp.Change{Range: &lsp.Range{Start: start, End: end}, Text: ""}
			content = original
		}
		if !s.client.IncrementalSync() {
			change = lsp.Change{Text: content}
		}
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
	if len(samples)%2 == 1 {
		// Leave the document as it was, for anything that runs after.
		s.version++
		if _, err := s.client.ChangeDocument(s.sc.File, s.version, []lsp.Change{{Text: original}}); err != nil {
			return fmt.Errorf("edit: %w", err)
		}
	}
	if len(samples) > 0 {
		stat := summarize(samples)
		s.result.EditDiag = &stat
	}
	return nil
}

// timeReindex adds a service to a compose file on disk, sends
// didChangeWatchedFiles, and times until workspace/symbol finds the new
// service. The file is restored afterwards.
func (s *session) timeReindex(ctx context.Context) error {
	if s.opts.Reindexes == 0 || s.sc.ReindexFile == "" {
		return nil
	}
	if !s.client.Has("workspaceSymbolProvider") {
		s.result.note("re-index: skipped because the server offers no workspace/symbol")
		return nil
	}
	original, err := os.ReadFile(s.sc.ReindexFile)
	if err != nil {
		return fmt.Errorf("re-index: %w", err)
	}
	defer s.restore(original)

	var samples []time.Duration
	for i := range s.opts.Reindexes {
		name := fmt.Sprintf("bench-reindex-%03d", i)
		latency, err := s.reindexOnce(ctx, original, name)
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

func (s *session) reindexOnce(ctx context.Context, original []byte, name string) (time.Duration, error) {
	indent := s.sc.ReindexIndent
	service := indent + name + ":\n" + indent + indent + "image: busybox\n"
	content := string(original[:s.sc.ReindexOffset]) + service + string(original[s.sc.ReindexOffset:])
	if err := os.WriteFile(s.sc.ReindexFile, []byte(content), 0o644); err != nil {
		return 0, err
	}
	sentAt, err := s.notifyChanged()
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	for {
		resp, err := s.client.Conn.Call(ctx, "workspace/symbol", map[string]string{"query": name})
		if err != nil {
			return 0, fmt.Errorf("workspace/symbol %q: %w", name, err)
		}
		if strings.Contains(string(resp.Result), `"`+name+`"`) {
			return resp.Received.Sub(sentAt), nil
		}
	}
}

func (s *session) notifyChanged() (time.Time, error) {
	return s.client.Conn.Notify("workspace/didChangeWatchedFiles", map[string]any{
		"changes": []map[string]any{{"uri": lsp.FileURI(s.sc.ReindexFile), "type": 2}},
	})
}

// restore writes the compose file back and tells the server.
func (s *session) restore(original []byte) {
	if err := os.WriteFile(s.sc.ReindexFile, original, 0o644); err != nil {
		s.result.note("re-index: restore %s: %v", s.sc.ReindexFile, err)
		return
	}
	if _, err := s.notifyChanged(); err != nil {
		s.result.note("re-index: %v", err)
	}
}
