package navigation_test

import (
	"reflect"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// makefileLSPArchive is a project whose Makefile names its compose file
// through a variable. Recipe lines start with a tab.
const makefileLSPArchive = `
-- Makefile --
«composeDef»COMPOSE := docker compose -f «file»srcs/docker-compose.yml --env-file «env»srcs/.env

«upDef»up: «dirsUse»dirs
	$(«composeUse»COMPOSE) up -d «web»web
	$(COMPOSE) exec «db»mariadb sh

«dirsDef»dirs:
	mkdir -p data
-- srcs/docker-compose.yml --
services:
  «webDef»web:
    image: nginx
  «dbDef»mariadb:
    image: mariadb:11
-- srcs/.env --
A=1
`

func TestMakefileDefinitionOverLSP(t *testing.T) {
	c := lsptest.New(t, makefileLSPArchive)
	at := func(marker, word string) lsptest.Loc {
		rel := c.WS.MarkerFile(marker)
		_, offset := c.WS.Marker(marker)
		return lsptest.Loc{Path: rel, Span: position.Span{Start: offset, End: offset + len(word)}}
	}
	tests := []struct {
		marker string
		want   []lsptest.Loc
	}{
		{"web", []lsptest.Loc{at("webDef", "web")}},
		{"db", []lsptest.Loc{at("dbDef", "mariadb")}},
		{"file", []lsptest.Loc{{Path: "srcs/docker-compose.yml"}}},
		{"env", []lsptest.Loc{{Path: "srcs/.env"}}},
		{"composeUse", []lsptest.Loc{at("composeDef", "COMPOSE")}},
		{"dirsUse", []lsptest.Loc{at("dirsDef", "dirs")}},
	}
	for _, tc := range tests {
		if got := c.Definition(tc.marker); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("definition at «%s» = %v, want %v", tc.marker, got, tc.want)
		}
	}
}

func TestMakefileLinksOverLSP(t *testing.T) {
	c := lsptest.New(t, makefileLSPArchive)
	links := c.Links("Makefile")
	if len(links) != 2 {
		t.Fatalf("got %d links, want 2: %v", len(links), links)
	}
	_, file := c.WS.Marker("file")
	if links[0].Span != (position.Span{Start: file, End: file + len("srcs/docker-compose.yml")}) {
		t.Errorf("first link Span = %v, want the -f value at %d", links[0].Span, file)
	}
	if want := "srcs/.env"; links[1].Target != want {
		t.Errorf("second link target = %q, want %q", links[1].Target, want)
	}
}

func TestMakefileReferencesOverLSP(t *testing.T) {
	c := lsptest.New(t, makefileLSPArchive)
	got := c.References("dirsDef", true)
	_, def := c.WS.Marker("dirsDef")
	_, use := c.WS.Marker("dirsUse")
	want := []lsptest.Loc{
		{Path: "Makefile", Span: position.Span{Start: def, End: def + 4}},
		{Path: "Makefile", Span: position.Span{Start: use, End: use + 4}},
	}
	if !reflect.DeepEqual(got, want) && !reflect.DeepEqual(got, []lsptest.Loc{want[1], want[0]}) {
		t.Errorf("references of dirs = %v, want %v", got, want)
	}
}
