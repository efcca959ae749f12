package reliability

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// sessionArchive is the workspace every FuzzServerSession input starts
// from: one file of each kind, linked to each other.
const sessionArchive = `
-- compose.yaml --
services:
  web:
    build:
      context: .
      target: dev
    env_file: .env
    depends_on: [db]
    environment:
      DB_HOST: db:5432
      NAME: ${NAME:-wéb}
  db:
    image: postgres:16
-- .env --
NAME=app
-- Dockerfile --
FROM alpine:3.20 AS dev
COPY entrypoint.sh /
ENTRYPOINT ["/entrypoint.sh"]
-- entrypoint.sh --
#!/bin/sh
until nc -z db 5432; do sleep 1; done
exec "$@"
-- Makefile --
up:
	docker compose -f compose.yaml up -d
`

// sessionDocs are the documents a fuzz input may open, with the
// languageId an editor sends for each.
var sessionDocs = []struct{ path, languageID string }{
	{"compose.yaml", "dockercompose"},
	{"Dockerfile", "dockerfile"},
	{"entrypoint.sh", "shellscript"},
	{"Makefile", "makefile"},
	{".env", "dotenv"},
	{"docker-compose.override.yml", "dockercompose"},
	{"conf/site.conf", "plaintext"},
}

// sessionFragments are texts that edits insert, besides the fuzzer's own.
var sessionFragments = []string{
	"", "\n", "\r\n", " ", "\t", "é", "𝄞", "\ufeff", "\x00", "\xff",
	"services:\n  x:\n    image: ", "${", "}", "${NAME:-", "FROM ", "RUN \\\n", "<<EOF\n", "EOF\n",
	"db", ":", "- ", "  ", "$(", "\t@echo ", "#!/bin/bash\n", "A=\"", "'",
}

// sessionMethods are the requests a fuzz step may send at a position.
var sessionMethods = append(append([]string(nil), positionMethods...), "textDocument/rename")

// sessionFile is the fuzzed document as the server should have it.
type sessionFile struct {
	rel, uri string
	content  []byte
	version  int32
	history  map[int32][]byte // content by version, for checking diagnostics
}

// sessionRun drives one fuzz input through a server.
type sessionRun struct {
	t         *testing.T
	c         *lsptest.Client
	doc       *sessionFile
	ranges    *rangeChecker
	script    []byte
	fragments []string
}

// next returns the next byte of the script, or 0 when it is used up.
func (r *sessionRun) next() byte {
	if len(r.script) == 0 {
		return 0
	}
	b := r.script[0]
	r.script = r.script[1:]
	return b
}

// position reads a position near the document's content from the
// script; 255 stands for far past the end.
func (r *sessionRun) position() position.Position {
	lineByte, charByte := r.next(), r.next()
	if lineByte == 255 || charByte == 255 {
		return position.Position{Line: int(lineByte) << 23, Character: int(charByte) << 23}
	}
	m := position.NewMapper(r.doc.content)
	line := int(lineByte) % (m.LineCount() + 1)
	units := 0
	if span, err := m.LineSpan(line); err == nil {
		end, _ := m.OffsetPosition(span.End, r.c.Encoding())
		units = end.Character
	}
	return position.Position{Line: line, Character: int(charByte) % (units + 2)}
}

func (r *sessionRun) fragment() string { return r.fragments[int(r.next())%len(r.fragments)] }

// change sends a didChange with n changes, full when full is set, and
// updates the expected content: a batch with a change that does not
// apply leaves the document as it was.
func (r *sessionRun) change(n int, full bool) {
	var wire []any
	var changes []position.Change
	for range n {
		text := r.fragment()
		if full {
			text = string(r.doc.content) + text
			wire = append(wire, map[string]any{"text": text})
			changes = append(changes, position.Change{Text: string(sentContent([]byte(text)))})
			continue
		}
		rng := position.Range{Start: r.position(), End: r.position()}
		wire = append(wire, map[string]any{"range": rangeParams(rng), "text": text})
		changes = append(changes, position.Change{Range: &rng, Text: string(sentContent([]byte(text)))})
	}
	r.doc.version++
	r.c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": r.doc.uri, "version": r.doc.version},
		"contentChanges": wire,
	})
	if next, err := position.ApplyChanges(r.doc.content, changes, r.c.Encoding()); err == nil {
		r.doc.content = next
	}
	r.doc.history[r.doc.version] = r.doc.content
	r.ranges.setOpen(r.doc.uri, r.doc.content)
}

