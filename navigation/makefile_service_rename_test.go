package navigation

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// TestMakefileServiceArgumentRename renames a service from its argument in
// a Makefile recipe and expects the same edits as a rename from the compose
// key: the key, the Makefile arguments and the host uses in scripts.
func TestMakefileServiceArgumentRename(t *testing.T) {
	ws := testws.New(t, `
-- Makefile --
COMPOSE := docker compose -f srcs/docker-compose.yml

logs:
	$(COMPOSE) logs -f «arg»nginx wordpress

restart:
	$(COMPOSE) restart nginx
-- srcs/docker-compose.yml --
services:
  nginx:
    image: nginx:1.27
    depends_on: [wordpress]
  wordpress:
    image: wordpress:6-fpm
    environment:
      PROXY: http://nginx/
`)
	snap := ws.Open("Makefile", "make")
	uri, offset := ws.Marker("arg")
	target, err := PrepareRename(context.Background(), snap, uri, offset+1)
	if err != nil || target == nil || target.Placeholder != "nginx" {
		t.Fatalf("prepareRename on the service argument = %+v, %v; want the word nginx", target, err)
	}
	edits, err := Rename(context.Background(), snap, uri, offset+1, "web")
	if err != nil {
		t.Fatalf("rename: %v", err)
	}
	got := applied(t, ws, edits)
	want := map[string][]string{
		"Makefile":                {"logs -f web wordpress", "restart web"},
		"srcs/docker-compose.yml": {"  web:\n    image: nginx:1.27", "PROXY: http://web/"},
	}
	for rel, texts := range want {
		for _, text := range texts {
			if !strings.Contains(got[rel], text) {
				t.Errorf("after the rename %s does not contain %q:\n%s", rel, text, got[rel])
			}
		}
	}
}
