package symbols

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

const makefileSymbolsArchive = `
-- Makefile --
«compose»COMPOSE := docker compose
define «helpBody»HELP
usage: make up
endef

«up»up: dirs
	$(COMPOSE) up -d
	$(COMPOSE) ps
«dirs»dirs: ; mkdir -p data
.PHONY: up dirs
«api»api: export «apiVar»SVC = api
`

func TestMakefileSymbols(t *testing.T) {
	ws := testws.New(t, makefileSymbolsArchive)
	syms, err := Document(context.Background(), ws.Snapshot(), ws.URI("Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("Makefile")
	var got []string
	for _, s := range syms {
		if s.SelectionSpan.Start < s.Span.Start || s.SelectionSpan.End > s.Span.End {
			t.Errorf("symbol %s: SelectionSpan %v outside Span %v", s.Name, s.SelectionSpan, s.Span)
		}
		got = append(got, fmt.Sprintf("%s/%d/%q@%s", s.Name, s.Kind, s.Detail, content[s.SelectionSpan.Start:s.SelectionSpan.End]))
	}
	want := []string{
		`COMPOSE/13/":= docker compose"@COMPOSE`,
		`HELP/13/"= usage: make up"@HELP`,
		`up/12/"dirs"@up`,
		`dirs/12/""@dirs`,
		`SVC/13/"target-specific = api"@SVC`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("symbols:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	_, up := ws.Marker("up")
	if syms[2].Span.Start != up || !strings.HasSuffix(string(content[syms[2].Span.Start:syms[2].Span.End]), "$(COMPOSE) ps") {
		t.Errorf("rule symbol Span %v does not run from the target to its last recipe line", syms[2].Span)
	}
}

func TestMakefileFolding(t *testing.T) {
	ws := testws.New(t, makefileSymbolsArchive)
	ranges, err := Folding(context.Background(), ws.Snapshot(), ws.URI("Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("Makefile")
	var got []string
	for _, r := range ranges {
		got = append(got, string(content[r.Span.Start:r.Span.End]))
	}
	want := []string{"up: dirs\n\t$(COMPOSE) up -d\n\t$(COMPOSE) ps", "define HELP\nusage: make up\nendef"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("folding:\n got %q\nwant %q", got, want)
	}
}
