package server_test

import (
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// These tests check the wiring of diagnostics and quick fixes with rules
// of the diagnostics package: an unknown compose property, an unknown
// Dockerfile instruction and the deprecated MAINTAINER.

// findCode returns the diagnostics with code, in order.
func findCode(diags []lsptest.Diagnostic, code string) []lsptest.Diagnostic {
	var found []lsptest.Diagnostic
	for _, d := range diags {
		if d.Code == code {
			found = append(found, d)
		}
	}
	return found
}

func TestDiagnosticRangeAfterNonASCII(t *testing.T) {
	const archive = "-- compose.yaml --\nservices:\n  web: {image: \"é😀\", «key»restrat: no}\n"
	for _, enc := range []string{"utf-16", "utf-8", "utf-32"} {
		for _, crlf := range []bool{false, true} {
			var opts []lsptest.Option
			if crlf {
				opts = append(opts, lsptest.WithCRLF("compose.yaml"))
			}
			c := lsptest.New(t, archive, append(opts, lsptest.WithEncodings(enc))...)
			c.Open("compose.yaml")

			_, at := c.WS.Marker("key")
			want := position.Span{Start: at, End: at + len("restrat")}
			got := findCode(c.Diagnostics("compose.yaml"), "UnknownProperty")
			if len(got) != 1 || got[0].Span != want {
				t.Errorf("%s crlf=%v: UnknownProperty diagnostics %v, want one at %v", enc, crlf, got, want)
			}
		}
	}
}

func TestDiagnosticRangeAfterBOM(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\n\ufeff«word»RUNN x\nFROM alpine:3.20\n")
	c.Open("Dockerfile")

	_, at := c.WS.Marker("word")
	want := position.Span{Start: at, End: at + len("RUNN")}
	got := findCode(c.Diagnostics("Dockerfile"), "UnknownInstruction")
	if len(got) != 1 || got[0].Span != want {
		t.Errorf("UnknownInstruction diagnostics %v, want one at %v (after the 3-byte BOM)", got, want)
	}
}

func TestIndexedFileProblemsPublishedAndCleared(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\nFROM alpine:3.20\n«word»RUNN echo ok\n")

	// The file is not open: the server published it after indexing.
	_, at := c.WS.Marker("word")
	want := position.Span{Start: at, End: at + len("RUNN")}
	got := findCode(c.Diagnostics("Dockerfile"), "UnknownInstruction")
	if len(got) != 1 || got[0].Span != want {
		t.Fatalf("UnknownInstruction diagnostics after indexing %v, want one at %v", got, want)
	}

	c.WatchedFileChanged("Dockerfile", []byte("FROM alpine:3.20\nRUN echo ok\n"))
	if got := findCode(c.Diagnostics("Dockerfile"), "UnknownInstruction"); len(got) != 0 {
		t.Errorf("UnknownInstruction diagnostics after the fix on disk %v, want none", got)
	}
}

func TestQuickFixCodeAction(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\nFROM alpine:3.20\n«maintainer»MAINTAINER me <me@example.org>\nRUN echo ok\n")
	c.Open("Dockerfile")
	line := c.Find("Dockerfile", "MAINTAINER", 1)

	actions := c.CodeActions("Dockerfile", line)
	if len(actions) == 0 {
		t.Fatalf("no code action on MAINTAINER; diagnostics %v", c.Diagnostics("Dockerfile"))
	}
	fix := actions[0]
	if fix.Kind != "quickfix" || len(fix.Diagnostics) != 1 {
		t.Errorf("action = %+v, want a quickfix with its diagnostic", fix)
	}
	edits := fix.Edits["Dockerfile"]
	_, at := c.WS.Marker("maintainer")
	if len(edits) != 1 || edits[0].Span.Start != at {
		t.Errorf("edits = %v, want one starting at offset %d", edits, at)
	}

	if got := c.CodeActions("Dockerfile", c.Find("Dockerfile", "echo", 1)); len(got) != 0 {
		t.Errorf("code actions on a clean line = %v, want none", got)
	}
	var onlyRefactor []any
	params := map[string]any{
		"textDocument": c.DocID("Dockerfile"),
		"range":        map[string]any{"start": map[string]any{"line": 1, "character": 0}, "end": map[string]any{"line": 1, "character": 3}},
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"refactor"}},
	}
	if err := c.Call("textDocument/codeAction", params, &onlyRefactor); err != nil || len(onlyRefactor) != 0 {
		t.Errorf("code actions with only=[refactor] = %v (%v), want none", onlyRefactor, err)
	}
}
