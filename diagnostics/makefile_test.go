package diagnostics

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// makefileDiagArchive has one of each Makefile problem. The line of
// «spaces» is indented with four spaces; the others use a tab.
const makefileDiagArchive = `
-- Makefile --
COMPOSE = docker compose -f «missing»srcs/nope.yml
DC = docker compose -f srcs/docker-compose.yml --env-file «noenv»srcs/.env.prod

up:
	$(COMPOSE) up
	$(DC) up -d «typo»wbe «ok»web
«spaces»    $(DC) logs «far»zzzzzz
	docker compose logs «anywhere»db
«syntax»oops
-- srcs/docker-compose.yml --
services:
  web:
    image: nginx
-- other/compose.yaml --
services:
  db:
    image: mariadb
`

func TestMakefileDiagnostics(t *testing.T) {
	ws := testws.New(t, makefileDiagArchive)
	uri := ws.URI("Makefile")
	diags := File(context.Background(), ws.Snapshot(), uri)
	content := ws.Content("Makefile")

	want := []struct {
		marker, code, word, message string
		fix                         string // the fixed text of the Span, "" for no fix
	}{
		{"missing", "ComposeFileNotFound", "srcs/nope.yml", "compose file `srcs/nope.yml` not found: no file at " + ws.Path("srcs/nope.yml"), ""},
		{"noenv", "EnvFileNotFound", "srcs/.env.prod", "env file `srcs/.env.prod` not found: no file at " + ws.Path("srcs/.env.prod"), ""},
		{"typo", "UnknownService", "wbe", "`wbe` is not a service of `srcs/docker-compose.yml`; did you mean `web`?", "web"},
		{"spaces", "RecipeSpaceIndent", "    ", recipeSpaceIndentMessage(), "\t"},
		{"far", "UnknownService", "zzzzzz", "`zzzzzz` is not a service of `srcs/docker-compose.yml`", ""},
		{"syntax", "MakefileSyntax", "oops", "missing separator: expected a rule \"target: prerequisites\" or an assignment \"NAME = value\"", ""},
	}
	if len(diags) != len(want) {
		var got []string
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%s %v %s", d.Code, d.Span, d.Message))
		}
		t.Fatalf("got %d diagnostics, want %d:\n%s", len(diags), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		d := diags[i]
		_, offset := ws.Marker(w.marker)
		if d.Code != w.code || d.Span.Start != offset {
			t.Errorf("diagnostic %d = %s at %d, want %s at «%s» (%d)", i, d.Code, d.Span.Start, w.code, w.marker, offset)
			continue
		}
		if got := string(content[d.Span.Start:d.Span.End]); got != w.word {
			t.Errorf("%s Span holds %q, want %q", d.Code, got, w.word)
		}
		if d.Message != w.message {
			t.Errorf("%s message:\n got %q\nwant %q", d.Code, d.Message, w.message)
		}
		checkFix(t, d, uri, w.fix)
	}
}

// checkFix checks that d has one fix that writes want over its Span, or
// none when want is "".
func checkFix(t *testing.T, d *Diagnostic, uri position.URI, want string) {
	t.Helper()
	if want == "" {
		if len(d.Fixes) != 0 {
			t.Errorf("%s has %d fixes, want none", d.Code, len(d.Fixes))
		}
		return
	}
	if len(d.Fixes) != 1 || len(d.Fixes[0].Edits[uri]) != 1 {
		t.Errorf("%s fixes = %+v, want one edit", d.Code, d.Fixes)
		return
	}
	edit := d.Fixes[0].Edits[uri][0]
	if edit.Span != d.Span || edit.NewText != want {
		t.Errorf("%s fix = %q at %v, want %q at %v", d.Code, edit.NewText, edit.Span, want, d.Span)
	}
}

func TestMakefileDiagnosticsCRLFAndUnicode(t *testing.T) {
	archive := "-- Makefile --\nnamé := é\nup:\n\t@docker compose -f «bad»ñ.yml up\n    echo «sp»x\n"
	ws := testws.New(t, archive, testws.WithCRLF("Makefile"))
	diags := File(context.Background(), ws.Snapshot(), ws.URI("Makefile"))
	content := ws.Content("Makefile")
	if len(diags) != 2 {
		t.Fatalf("got %d diagnostics, want 2: %+v", len(diags), diags)
	}
	_, bad := ws.Marker("bad")
	if d := diags[0]; d.Code != "ComposeFileNotFound" || string(content[d.Span.Start:d.Span.End]) != "ñ.yml" || d.Span.Start != bad {
		t.Errorf("first diagnostic = %s %v, want ComposeFileNotFound on ñ.yml at %d", d.Code, d.Span, bad)
	}
	_, sp := ws.Marker("sp")
	if d := diags[1]; d.Code != "RecipeSpaceIndent" || d.Span.End != sp-len("echo ") {
		t.Errorf("second diagnostic = %s %v, want RecipeSpaceIndent ending at %d", d.Code, d.Span, sp-len("echo "))
	}
}

func TestMakefileDiagnosticsSampleWorkspace(t *testing.T) {
	// The sample workspace of the lspdrive client: its Makefile is clean.
	root := "/work/shared/lspdrive/ws/"
	var archive strings.Builder
	for _, rel := range []string{"Makefile", "srcs/docker-compose.yml", "srcs/.env"} {
		content, err := os.ReadFile(root + rel)
		if err != nil {
			t.Skipf("sample workspace not available: %v", err)
		}
		fmt.Fprintf(&archive, "-- %s --\n%s", rel, content)
	}
	ws := testws.New(t, archive.String())
	if diags := File(context.Background(), ws.Snapshot(), ws.URI("Makefile")); len(diags) != 0 {
		t.Errorf("got %d diagnostics on the sample Makefile, want none: %+v", len(diags), diags[0])
	}
	calls := ws.Snapshot().File(ws.URI("Makefile")).Makefile().ComposeCalls
	if len(calls) != 4 {
		t.Fatalf("got %d compose calls, want 4", len(calls))
	}
	for _, c := range calls {
		files := ws.Snapshot().CallComposeFiles(ws.URI("Makefile"), c)
		if len(files) != 1 || files[0].URI != ws.URI("srcs/docker-compose.yml") {
			t.Errorf("call %s reads %d files, want srcs/docker-compose.yml", c.Subcommand.Text, len(files))
		}
	}
}