// request sends one request and checks its result.
func (r *sessionRun) request(method string, params map[string]any) {
	var result jsonRaw
	if err := r.c.Call(method, params, &result); err != nil {
		r.t.Fatalf("%s %v: error response %v\nscript so far left %q", method, params, err, r.script)
	}
	for _, problem := range r.ranges.check(method, r.doc.uri, result.raw) {
		r.t.Fatalf("%s %v: %s", method, params, problem)
	}
}

// cancelled sends a request and cancels it at once. The response must be
// RequestCancelled or the result.
func (r *sessionRun) cancelled(method string, params map[string]any) {
	id, answer := r.c.Go(method, params)
	r.c.Notify("$/cancelRequest", map[string]any{"id": &id})
	resp := r.c.AwaitResponse(answer)
	if err := resp.Err(); err != nil && lsptest.ErrorCode(err) != jsonrpc2.Code(-32800) {
		r.t.Fatalf("cancelled %s: error %v, want RequestCancelled (-32800) or a result", method, err)
	}
}

// step runs the next operation of the script.
func (r *sessionRun) step() {
	doc := map[string]any{"uri": r.doc.uri}
	at := func() map[string]any {
		return map[string]any{"textDocument": doc, "position": positionParams(r.position())}
	}
	switch op := r.next() % 12; op {
	case 0, 1:
		r.change(1, false)
	case 2:
		r.change(2+int(r.next()%2), false)
	case 3:
		r.change(1, true)
	case 4, 5, 6:
		method := sessionMethods[int(r.next())%len(sessionMethods)]
		params := at()
		switch method {
		case "textDocument/references":
			params["context"] = map[string]any{"includeDeclaration": r.next()%2 == 0}
		case "textDocument/rename":
			params["newName"] = "renamed"
		}
		r.request(method, params)
	case 7, 8:
		method := fileMethods[int(r.next())%len(fileMethods)]
		params := map[string]any{"textDocument": doc}
		switch method {
		case "textDocument/formatting":
			params["options"] = map[string]any{"tabSize": 1 + int(r.next()%8), "insertSpaces": r.next()%2 == 0}
		case "textDocument/codeAction":
			params["range"] = rangeParams(position.Range{Start: r.position(), End: r.position()})
			params["context"] = map[string]any{"diagnostics": []any{}}
		}
		r.request(method, params)
	case 9:
		r.cancelled("textDocument/hover", at())
	case 10:
		r.c.Close(r.doc.rel)
		r.ranges.setOpen(r.doc.uri, nil)
		r.request("textDocument/documentSymbol", map[string]any{"textDocument": doc})
		r.open()
	case 11:
		r.request("workspace/symbol", map[string]any{"query": r.fragment()})
	}
}

// open opens the document with its expected content, at the next version.
// The content goes through a JSON string, as the client sends it.
func (r *sessionRun) open() {
	r.doc.content = sentContent(r.doc.content)
	r.doc.version++
	r.c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": r.doc.uri, "languageId": languageOf(r.doc.rel), "version": r.doc.version, "text": string(r.doc.content),
	}})
	r.doc.history[r.doc.version] = r.doc.content
	r.ranges.setOpen(r.doc.uri, r.doc.content)
}

// finish checks that the server holds the expected content and that its
// published diagnostics fit the version they name.
func (r *sessionRun) finish() {
	r.c.Sync()
	f := r.c.ServerOptions().Session.Snapshot().File(position.URI(r.doc.uri))
	if f == nil || !bytes.Equal(f.Content, r.doc.content) {
		var got []byte
		if f != nil {
			got = f.Content
		}
		r.t.Fatalf("after the edits the server holds %q, want %q", got, r.doc.content)
	}
	for _, note := range r.c.Notifications("textDocument/publishDiagnostics") {
		checkPublish(r.t, note.Params, r.doc, r.c.Encoding())
	}
	if log := r.c.ServerLog(); strings.Contains(log, "recovered from a panic") {
		r.t.Fatalf("the server recovered from a panic:\n%s", log)
	}
}

