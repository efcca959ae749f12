package hover

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

const makefileArchive = `
-- Makefile --
DIR = srcs
«composeDef»COMPOSE := docker compose -f «file»$(DIR)/docker-compose.yml
SVC = w«svcInVar»eb

«upDef»up: «dirsUse»dirs
	$(«composeUse»COMPOSE) «sub»up -d «web»web
	$(COMPOSE) exec $(SVC) sh
	$(COMPOSE) logs «ghost»ghost
	echo $(«home»HOME)

dirs:
	mkdir -p data
«nothing»
-- srcs/docker-compose.yml --
services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
`

func TestMakefileHover(t *testing.T) {
	ws := testws.New(t, makefileArchive)
	tests := []struct {
		marker   string
		word     string   // the text of the Span the hover describes
		contains []string // each must be in the Markdown
	}{
		{"web", "web", []string{"**service `web`**", "`srcs/docker-compose.yml:2`", "image: `nginx:1.27`", "`8080:80`"}},
		{"svcInVar", "web", []string{"**service `web`**"}},
		{"ghost", "ghost", []string{"No compose file of this project defines it."}},
		{"sub", "up", []string{"**docker compose up**", "Compose files: `srcs/docker-compose.yml`"}},
		{"file", "$(DIR)/docker-compose.yml", []string{"`srcs/docker-compose.yml`", "Services: `web`"}},
		{"composeUse", "COMPOSE", []string{"COMPOSE := docker compose -f $(DIR)/docker-compose.yml", "Expands to `docker compose -f srcs/docker-compose.yml`"}},
		{"home", "HOME", []string{"not set in this Makefile"}},
		{"dirsUse", "dirs", []string{"dirs:\n\tmkdir -p data"}},
		{"upDef", "up", []string{"up: dirs", "Compose services: `web` (up), `web` (exec), `ghost` (logs)"}},
	}
	for _, tc := range tests {
		t.Run(tc.marker, func(t *testing.T) {
			uri, offset := ws.Marker(tc.marker)
			got, err := Hover(context.Background(), ws.Snapshot(), uri, offset)
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatalf("no hover at «%s»", tc.marker)
			}
			if word := string(ws.Content("Makefile")[got.Span.Start:got.Span.End]); word != tc.word {
				t.Errorf("hover Span holds %q, want %q", word, tc.word)
			}
			for _, want := range tc.contains {
				if !strings.Contains(got.Markdown, want) {
					t.Errorf("hover at «%s» lacks %q; got:\n%s", tc.marker, want, got.Markdown)
				}
			}
		})
	}
}

func TestMakefileHoverNothing(t *testing.T) {
	ws := testws.New(t, makefileArchive)
	uri, blank := ws.Marker("nothing")
	for _, offset := range []int{-1, blank, len(ws.Content("Makefile")) + 5} {
		got, err := Hover(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil || got != nil {
			t.Errorf("Hover at %d = %+v, %v; want nil", offset, got, err)
		}
	}
}
