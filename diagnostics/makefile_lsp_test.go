package diagnostics_test

import (
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

// makefileLSPDiagArchive has a typo in a service name and a recipe line
// indented with four spaces.
const makefileLSPDiagArchive = `
-- Makefile --
up:
	docker compose -f compose.yaml up «typo»wbe
    docker compose -f «missing»gone.yml ps
-- compose.yaml --
services:
  web:
    image: nginx
`

func TestMakefileDiagnosticsOverLSP(t *testing.T) {
	c := lsptest.New(t, makefileLSPDiagArchive)
	c.Open("Makefile")
	diags := c.Diagnostics("Makefile")
	_, typo := c.WS.Marker("typo")
	_, missing := c.WS.Marker("missing")
	want := []struct {
		code  string
		start int
		word  string
	}{
		{"UnknownService", typo, "wbe"},
		{"RecipeSpaceIndent", c.Find("Makefile", "    docker", 1).Start, "    "},
		{"ComposeFileNotFound", missing, "gone.yml"},
	}
	if len(diags) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %v", len(diags), len(want), diags)
	}
	content := c.Content("Makefile")
	for i, w := range want {
		d := diags[i]
		if d.Code != w.code || d.Span.Start != w.start || string(content[d.Span.Start:d.Span.End]) != w.word {
			t.Errorf("diagnostic %d = %v, want %s on %q at %d", i, d, w.code, w.word, w.start)
		}
	}

	actions := c.CodeActions("Makefile", diags[0].Span)
	found := false
	for _, a := range actions {
		if edits := a.Edits["Makefile"]; len(edits) == 1 && edits[0].NewText == "web" && edits[0].Span == diags[0].Span {
			found = true
		}
	}
	if !found {
		t.Errorf("no code action replaces %q with \"web\": %+v", "wbe", actions)
	}

	c.Replace("Makefile", "up wbe", "up web")
	if got := c.Diagnostics("Makefile"); len(got) != 2 {
		t.Errorf("after the fix got %d diagnostics, want 2: %v", len(got), got)
	}
}

func TestMakefileDiagnosticsCRLFOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- Makefile --\nC := docker compose\r\nup:\n\t$(C) exec «ghost»ghostt sh\n-- compose.yaml --\nservices:\n  ghost:\n    image: busybox\n",
		lsptest.WithCRLF("Makefile"))
	c.Open("Makefile")
	diags := c.Diagnostics("Makefile")
	_, ghost := c.WS.Marker("ghost")
	if len(diags) != 1 || diags[0].Span.Start != ghost || diags[0].Span.End != ghost+len("ghostt") {
		t.Fatalf("diagnostics = %v, want one on ghostt at %d", diags, ghost)
	}
	if want := "`ghostt` is not a service of `compose.yaml`; did you mean `ghost`?"; diags[0].Message != want {
		t.Errorf("message = %q, want %q", diags[0].Message, want)
	}
}
