package navigation

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// hostArchive uses services as hosts in scripts, config files, .env
// values and compose environment values. «dN» marks a service key, «uN» a
// host use.
const hostArchive = `
-- compose.yaml --
services:
  «d1»mariadb:
    image: mariadb:11
    container_name: db-main
  «d2»wordpress:
    build: wordpress
    env_file: .env
    environment:
      WORDPRESS_DB_HOST: «u1»mariadb:3306
    depends_on: [«r1»mariadb]
  «d3»nginx:
    build: nginx
    depends_on:
      «r2»wordpress:
        condition: service_started
-- .env --
WORDPRESS_DB_HOST=«u2»mariadb:3306
-- wordpress/Dockerfile --
FROM debian:bookworm-slim
COPY tools/entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
CMD ["php-fpm8.2", "-F"]
-- wordpress/tools/entrypoint.sh --
#!/bin/sh
until nc -z «u3»mariadb 3306; do sleep 1; done
mysqladmin ping -h «u4»mariadb
echo "é😀"; nc -z «u5»db-main 3306
exec "$@"
-- nginx/Dockerfile --
FROM nginx:1.27
COPY default.conf /etc/nginx/conf.d/default.conf
-- nginx/default.conf --
location ~ \.php$ {
    fastcgi_pass «u6»wordpress:9000;
}
`

// loc returns the Location of a marker with a word's length.
func loc(ws *testws.WS, marker, word string) position.Location {
	uri, offset := ws.Marker(marker)
	return position.Location{URI: uri, Span: position.Span{Start: offset, End: offset + len(word)}}
}

