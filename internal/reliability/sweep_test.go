package reliability

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// sweepFullFile is the largest file, in bytes, whose every position the
// sweep requests; larger files get a sample of each line.
const sweepFullFile = 4 << 10

// raceStride is the distance, in characters, between the positions that
// the sweeps request inside a line under the race detector.
const raceStride = 5

// sweepBatch is how many requests the sweep sends before it reads their
// responses.
const sweepBatch = 64

// positionMethods are the requests the sweep sends at each position.
var positionMethods = []string{
	"textDocument/hover",
	"textDocument/definition",
	"textDocument/references",
	"textDocument/completion",
	"textDocument/documentHighlight",
	"textDocument/prepareRename",
}

// fileMethods are the requests the sweep sends once per file.
var fileMethods = []string{
	"textDocument/documentSymbol",
	"textDocument/foldingRange",
	"textDocument/semanticTokens/full",
	"textDocument/formatting",
	"textDocument/codeAction",
	"textDocument/documentLink",
}

// sweeper sends requests to one server and collects what went wrong.
type sweeper struct {
	t        *testing.T
	c        *lsptest.Client
	ranges   *rangeChecker
	problems []string
	requests int
}

type pending struct {
	method, uri, where string
	answer             <-chan *jsonrpc2.Response
}

// send sends requests in batches and checks each response: no error and
// every range inside its file.
func (s *sweeper) send(reqs []sweepRequest) {
	for from := 0; from < len(reqs); from += sweepBatch {
		batch := reqs[from:min(from+sweepBatch, len(reqs))]
		sent := make([]pending, len(batch))
		for i, r := range batch {
			_, answer := s.c.Go(r.method, r.params)
			sent[i] = pending{method: r.method, uri: r.uri, where: r.where, answer: answer}
		}
		for _, p := range sent {
			s.checkResponse(p, s.c.AwaitResponse(p.answer))
		}
		s.requests += len(batch)
	}
}

func (s *sweeper) checkResponse(p pending, resp *jsonrpc2.Response) {
	if err := resp.Err(); err != nil {
		s.problems = append(s.problems, fmt.Sprintf("%s at %s: error response: %v", p.method, p.where, err))
		return
	}
	for _, problem := range s.ranges.check(p.method, p.uri, resp.Result()) {
		s.problems = append(s.problems, fmt.Sprintf("%s at %s: %s", p.method, p.where, problem))
	}
}

// report fails the test with the first problems found.
func (s *sweeper) report() {
	s.t.Helper()
	if strings.Contains(s.c.ServerLog(), "recovered from a panic") {
		s.problems = append(s.problems, "the server log contains a recovered panic")
	}
	if len(s.problems) == 0 {
		s.t.Logf("%d requests, no problem", s.requests)
		return
	}
	shown := s.problems[:min(len(s.problems), 30)]
	s.t.Errorf("%d of %d requests went wrong; the first ones:\n%s", len(s.problems), s.requests, strings.Join(shown, "\n"))
}

// sweepRequest is one request of the sweep.
type sweepRequest struct {
	method, uri, where string
	params             map[string]any
}

// positionRequests returns the position requests for every position of a
// file, or a sample of each line of a large one: every character, a
// position inside each surrogate pair, one past each line end, and the
// line after the last.
func positionRequests(rel, uri string, content []byte, enc position.Encoding) []sweepRequest {
	var reqs []sweepRequest
	for _, pos := range sweepPositions(content, enc) {
		where := fmt.Sprintf("%s:%d:%d", rel, pos.Line, pos.Character)
		for _, method := range positionMethods {
			params := map[string]any{
				"textDocument": map[string]any{"uri": uri},
				"position":     map[string]any{"line": pos.Line, "character": pos.Character},
			}
			switch method {
			case "textDocument/references":
				params["context"] = map[string]any{"includeDeclaration": true}
			case "textDocument/completion":
				params["context"] = map[string]any{"triggerKind": 1}
			}
			reqs = append(reqs, sweepRequest{method: method, uri: uri, where: where, params: params})
		}
	}
	return reqs
}

