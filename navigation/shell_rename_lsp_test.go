package navigation_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/stackls/stackls/internal/lsptest"
)

// scriptRenameArchive uses the service mariadb by its key in a Makefile,
// compose and a script, and by its container_name in the script.
const scriptRenameArchive = `
-- Makefile --
logs:
	docker compose logs «mk»mariadb
-- compose.yaml --
services:
  «key»mariadb:
    image: mariadb:11
    container_name: db-main
  app:
    build: .
    depends_on: [«dep»mariadb]
-- Dockerfile --
FROM alpine:3.20
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- run.sh --
#!/bin/sh
«def»DB_PORT=3306
until nc -z «host»mariadb "$«port»DB_PORT"; do sleep 1; done
mysql -h «cn»db-main -P "${«port2»DB_PORT}" -e 'select 1'
exec "$@"
`

func TestScriptHostRenameOverLSP(t *testing.T) {
	c := lsptest.New(t, scriptRenameArchive)
	c.Open("run.sh")
	edits := c.Rename("host", "db")
	var got []string
	for path, list := range edits {
		for _, e := range list {
			got = append(got, fmt.Sprintf("%s:%s->%s", path, c.Content(path)[e.Span.Start:e.Span.End], e.NewText))
		}
	}
	sort.Strings(got)
	want := []string{"Makefile:mariadb->db", "compose.yaml:mariadb->db", "compose.yaml:mariadb->db", "run.sh:mariadb->db"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("rename from the script\ngot  %v\nwant %v", got, want)
	}
	if target := c.PrepareRename("cn"); target != nil {
		t.Errorf("prepareRename on a container_name = %+v, want nil", target)
	}
}

func TestScriptVarHighlightOverLSP(t *testing.T) {
	c := lsptest.New(t, scriptRenameArchive)
	c.Open("run.sh")
	var result []protocol.DocumentHighlight
	if err := c.Call("textDocument/documentHighlight", c.At("port"), &result); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range result {
		got = append(got, fmt.Sprintf("%d:%d %v", h.Range.Start.Line, h.Range.Start.Character, h.Kind))
	}
	var want []string
	for _, m := range []struct {
		marker string
		kind   protocol.DocumentHighlightKind
	}{{"def", protocol.DocumentHighlightKindWrite}, {"port", protocol.DocumentHighlightKindRead}, {"port2", protocol.DocumentHighlightKindRead}} {
		pos := c.At(m.marker)["position"].(map[string]any)
		want = append(want, fmt.Sprintf("%v:%v %v", pos["line"], pos["character"], m.kind))
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("highlights of $DB_PORT = %v, want %v", got, want)
	}
}
