package diagnostics_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// TestComposePlantedOverLSP checks the planted file over a real server:
// the five problems on lines 4, 5, 7, 9 and 16, each narrowed to its word.
func TestComposePlantedOverLSP(t *testing.T) {
	c := lsptest.New(t, plantedArchive)
	c.Open("docker-compose.yml")
	diags := c.Diagnostics("docker-compose.yml")
	content := c.Content("docker-compose.yml")
	m := position.NewMapper(content)
	want := []struct {
		line       int
		code, text string
	}{
		{4, "UnknownProperty", "restrat"},
		{5, "InvalidType", `"8443:443"`},
		{7, "UndefinedService", "cache"},
		{9, "DuplicateKey", "container_name"},
		{16, "YAMLSyntax", "volumes"},
	}
	if len(diags) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %v", len(diags), len(want), diags)
	}
	for i, w := range want {
		d := diags[i]
		if line := m.OffsetLine(d.Span.Start); line != w.line || d.Code != w.code || string(content[d.Span.Start:d.Span.End]) != w.text {
			t.Errorf("diagnostic %d = %v on line %d, want %s on %q at line %d", i, d, line, w.code, w.text, w.line)
		}
	}

	var fixed bool
	for _, a := range c.CodeActions("docker-compose.yml", diags[0].Span) {
		for _, e := range a.Edits["docker-compose.yml"] {
			fixed = fixed || e.NewText == "restart" && e.Span == diags[0].Span
		}
	}
	if !fixed {
		t.Error("no quick fix changes `restrat` to `restart`")
	}
}

// TestComposeCleanAndEditOverLSP checks that a clean file gets no
// diagnostic, that an edit brings one, and that fixing it clears it.
func TestComposeCleanAndEditOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- compose.yaml --
services:
  web:
    image: nginx:1.27
    depends_on: [db]
    restart: always
  db:
    image: postgres:16
`)
	c.Open("compose.yaml")
	if diags := c.Diagnostics("compose.yaml"); len(diags) != 0 {
		t.Fatalf("clean file has diagnostics: %v", diags)
	}
	c.Replace("compose.yaml", "depends_on: [db]", "depends_on: [dbb]")
	diags := c.Diagnostics("compose.yaml")
	if len(diags) != 1 || diags[0].Code != "UndefinedService" || !strings.Contains(diags[0].Message, "did you mean `db`?") {
		t.Fatalf("after the typo: %v", diags)
	}
	c.Replace("compose.yaml", "[dbb]", "[db]")
	if diags := c.Diagnostics("compose.yaml"); len(diags) != 0 {
		t.Errorf("after the fix: %v", diags)
	}
}

// TestComposeQuickFixesOverLSP checks the quick fixes: removing the
// obsolete version and merging two merge keys into one list.
func TestComposeQuickFixesOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- compose.yaml --
version: "3.8"
x-a: &a
  restart: always
x-b: &b
  init: true
services:
  web:
    image: nginx
    <<: *a
    <<: *b
`)
	c.Open("compose.yaml")
	diags := c.Diagnostics("compose.yaml")
	if len(diags) != 2 || diags[0].Code != "ObsoleteVersion" || diags[1].Code != "DuplicateMergeKey" {
		t.Fatalf("diagnostics = %v", diags)
	}
	actions := c.CodeActions("compose.yaml", diags[0].Span)
	var removed bool
	for _, a := range actions {
		for _, e := range a.Edits["compose.yaml"] {
			if e.NewText == "" && string(c.Content("compose.yaml")[e.Span.Start:e.Span.End]) == "version: \"3.8\"\n" {
				removed = true
			}
		}
	}
	if !removed {
		t.Errorf("no action removes the version line: %+v", actions)
	}
	actions = c.CodeActions("compose.yaml", diags[1].Span)
	var merged bool
	for _, a := range actions {
		for _, e := range a.Edits["compose.yaml"] {
			merged = merged || e.NewText == "[*a, *b]"
		}
	}
	if !merged {
		t.Errorf("no action merges into [*a, *b]: %+v", actions)
	}
}

// TestDotEnvDiagnosticsOverLSP checks the diagnostics of a .env file.
func TestDotEnvDiagnosticsOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- .env --\nA=1\n«dup»A=2\nB='open\n")
	c.Open(".env")
	diags := c.Diagnostics(".env")
	_, dup := c.WS.Marker("dup")
	if len(diags) != 2 || diags[0].Code != "DotEnvDuplicateKey" || diags[0].Span.Start != dup || diags[1].Code != "DotEnvSyntax" {
		t.Errorf("diagnostics = %v", diags)
	}
}
