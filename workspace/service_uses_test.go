package workspace_test

import (
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

func TestServiceUses(t *testing.T) {
	ws := testws.New(t, `
-- Makefile --
COMPOSE = docker compose -f srcs/compose.yaml
SVC = «var»db
logs:
	$(COMPOSE) logs -f «logs»db web
shell:
	$(COMPOSE) exec «exec»db sh -c 'echo db'
restart:
	$(COMPOSE) restart $(SVC)
other:
	docker compose -f other/compose.yaml logs db
-- srcs/compose.yaml --
services:
  db:
    image: mariadb:11
  web:
    image: nginx:1.27
  dbadmin:
    image: adminer:4
-- other/compose.yaml --
services:
  cache:
    image: redis:7
`)
	got := workspace.ServiceUses(ws.Snapshot(), "db")
	var want []position.Location
	for _, marker := range []string{"var", "logs", "exec"} {
		uri, offset := ws.Marker(marker)
		want = append(want, position.Location{URI: uri, Span: position.Span{Start: offset, End: offset + len("db")}})
	}
	if len(got) != len(want) {
		t.Fatalf("ServiceUses(db) = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("use %d = %v, want %v", i, got[i], want[i])
		}
	}
	if got := workspace.ServiceUses(ws.Snapshot(), "cache"); len(got) != 0 {
		t.Errorf("ServiceUses(cache) = %v, want none: no call names it", got)
	}
}
