package completion

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// makefileCompletionArchive has a cursor marker at each place a
// completion is asked. Recipe lines start with a tab.
const makefileCompletionArchive = `
-- Makefile --
COMPOSE := docker compose -f srcs/docker-compose.yml
OTHER = 1

up: «prereq»
	$(COMPOSE) «sub»
	$(COMPOSE) ex«subPartial»
	$(COMPOSE) exec «exec»
	$(COMPOSE) exec web «afterService»
	$(COMPOSE) logs -f web «logs»
	$(COMPOSE) logs --tail «tailValue»
	docker compose -f «fileValue»
	@docker-compose up -d c«servicePartial»
	echo $(CO«var»)
	echo ${«varBrace»}
	echo $$(«shellSubst»
	echo «plain»

down: u«prereqPartial»
	true
-- srcs/docker-compose.yml --
services:
  web:
    image: nginx
  worker:
    image: busybox
-- docker-compose.yml --
services:
  cache:
    image: redis
`

func TestMakefileCompletion(t *testing.T) {
	ws := testws.New(t, makefileCompletionArchive)
	tests := []struct {
		marker string
		want   string // labels, space-separated; "" for no list
		edit   string // the text the edits replace
	}{
		{"prereq", "down", ""},
		{"sub", "attach build config cp create down events exec images kill logs ls pause port ps pull push restart rm run start stats stop top unpause up version wait watch", ""},
		{"subPartial", "exec", "ex"},
		{"exec", "web worker", ""},
		{"afterService", "", ""},
		{"logs", "web worker", ""},
		{"tailValue", "", ""},
		{"fileValue", "", ""},
		{"servicePartial", "cache", "c"}, // the default compose file of the folder
		{"var", "COMPOSE", "CO"},
		{"varBrace", "COMPOSE OTHER", ""},
		{"shellSubst", "", ""},
		{"plain", "", ""},
		{"prereqPartial", "up", "u"},
	}
	content := ws.Content("Makefile")
	for _, tc := range tests {
		t.Run(tc.marker, func(t *testing.T) {
			uri, offset := ws.Marker(tc.marker)
			list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			if list != nil {
				for _, item := range list.Items {
					labels = append(labels, item.Label)
					if item.Edit == nil || item.Edit.Span.End != offset {
						t.Errorf("item %q: edit %+v does not end at the cursor %d", item.Label, item.Edit, offset)
						continue
					}
					if got := string(content[item.Edit.Span.Start:item.Edit.Span.End]); got != tc.edit {
						t.Errorf("item %q replaces %q, want %q", item.Label, got, tc.edit)
					}
				}
			}
			if got := strings.Join(labels, " "); got != tc.want {
				t.Errorf("completion at «%s»:\n got %q\nwant %q", tc.marker, got, tc.want)
			}
		})
	}
}