// FuzzServerSession opens a document of any content in a small linked
// workspace and replays a random sequence of steps against an in-process
// server. A step is an edit (valid and invalid ranges, several changes at
// once, full replacements), a request at any position, a whole-file
// request, a cancelled request or a reopening. Every request must get a
// result, and every range must lie inside its document. At the end the
// server must hold the content that the valid edits produce.
func FuzzServerSession(f *testing.F) {
	addSessionSeeds(f)
	f.Fuzz(func(t *testing.T, kind uint8, content string, script []byte, insert string) {
		if len(content) > 8<<10 || len(script) > 256 {
			t.Skip("input too large for a quick session")
		}
		names := []string{"utf-16", "utf-8", "utf-32"}
		c := lsptest.New(t, sessionArchive, lsptest.WithEncodings(names[int(kind/16)%len(names)]))
		docInfo := sessionDocs[int(kind)%len(sessionDocs)]
		r := &sessionRun{
			t: t, c: c, ranges: newRangeChecker(c.Encoding()), script: script,
			fragments: append(append([]string(nil), sessionFragments...), strings.Split(insert, "|")...),
			doc: &sessionFile{
				rel: docInfo.path, uri: uriOf(c, docInfo.path),
				content: sentContent([]byte(content)), history: map[int32][]byte{},
			},
		}
		r.open()
		for len(r.script) > 0 {
			r.step()
		}
		r.finish()
	})
}

// jsonRaw keeps a result undecoded.
type jsonRaw struct{ raw json.RawMessage }

func (j *jsonRaw) UnmarshalJSON(data []byte) error {
	j.raw = append(json.RawMessage(nil), data...)
	return nil
}

func positionParams(pos position.Position) map[string]any {
	return map[string]any{"line": pos.Line, "character": pos.Character}
}

func rangeParams(rng position.Range) map[string]any {
	return map[string]any{"start": positionParams(rng.Start), "end": positionParams(rng.End)}
}

// languageOf returns the languageId of a sessionDocs path.
func languageOf(rel string) string {
	for _, d := range sessionDocs {
		if d.path == rel {
			return d.languageID
		}
	}
	return "plaintext"
}

// checkPublish checks the ranges of a publishDiagnostics of the fuzzed
// document against the content of the version it names.
func checkPublish(t *testing.T, params json.RawMessage, doc *sessionFile, enc position.Encoding) {
	t.Helper()
	var p struct {
		URI         string          `json:"uri"`
		Version     *int32          `json:"version"`
		Diagnostics json.RawMessage `json:"diagnostics"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		t.Fatalf("invalid publishDiagnostics params %s: %v", params, err)
	}
	if p.URI != doc.uri || p.Version == nil {
		return
	}
	content, ok := doc.history[*p.Version]
	if !ok {
		return // the disk copy's diagnostics, published before the document was opened
	}
	k := newRangeChecker(enc)
	k.setOpen(doc.uri, content)
	for _, problem := range k.check("textDocument/publishDiagnostics", doc.uri, p.Diagnostics) {
		t.Fatalf("diagnostics of version %d: %s", *p.Version, problem)
	}
}

// addSessionSeeds adds, for each example file, each edge-case file and
// each input of the degenerate-position reports, a script that edits,
// requests and cancels.
func addSessionSeeds(f *testing.F) {
	scripts := [][]byte{
		{4, 0, 0, 0, 7, 0, 1, 0, 2, 0, 3, 5, 1, 1, 1, 1, 0, 9, 0, 0},
		{0, 1, 2, 1, 2, 5, 4, 3, 1, 3, 8, 1, 4, 4, 0, 2, 2, 2, 10, 0, 11, 20},
		{2, 1, 0, 0, 0, 1, 255, 255, 0, 0, 6, 255, 0, 0, 1, 3, 3, 1, 0, 9, 200, 200},
		{3, 14, 4, 0, 2, 0, 7, 2, 8, 0, 0, 9, 9, 7, 4, 6, 0, 0, 1, 1},
	}
	var contents []string
	for _, ws := range exampleWorkspaces(f) {
		for _, rel := range ws.paths() {
			contents = append(contents, string(ws[rel]))
		}
	}
	for _, rel := range []string{"Dockerfile", "compose.yaml", "Makefile", ".env", "entrypoint.sh"} {
		contents = append(contents, halfTyped[rel])
	}
	contents = append(contents,
		"", " ", "services:\n  web:\n    image: nginx", "FROM alpine:3.20",
		"\ufeff# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<STEP\necho ok\nSTEP\n",
		"services:\r\n  wéb:\r\n    image: ${TAG:-𝄞}\r\n",
		"FROM alpine\x00\xff\n",
	)
	for i, content := range contents {
		kind := uint8(i % 256)
		f.Add(kind, content, scripts[i%len(scripts)], "x|${NAME}|\n")
	}
}
