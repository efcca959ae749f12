package diagnostics_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stackls/stackls/completion"
	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/format"
	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/semantic"
	"github.com/stackls/stackls/symbols"
	"github.com/stackls/stackls/workspace"
)

// oddComposeInputs are compose files that features must survive at every
// offset: empty, one space, no final line break, tabs, a BOM with CRLF,
// half-typed lines and broken syntax.
var oddComposeInputs = []string{
	"",
	" ",
	"services:\n  web:\n    image: nginx",
	"services:\n\tweb:\n\t\timage: x\n",
	"\ufeffservices:\r\n  web:\r\n    image: \"é😀\"\r\n    depends_on: [db]\r\n",
	"services:\n  web:\n    ima\n    depends_on:\n      - \n    environment:\n      A: ${\n",
	"x: &a [*a]\nservices:\n  a: *a\n  b:\n    <<: [*a, *nope]\n",
	"services: [1, {\nvolumes:\n  - :\n",
	"include:\n  - path: [a.yaml, ${X}]\nservices:\n  s:\n    extends: {file: ../../x.yaml, service: s}\n    build: {context: ${CTX:?}, target: t, args: [A=1, =]}\n",
}

// TestComposeFeaturesEveryOffset runs every compose feature at every byte
// offset of odd inputs, and of the parser's fuzz corpus, and checks that
// none fails and every Span lies inside the content.
func TestComposeFeaturesEveryOffset(t *testing.T) {
	inputs := append([]string(nil), oddComposeInputs...)
	corpus, _ := filepath.Glob("../compose/testdata/fuzz/FuzzParse/*")
	for _, path := range corpus {
		if data, err := os.ReadFile(path); err == nil {
			if content, ok := fuzzValue(string(data)); ok {
				inputs = append(inputs, content)
			}
		}
	}
	for i, content := range inputs {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			ws := testws.New(t, "-- compose.yaml --\n")
			snap := ws.Session.Open(ws.URI("compose.yaml"), "dockercompose", 1, []byte(content))
			checkAllOffsets(t, snap, ws.URI("compose.yaml"), content)
		})
	}
}

// fuzzValue decodes the []byte value of a Go fuzz corpus file.
func fuzzValue(data string) (string, bool) {
	lines := strings.Split(strings.TrimSpace(data), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "[]byte(") {
		return "", false
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
	return s, err == nil
}

func checkAllOffsets(t *testing.T, snap *workspace.Snapshot, uri position.URI, content string) {
	ctx := context.Background()
	inside := func(what string, span position.Span) {
		if span.Start < 0 || span.Start > span.End || span.End > len(content) {
			t.Errorf("input %q: %s span %v outside %d bytes", content, what, span, len(content))
		}
	}
	for _, d := range diagnostics.File(ctx, snap, uri) {
		inside("diagnostic", d.Span)
	}
	if syms, err := symbols.Document(ctx, snap, uri); err == nil {
		for _, s := range syms {
			inside("symbol", s.Span)
		}
	}
	if _, err := symbols.Folding(ctx, snap, uri); err != nil {
		t.Errorf("input %q: folding: %v", content, err)
	}
	if tokens, err := semantic.Tokens(ctx, snap, uri); err == nil {
		for _, tok := range tokens {
			inside("token", tok.Span)
		}
	}
	if edits, err := format.Format(ctx, snap, uri, format.Options{TabSize: 2, InsertSpaces: true}, nil); err == nil {
		if _, err := position.ApplyEdits([]byte(content), edits); err != nil {
			t.Errorf("input %q: format edits: %v", content, err)
		}
	}
	if links, err := navigation.Links(ctx, snap, uri); err == nil {
		for _, l := range links {
			inside("link", l.Span)
		}
	}
	for offset := -1; offset <= len(content)+1; offset++ {
		if h, err := hover.Hover(ctx, snap, uri, offset); err == nil && h != nil {
			inside("hover", h.Span)
		}
		if _, err := completion.Complete(ctx, snap, uri, offset, completion.Options{}); err != nil {
			t.Errorf("input %q: completion at %d: %v", content, offset, err)
		}
		if _, err := navigation.Definition(ctx, snap, uri, offset); err != nil {
			t.Errorf("input %q: definition at %d: %v", content, offset, err)
		}
		if _, err := navigation.References(ctx, snap, uri, offset, true); err != nil {
			t.Errorf("input %q: references at %d: %v", content, offset, err)
		}
		if _, err := navigation.Highlights(ctx, snap, uri, offset); err != nil {
			t.Errorf("input %q: highlight at %d: %v", content, offset, err)
		}
		if target, err := navigation.PrepareRename(ctx, snap, uri, offset); err == nil && target != nil {
			inside("rename target", target.Span)
		}
	}
}
