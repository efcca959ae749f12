package diagnostics_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// BenchmarkComposeDiagnostics measures an edit of a 5,000-line compose file
// with 300 services followed by its diagnostics: the new content is parsed
// and checked (syntax, schema, references, variables) from scratch.
func BenchmarkComposeDiagnostics(b *testing.B) {
	content := composetest.Generate(300)
	ws := testws.New(b, "-- compose.yaml --\n"+content)
	uri := ws.URI("compose.yaml")
	ws.Session.Open(uri, "dockercompose", 1, []byte(content))
	at := strings.Index(content, "LOG_LEVEL: ${LOG_LEVEL:-info}") + len("LOG_LEVEL: ${LOG_LEVEL:-")
	if n := len(diagnostics.File(context.Background(), ws.Snapshot(), uri)); n != 0 {
		b.Fatalf("the generated file has %d diagnostics", n)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text := "x"
		if i%2 == 1 {
			text = ""
		}
		span := position.Span{Start: at, End: at + i%2}
		m := position.NewMapper([]byte(content))
		rng, err := m.SpanRange(span, position.UTF16)
		if err != nil {
			b.Fatal(err)
		}
		snap, err := ws.Session.Change(uri, int32(i+2), []position.Change{{Range: &rng, Text: text}}, position.UTF16)
		if err != nil {
			b.Fatal(err)
		}
		if i%2 == 0 {
			content = content[:at] + "x" + content[at:]
		} else {
			content = content[:at] + content[at+1:]
		}
		diagnostics.File(context.Background(), snap, uri)
	}
}
