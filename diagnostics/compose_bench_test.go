package diagnostics_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeBench is a session with the generated 5,000-line compose file
// (300 services) open, and the place of one value that edits replace.
type composeBench struct {
	ws      *testws.WS
	uri     position.URI
	content string
	at, end int // the Span of the edited value in content
	version int32
}

func newComposeBench(b *testing.B) *composeBench {
	content := composetest.Generate(300)
	ws := testws.New(b, "-- compose.yaml --\n"+content)
	cb := &composeBench{ws: ws, uri: ws.URI("compose.yaml"), content: content, version: 1}
	ws.Session.Open(cb.uri, "dockercompose", 1, []byte(content))
	cb.at = strings.Index(content, "LOG_LEVEL: ${LOG_LEVEL:-info}") + len("LOG_LEVEL: ${LOG_LEVEL:-")
	cb.end = cb.at + len("info")
	if n := len(diagnostics.File(context.Background(), ws.Snapshot(), cb.uri)); n != 0 {
		b.Fatalf("the generated file has %d diagnostics", n)
	}
	return cb
}

// edit replaces the edited value with text, a change of one line, and
// returns the new Snapshot.
func (cb *composeBench) edit(b *testing.B, text string) *workspace.Snapshot {
	rng, err := position.NewMapper([]byte(cb.content)).SpanRange(position.Span{Start: cb.at, End: cb.end}, position.UTF16)
	if err != nil {
		b.Fatal(err)
	}
	cb.version++
	snap, err := cb.ws.Session.Change(cb.uri, cb.version, []position.Change{{Range: &rng, Text: text}}, position.UTF16)
	if err != nil {
		b.Fatal(err)
	}
	cb.content = cb.content[:cb.at] + text + cb.content[cb.end:]
	cb.end = cb.at + len(text)
	return snap
}

// BenchmarkComposeDiagnostics measures an edit of a 5,000-line compose file
// with 300 services followed by its diagnostics: the Session parses the new
// content and rebuilds its index, then the file is checked (syntax,
// schema, references, variables). Each edit gives a value not seen
// before, so no cache keyed by content holds a result for the edited
// service.
func BenchmarkComposeDiagnostics(b *testing.B) {
	cb := newComposeBench(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		snap := cb.edit(b, "info"+strconv.Itoa(i))
		diagnostics.File(context.Background(), snap, cb.uri)
	}
}

// BenchmarkComposeDiagnosticsParsed measures the diagnostics of the same
// file when it is already parsed and unchanged since the last check.
func BenchmarkComposeDiagnosticsParsed(b *testing.B) {
	cb := newComposeBench(b)
	snap := cb.ws.Snapshot()
	b.ReportAllocs()
	for b.Loop() {
		diagnostics.File(context.Background(), snap, cb.uri)
	}
}

// BenchmarkComposeDiagnosticsEdit measures the diagnostics of the same
// file after an edit of one line, which changes one service, without the
// cost of the edit itself (parsing and the workspace index).
func BenchmarkComposeDiagnosticsEdit(b *testing.B) {
	cb := newComposeBench(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		snap := cb.edit(b, "info"+strconv.Itoa(i))
		snap.File(cb.uri).Compose()
		b.StartTimer()
		diagnostics.File(context.Background(), snap, cb.uri)
	}
}