// sweepPositions lists the positions the sweep requests in a file: every
// character of each line (a sample in a large file, or every
// raceStride-th under the race detector), the line end, one past it, and
// the line after the last.
func sweepPositions(content []byte, enc position.Encoding) []position.Position {
	m := position.NewMapper(content)
	var out []position.Position
	for line := 0; line < m.LineCount(); line++ {
		span, _ := m.LineSpan(line)
		end, _ := m.OffsetPosition(span.End, enc)
		step := 1
		switch {
		case len(content) > sweepFullFile:
			step = max(1, end.Character/3)
		case raceEnabled:
			step = raceStride
		}
		for char := 0; char < end.Character; char += step {
			out = append(out, position.Position{Line: line, Character: char})
		}
		out = append(out, end, position.Position{Line: line, Character: end.Character + 1})
	}
	return append(out, position.Position{Line: m.LineCount(), Character: 0})
}

// fileRequests returns the whole-file requests of a file.
func fileRequests(rel, uri string, content []byte, enc position.Encoding) []sweepRequest {
	doc := map[string]any{"uri": uri}
	m := position.NewMapper(content)
	end, _ := m.OffsetPosition(len(content), enc)
	whole := map[string]any{
		"start": map[string]any{"line": 0, "character": 0},
		"end":   map[string]any{"line": end.Line, "character": end.Character},
	}
	var reqs []sweepRequest
	for _, method := range fileMethods {
		params := map[string]any{"textDocument": doc}
		switch method {
		case "textDocument/formatting":
			params["options"] = map[string]any{"tabSize": 2, "insertSpaces": true}
		case "textDocument/codeAction":
			params["range"] = whole
			params["context"] = map[string]any{"diagnostics": []any{}, "triggerKind": 1}
		}
		reqs = append(reqs, sweepRequest{method: method, uri: uri, where: rel, params: params})
	}
	return reqs
}

// checkPublished checks the ranges of every publishDiagnostics the server
// sent.
func (s *sweeper) checkPublished() {
	for _, note := range s.c.Notifications("textDocument/publishDiagnostics") {
		var p struct {
			URI         string          `json:"uri"`
			Diagnostics json.RawMessage `json:"diagnostics"`
		}
		if err := json.Unmarshal(note.Params, &p); err != nil {
			s.problems = append(s.problems, fmt.Sprintf("invalid publishDiagnostics params: %v", err))
			continue
		}
		for _, problem := range s.ranges.check("textDocument/publishDiagnostics", p.URI, p.Diagnostics) {
			s.problems = append(s.problems, "publishDiagnostics of "+p.URI+": "+problem)
		}
	}
}

// sweep requests every position and every whole-file request of every
// file of fs, closed (as indexed from disk) or opened with its content.
func sweep(t *testing.T, fs files, open bool, init ...lsptest.Option) {
	c := startServer(t, fs, nil, init...)
	s := &sweeper{t: t, c: c, ranges: newRangeChecker(c.Encoding())}
	for _, rel := range fs.paths() {
		content := fs[rel]
		uri := uriOf(c, rel)
		if open {
			c.Open(rel)
			s.ranges.setOpen(uri, sentContent(content))
		}
		s.send(fileRequests(rel, uri, content, c.Encoding()))
		s.send(positionRequests(rel, uri, content, c.Encoding()))
	}
	c.Sync()
	s.checkPublished()
	s.report()
}

// TestSweepEveryPosition sends every position request at every position,
// and every whole-file request, for each file of the example workspaces
// and of a workspace of edge cases, and requires no error response, no
// panic and every range inside its file.
func TestSweepEveryPosition(t *testing.T) {
	for name, fs := range exampleWorkspaces(t) {
		t.Run(name, func(t *testing.T) { sweep(t, fs, false) })
	}
	tricky := trickyWorkspace()
	t.Run("tricky", func(t *testing.T) { sweep(t, tricky, false) })
	t.Run("tricky/open/utf-8", func(t *testing.T) {
		if raceEnabled {
			t.Skip("3 MiB documents through JSON are too slow under the race detector; the plain run sends them")
		}
		sweep(t, tricky, true, lsptest.WithEncodings("utf-8"))
	})
}

// sentContent returns content as the server receives it in a JSON
// string: encoding/json replaces each byte that is not UTF-8 with U+FFFD.
func sentContent(content []byte) []byte {
	var b strings.Builder
	for len(content) > 0 {
		r, size := utf8.DecodeRune(content)
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(content[:size])
		}
		content = content[size:]
	}
	return []byte(b.String())
}
