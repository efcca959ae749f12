package navigation

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// makefileArchive is a workspace whose Makefile drives two compose files.
// Recipe lines start with a real tab.
const makefileArchive = `
-- Makefile --
include «inc»common.mk
«composeDef»COMPOSE := docker compose -f «fileUse»srcs/docker-compose.yml --env-file «envUse»srcs/.env
«svcDef»SVC = «svcInVar»web

«upDef»up: «dirsUse»dirs
	$(«composeUse»COMPOSE) up -d «webUse»web «dbUse»db
	$(COMPOSE) exec $(SVC) sh
	docker compose -f «otherUse»other/compose.yaml logs «cacheUse»cache

«dirsDef»dirs:
	mkdir -p data

.PHONY: «upInPhony»up «dirsInPhony»dirs
-- common.mk --
X = 1
-- srcs/docker-compose.yml --
services:
  «webDef»web:
    image: nginx
  «dbDef»db:
    image: mariadb
-- srcs/.env --
A=1
-- other/compose.yaml --
services:
  «cacheDef»cache:
    image: redis
`

// where returns a marker-like name for a Location: the marker at its
// start, or "file:PATH" for the start of a file.
func where(ws *testws.WS, markers []string, loc position.Location) string {
	for _, name := range markers {
		uri, offset := ws.Marker(name)
		if uri == loc.URI && offset == loc.Span.Start {
			return name
		}
	}
	if loc.Span == (position.Span{}) {
		return "file:" + strings.TrimPrefix(loc.URI.Path(), ws.Root+"/")
	}
	return fmt.Sprintf("%s%v", loc.URI.Base(), loc.Span)
}

var makefileMarkers = []string{"inc", "composeDef", "fileUse", "envUse", "svcDef", "svcInVar", "upDef",
	"dirsUse", "composeUse", "webUse", "dbUse", "otherUse", "cacheUse", "dirsDef", "upInPhony", "dirsInPhony",
	"webDef", "dbDef", "cacheDef"}

func TestMakefileDefinition(t *testing.T) {
	ws := testws.New(t, makefileArchive)
	tests := []struct {
		marker string
		want   string
	}{
		{"fileUse", "file:srcs/docker-compose.yml"},
		{"envUse", "file:srcs/.env"},
		{"otherUse", "file:other/compose.yaml"},
		{"webUse", "webDef"},
		{"dbUse", "dbDef"},
		{"svcInVar", "webDef"}, // exec $(SVC): the word lives in the assignment
		{"cacheUse", "cacheDef"},
		{"composeUse", "composeDef"},
		{"dirsUse", "dirsDef"},
		{"upInPhony", "upDef"},
		{"inc", "file:common.mk"},
	}
	for _, tc := range tests {
		t.Run(tc.marker, func(t *testing.T) {
			uri, offset := ws.Marker(tc.marker)
			locs, err := Definition(context.Background(), ws.Snapshot(), uri, offset)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, loc := range locs {
				got = append(got, where(ws, makefileMarkers, loc))
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("definition at «%s»: got %q, want %q", tc.marker, got, tc.want)
			}
		})
	}
}

func TestMakefileReferencesAndHighlight(t *testing.T) {
	ws := testws.New(t, makefileArchive)
	ctx := context.Background()
	uri, offset := ws.Marker("dirsDef")
	locs, err := References(ctx, ws.Snapshot(), uri, offset, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, loc := range locs {
		got = append(got, where(ws, makefileMarkers, loc))
	}
	sort.Strings(got)
	if want := "dirsDef dirsInPhony dirsUse"; strings.Join(got, " ") != want {
		t.Errorf("references of dirs: got %q, want %q", got, want)
	}

	uri, offset = ws.Marker("composeUse")
	highlights, err := Highlights(ctx, ws.Snapshot(), uri, offset)
	if err != nil {
		t.Fatal(err)
	}
	var writes, reads int
	for _, h := range highlights {
		if h.Kind == HighlightWrite {
			writes++
		} else {
			reads++
		}
	}
	if writes != 1 || reads != 2 {
		t.Errorf("highlights of COMPOSE: %d writes and %d reads, want 1 and 2", writes, reads)
	}
}

func TestMakefileRename(t *testing.T) {
	ws := testws.New(t, makefileArchive)
	ctx := context.Background()
	uri, offset := ws.Marker("composeUse")
	target, err := PrepareRename(ctx, ws.Snapshot(), uri, offset)
	if err != nil || target == nil || target.Placeholder != "COMPOSE" {
		t.Fatalf("PrepareRename = %+v, %v; want placeholder COMPOSE", target, err)
	}
	edits, err := Rename(ctx, ws.Snapshot(), uri, offset, "DC")
	if err != nil {
		t.Fatal(err)
	}
	out, err := position.ApplyEdits(ws.Content("Makefile"), edits[uri])
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "COMPOSE") || strings.Count(string(out), "DC") != 3 {
		t.Errorf("after rename:\n%s", out)
	}
	if _, err := Rename(ctx, ws.Snapshot(), uri, offset, "a b"); err == nil {
		t.Error("Rename to \"a b\" gave no error")
	}
}

func TestMakefileLinks(t *testing.T) {
	ws := testws.New(t, makefileArchive)
	links, err := Links(context.Background(), ws.Snapshot(), ws.URI("Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range links {
		uri, err := position.ParseURI(l.Target)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, where(ws, makefileMarkers, position.Location{URI: ws.URI("Makefile"), Span: l.Span})+"->"+strings.TrimPrefix(uri.Path(), ws.Root+"/"))
	}
	want := "fileUse->srcs/docker-compose.yml envUse->srcs/.env otherUse->other/compose.yaml inc->common.mk"
	if strings.Join(got, " ") != want {
		t.Errorf("links: got %q, want %q", got, want)
	}
}