// describe renders Locations as "path:text@offset", sorted.
func describe(ws *testws.WS, snap *workspace.Snapshot, locs []position.Location) string {
	out := make([]string, len(locs))
	for i, l := range locs {
		f := snap.File(l.URI)
		text := "?"
		if f != nil && l.Span.End <= len(f.Content) {
			text = string(f.Content[l.Span.Start:l.Span.End])
		}
		out[i] = fmt.Sprintf("%s:%s@%d", strings.TrimPrefix(l.URI.Path(), ws.Root+"/"), text, l.Span.Start)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// NOTE: a compose environment value («u1») is a host use of the index,
// but definitions from compose files belong to the compose provider.

func TestHostDefinition(t *testing.T) {
	ws := testws.New(t, hostArchive)
	snap := ws.Snapshot()
	tests := []struct {
		use, word, def, service string
	}{
		{"u2", "mariadb", "d1", "mariadb"},
		{"u3", "mariadb", "d1", "mariadb"},
		{"u4", "mariadb", "d1", "mariadb"},
		{"u5", "db-main", "d1", "mariadb"},
		{"u6", "wordpress", "d2", "wordpress"},
	}
	for _, tt := range tests {
		t.Run(tt.use, func(t *testing.T) {
			uri, offset := ws.Marker(tt.use)
			for _, at := range []int{offset, offset + len(tt.word)} {
				got, err := Definition(context.Background(), snap, uri, at)
				if err != nil {
					t.Fatal(err)
				}
				want := []position.Location{loc(ws, tt.def, tt.service)}
				if describe(ws, snap, got) != describe(ws, snap, want) {
					t.Errorf("%s: definition at «%s»+%d = %s, want %s", ws.MarkerFile(tt.use), tt.use, at-offset, describe(ws, snap, got), describe(ws, snap, want))
				}
			}
		})
	}

	uri, offset := ws.Marker("u3")
	if got, err := Definition(context.Background(), snap, uri, offset-2); err != nil || got != nil {
		t.Errorf("definition before the host = %v, %v; want nil", got, err)
	}
}

func TestHostReferences(t *testing.T) {
	ws := testws.New(t, hostArchive)
	snap := ws.Snapshot()
	mariadb := []position.Location{
		loc(ws, "d1", "mariadb"), loc(ws, "r1", "mariadb"), loc(ws, "u1", "mariadb"), loc(ws, "u2", "mariadb"),
		loc(ws, "u3", "mariadb"), loc(ws, "u4", "mariadb"), loc(ws, "u5", "db-main"),
	}
	wordpress := []position.Location{loc(ws, "d2", "wordpress"), loc(ws, "r2", "wordpress"), loc(ws, "u6", "wordpress")}
	tests := []struct {
		from string
		want []position.Location
	}{
		{"u2", mariadb}, {"u3", mariadb}, {"u4", mariadb}, {"u5", mariadb}, {"u6", wordpress},
	}
	for _, tt := range tests {
		t.Run(tt.from, func(t *testing.T) {
			uri, offset := ws.Marker(tt.from)
			got, err := References(context.Background(), snap, uri, offset, true)
			if err != nil {
				t.Fatal(err)
			}
			if describe(ws, snap, got) != describe(ws, snap, tt.want) {
				t.Errorf("references from «%s»:\ngot  %s\nwant %s", tt.from, describe(ws, snap, got), describe(ws, snap, tt.want))
			}
			without, err := References(context.Background(), snap, uri, offset, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(without) != len(tt.want)-1 {
				t.Errorf("references without declaration: %d, want %d", len(without), len(tt.want)-1)
			}
		})
	}
}

func TestHostHighlightAndRename(t *testing.T) {
	ws := testws.New(t, hostArchive)
	snap := ws.Snapshot()
	uri, offset := ws.Marker("u3")

	highlights, err := Highlights(context.Background(), snap, uri, offset)
	if err != nil {
		t.Fatal(err)
	}
	var spans []position.Span
	for _, h := range highlights {
		spans = append(spans, h.Span)
	}
	want := []position.Span{loc(ws, "u3", "mariadb").Span, loc(ws, "u4", "mariadb").Span, loc(ws, "u5", "db-main").Span}
	if fmt.Sprint(spans) != fmt.Sprint(want) {
		t.Errorf("highlights = %v, want %v", spans, want)
	}

	target, err := PrepareRename(context.Background(), snap, uri, offset)
	if err != nil || target == nil || target.Placeholder != "mariadb" {
		t.Fatalf("PrepareRename = %+v, %v", target, err)
	}
	if target, _ := PrepareRename(context.Background(), snap, ws.URI("wordpress/tools/entrypoint.sh"), loc(ws, "u5", "").Span.Start); target != nil {
		t.Errorf("PrepareRename on a container name = %+v, want nil", target)
	}
	edits, err := Rename(context.Background(), snap, uri, offset, "db")
	if err != nil {
		t.Fatal(err)
	}
	var renamed []position.Location
	for u, list := range edits {
		for _, e := range list {
			if e.NewText != "db" {
				t.Errorf("edit text %q", e.NewText)
			}
			renamed = append(renamed, position.Location{URI: u, Span: e.Span})
		}
	}
	wantRenamed := []position.Location{loc(ws, "d1", "mariadb"), loc(ws, "r1", "mariadb"), loc(ws, "u1", "mariadb"), loc(ws, "u2", "mariadb"), loc(ws, "u3", "mariadb"), loc(ws, "u4", "mariadb")}
	if describe(ws, snap, renamed) != describe(ws, snap, wantRenamed) {
		t.Errorf("rename edits:\ngot  %s\nwant %s", describe(ws, snap, renamed), describe(ws, snap, wantRenamed))
	}
	if _, err := Rename(context.Background(), snap, uri, offset, "bad name"); err == nil {
		t.Error("rename to \"bad name\" gave no error")
	}
}

func TestHostDefinitionLineEnds(t *testing.T) {
	archive := `
-- compose.yaml --
services:
  «def»mariadb:
    image: mariadb:11
-- Dockerfile --
FROM alpine:3.20
COPY run /run
COPY my.cnf /etc/my.cnf
ENTRYPOINT ["/run"]
-- run --
#!/bin/sh
echo 'é😀'	; nc -z «sh»mariadb 3306
-- my.cnf --
<BOM>[client]
host	= «cnf»mariadb
`
	archive = strings.Replace(archive, "<BOM>", "\ufeff", 1)
	for _, crlf := range []bool{false, true} {
		var opts []testws.Option
		if crlf {
			opts = append(opts, testws.WithCRLF("compose.yaml", "run", "my.cnf"))
		}
		ws := testws.New(t, archive, opts...)
		snap := ws.Snapshot()
		for _, marker := range []string{"sh", "cnf"} {
			uri, offset := ws.Marker(marker)
			got, err := Definition(context.Background(), snap, uri, offset)
			if err != nil {
				t.Fatal(err)
			}
			want := []position.Location{loc(ws, "def", "mariadb")}
			if describe(ws, snap, got) != describe(ws, snap, want) {
				t.Errorf("crlf=%v: definition at «%s» = %s, want %s", crlf, marker, describe(ws, snap, got), describe(ws, snap, want))
			}
		}
	}
}
