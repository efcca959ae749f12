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

// hostRenameArchive names the service mariadb by its key in a script, a
// Makefile and compose, and in the script by its container_name, hostname
// and network alias too.
const hostRenameArchive = `
-- Makefile --
COMPOSE = docker compose -f compose.yaml
logs:
	$(COMPOSE) logs «mk»mariadb
shell:
	$(COMPOSE) exec «mk2»mariadb sh
-- compose.yaml --
services:
  «key»mariadb:
    image: mariadb:11
    container_name: db-main
    hostname: database
    networks:
      back:
        aliases: [sql]
  app:
    build: .
    depends_on: [«dep»mariadb]
networks:
  back: {}
-- Dockerfile --
FROM alpine:3.20
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- run.sh --
#!/bin/sh
until nc -z «u1»mariadb 3306; do sleep 1; done
mysql -h «cn»db-main -e 'select 1'
mysql -h «hn»database -e 'select 1'
mysql -h «al»sql -e 'select 1'
exec "$@"
`

func TestHostRenameFromScript(t *testing.T) {
	ws := testws.New(t, hostRenameArchive)
	snap := ws.Snapshot()
	uri, offset := ws.Marker("u1")
	edits, err := Rename(context.Background(), snap, uri, offset, "db")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for u, list := range edits {
		for _, e := range list {
			if e.NewText != "db" {
				t.Errorf("edit text %q, want db", e.NewText)
			}
			got = append(got, fmt.Sprintf("%s@%d:%s", u.Base(), e.Span.Start, ws.Content(u.Base())[e.Span.Start:e.Span.End]))
		}
	}
	sort.Strings(got)
	var want []string
	for _, m := range []string{"mk", "mk2", "key", "dep", "u1"} {
		u, at := ws.Marker(m)
		want = append(want, fmt.Sprintf("%s@%d:mariadb", u.Base(), at))
	}
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("rename edits\ngot  %s\nwant %s", strings.Join(got, " "), strings.Join(want, " "))
	}

	for _, m := range []string{"cn", "hn", "al"} {
		uri, offset := ws.Marker(m)
		if target, err := PrepareRename(context.Background(), snap, uri, offset); target != nil || err != nil {
			t.Errorf("PrepareRename at «%s» = %+v, %v; want nil for a name that is not a service key", m, target, err)
		}
	}
}

func TestScriptVarHighlights(t *testing.T) {
	ws := testws.New(t, `
-- run.sh --
#!/bin/sh
«d1»PORT=3306
: "${«d2»PORT:=3307}"
echo "é😀	$«u1»PORT" ${«u2»PORT:-1} $PORTS
«f1»wait_db() { nc -z db "$«u3»PORT"; }
«c1»wait_db
`)
	snap := ws.Snapshot()
	uri, offset := ws.Marker("u1")
	got, err := Highlights(context.Background(), snap, uri, offset)
	if err != nil {
		t.Fatal(err)
	}
	var want []Highlight
	for _, m := range []struct {
		marker string
		kind   HighlightKind
	}{{"d1", HighlightWrite}, {"d2", HighlightWrite}, {"u1", HighlightRead}, {"u2", HighlightRead}, {"u3", HighlightRead}} {
		_, at := ws.Marker(m.marker)
		want = append(want, Highlight{Span: position.Span{Start: at, End: at + len("PORT")}, Kind: m.kind})
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("highlights of $PORT\ngot  %v\nwant %v", got, want)
	}

	uri, offset = ws.Marker("c1")
	got, err = Highlights(context.Background(), snap, uri, offset)
	if err != nil {
		t.Fatal(err)
	}
	_, def := ws.Marker("f1")
	_, call := ws.Marker("c1")
	if len(got) != 2 || got[0].Span.Start != def || got[0].Kind != HighlightWrite || got[1].Span.Start != call || got[1].Kind != HighlightRead {
		t.Errorf("highlights of wait_db = %v, want the definition (write) at %d and the call (read) at %d", got, def, call)
	}
}
