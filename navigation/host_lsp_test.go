package navigation_test

import (
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// hostLSPArchive uses two services as hosts in a script, an nginx config
// file and a .env value. «db» and «wp» mark the service keys.
const hostLSPArchive = `
-- compose.yaml --
services:
  «db»mariadb:
    image: mariadb:11
  «wp»wordpress:
    build: wordpress
    env_file: .env
    depends_on: [«dep»mariadb]
-- .env --
WORDPRESS_DB_HOST=«env»mariadb:3306
-- wordpress/Dockerfile --
FROM debian:bookworm-slim
COPY entrypoint.sh /entrypoint.sh
COPY site.conf /etc/nginx/conf.d/site.conf
ENTRYPOINT ["/entrypoint.sh"]
CMD ["php-fpm8.2", "-F"]
-- wordpress/entrypoint.sh --
#!/bin/sh
until nc -z «nc»mariadb 3306; do sleep 1; done
mysqladmin ping -h «h»mariadb
curl -fsS "http://«url»wordpress:9000/ping"
echo "é😀"; nc -z «utf»mariadb 3306; curl http://«cache»cache:6379/
exec "$@"
-- wordpress/site.conf --
upstream php { server «up»wordpress:9000; }
server { location / { fastcgi_pass «fcgi»wordpress:9000; } }
`

// markerLoc returns the Loc of a marker in the archive with a word's length.
func markerLoc(c *lsptest.Client, marker, word string) lsptest.Loc {
	_, offset := c.WS.Marker(marker)
	return lsptest.Loc{Path: c.WS.MarkerFile(marker), Span: position.Span{Start: offset, End: offset + len(word)}}
}

func sortLocs(locs []lsptest.Loc) []lsptest.Loc {
	sort.Slice(locs, func(i, j int) bool {
		if locs[i].Path != locs[j].Path {
			return locs[i].Path < locs[j].Path
		}
		return locs[i].Span.Start < locs[j].Span.Start
	})
	return locs
}

func TestHostDefinitionOverLSP(t *testing.T) {
	for _, encoding := range []string{"utf-16", "utf-8"} {
		t.Run(encoding, func(t *testing.T) {
			c := lsptest.New(t, hostLSPArchive, lsptest.WithEncodings(encoding))
			tests := []struct{ use, def, service string }{
				{"nc", "db", "mariadb"},
				{"h", "db", "mariadb"},
				{"utf", "db", "mariadb"},
				{"env", "db", "mariadb"},
				{"url", "wp", "wordpress"},
				{"up", "wp", "wordpress"},
				{"fcgi", "wp", "wordpress"},
			}
			for _, tt := range tests {
				want := []lsptest.Loc{markerLoc(c, tt.def, tt.service)}
				if got := c.Definition(tt.use); !reflect.DeepEqual(got, want) {
					t.Errorf("definition at «%s» in %s = %v, want %v", tt.use, c.WS.MarkerFile(tt.use), got, want)
				}
			}
			if got := c.Definition("cache"); got != nil {
				t.Errorf("definition of an undefined service = %v, want none", got)
			}
		})
	}
}

func TestHostReferencesOverLSP(t *testing.T) {
	c := lsptest.New(t, hostLSPArchive)
	want := sortLocs([]lsptest.Loc{
		markerLoc(c, "db", "mariadb"), markerLoc(c, "dep", "mariadb"), markerLoc(c, "env", "mariadb"),
		markerLoc(c, "nc", "mariadb"), markerLoc(c, "h", "mariadb"), markerLoc(c, "utf", "mariadb"),
	})
	for _, from := range []string{"nc", "h", "utf", "env"} {
		if got := sortLocs(c.References(from, true)); !reflect.DeepEqual(got, want) {
			t.Errorf("references from «%s»:\ngot  %v\nwant %v", from, got, want)
		}
	}
	if got := c.References("nc", false); len(got) != len(want)-1 {
		t.Errorf("references without the declaration: %d, want %d", len(got), len(want)-1)
	}
}

func TestHostHoverOverLSP(t *testing.T) {
	c := lsptest.New(t, hostLSPArchive)
	got := c.Hover("utf")
	if got == nil {
		t.Fatal("no hover on a host")
	}
	if want := markerLoc(c, "utf", "mariadb").Span; got.Span != want {
		t.Errorf("hover Span = %v, want %v", got.Span, want)
	}
	for _, part := range []string{"**service `mariadb`** defined at `compose.yaml:2`", "- image: `mariadb:11`", "- networks: `default`"} {
		if !strings.Contains(got.Markdown, part) {
			t.Errorf("hover lacks %q:\n%s", part, got.Markdown)
		}
	}
}

func TestHostLineEndsOverLSP(t *testing.T) {
	archive := strings.Replace(hostLSPArchive, "-- wordpress/entrypoint.sh --\n", "-- wordpress/entrypoint.sh --\n\ufeff", 1)
	c := lsptest.New(t, archive, lsptest.WithCRLF("compose.yaml", "wordpress/entrypoint.sh", "wordpress/site.conf", ".env"))
	for _, tt := range []struct{ use, def, service string }{{"nc", "db", "mariadb"}, {"utf", "db", "mariadb"}, {"fcgi", "wp", "wordpress"}, {"env", "db", "mariadb"}} {
		want := []lsptest.Loc{markerLoc(c, tt.def, tt.service)}
		if got := c.Definition(tt.use); !reflect.DeepEqual(got, want) {
			t.Errorf("definition at «%s» = %v, want %v", tt.use, got, want)
		}
	}
	if got := c.Hover("utf"); got == nil || got.Span != markerLoc(c, "utf", "mariadb").Span {
		t.Errorf("hover at «utf» = %+v", got)
	}
}

func TestHostIndexFollowsEditsOverLSP(t *testing.T) {
	c := lsptest.New(t, hostLSPArchive)
	c.Open("compose.yaml")
	c.Replace("compose.yaml", "    image: mariadb:11\n", "    image: mariadb:11\n  cache:\n    image: redis:7\n")
	key := c.Find("compose.yaml", "cache", 1)
	want := []lsptest.Loc{{Path: "compose.yaml", Span: key}}
	if got := c.Definition("cache"); !reflect.DeepEqual(got, want) {
		t.Errorf("after adding the service, definition = %v, want %v", got, want)
	}

	c.Replace("compose.yaml", "  cache:\n    image: redis:7\n", "")
	if got := c.Definition("cache"); got != nil {
		t.Errorf("after removing the service, definition = %v, want none", got)
	}
	c.Close("compose.yaml")

	onDisk := strings.Replace(string(c.Content("compose.yaml")), "services:\n", "services:\n  cache:\n    image: redis:7\n", 1)
	c.WatchedFileChanged("compose.yaml", []byte(onDisk))
	c.Sync()
	key = c.Find("compose.yaml", "cache", 1)
	want = []lsptest.Loc{{Path: "compose.yaml", Span: key}}
	if got := c.Definition("cache"); !reflect.DeepEqual(got, want) {
		t.Errorf("after the change on disk, definition = %v, want %v", got, want)
	}
}

func TestHostRequestsPastTheEndOverLSP(t *testing.T) {
	c := lsptest.New(t, hostLSPArchive)
	for _, rel := range []string{"wordpress/entrypoint.sh", "wordpress/site.conf", ".env"} {
		params := map[string]any{"textDocument": c.DocID(rel), "position": map[string]any{"line": 999, "character": 0}}
		for _, method := range []string{"textDocument/definition", "textDocument/hover", "textDocument/documentHighlight"} {
			var result any
			if err := c.Call(method, params, &result); err != nil {
				t.Errorf("%s past the end of %s: %v", method, rel, err)
			}
			if result != nil && !reflect.DeepEqual(result, []any{}) {
				t.Errorf("%s past the end of %s = %v, want empty", method, rel, result)
			}
		}
	}
}

func TestUnknownHostOverLSP(t *testing.T) {
	c := lsptest.New(t, hostLSPArchive)
	rel := "wordpress/entrypoint.sh"
	c.Open(rel)
	c.Replace(rel, "nc -z mariadb 3306; do", "nc -z mariadbb 3306; do")
	span := c.Find(rel, "mariadbb", 1)
	var found bool
	for _, d := range c.Diagnostics(rel) {
		if d.Code != "UnknownHost" {
			continue
		}
		found = true
		if d.Span != span || d.Message != "`mariadbb` is not a service; did you mean `mariadb`?" {
			t.Errorf("diagnostic %v, want at %v", d, span)
		}
	}
	if !found {
		t.Fatalf("no UnknownHost diagnostic; got %v", c.Diagnostics(rel))
	}
	var fixed bool
	for _, action := range c.CodeActions(rel, span) {
		for _, edit := range action.Edits[rel] {
			fixed = fixed || (edit.Span == span && edit.NewText == "mariadb")
		}
	}
	if !fixed {
		t.Errorf("no quick fix replaces mariadbb with mariadb: %+v", c.CodeActions(rel, span))
	}
}

// mark inserts the marker «name» before word inside the only occurrence
// of around in archive.
func mark(t *testing.T, archive, around, word, name string) string {
	t.Helper()
	if n := strings.Count(archive, around); n != 1 {
		t.Fatalf("%q occurs %d times in the example, want once", around, n)
	}
	i := strings.Index(around, word)
	return strings.Replace(archive, around, around[:i]+"«"+name+"»"+around[i:], 1)
}

func TestExamplesOverLSP(t *testing.T) {
	tests := []struct {
		example, around, host, key string
	}{
		{"inception", "nc -z mariadb 3306", "mariadb", "  mariadb:\n    container_name"},
		{"inception", "ping -h mariadb", "mariadb", "  mariadb:\n    container_name"},
		{"inception", "fastcgi_pass  wordpress:9000", "wordpress", "  wordpress:\n    container_name"},
		{"inception", "WORDPRESS_DB_HOST=mariadb:3306", "mariadb", "  mariadb:\n    container_name"},
		{"python-client-server", "http://python_server:8000/", "python_server", "  python_server:\n"},
	}
	for _, example := range []string{"inception", "python-client-server"} {
		t.Run(example, func(t *testing.T) {
			archive := testws.Example(t, example)
			keys := map[string]string{}
			for i, tt := range tests {
				if tt.example != example {
					continue
				}
				archive = mark(t, archive, tt.around, tt.host, "use"+strconv.Itoa(i))
				if _, done := keys[tt.key]; !done {
					keys[tt.key] = "key" + strconv.Itoa(i)
					archive = mark(t, archive, tt.key, tt.host, keys[tt.key])
				}
			}
			c := lsptest.New(t, archive)
			for i, tt := range tests {
				if tt.example != example {
					continue
				}
				use := "use" + strconv.Itoa(i)
				want := []lsptest.Loc{markerLoc(c, keys[tt.key], tt.host)}
				if got := c.Definition(use); !reflect.DeepEqual(got, want) {
					t.Errorf("definition of %s in %s = %v, want %v", tt.host, c.WS.MarkerFile(use), got, want)
				}
				refs := c.References(keys[tt.key], true)
				found := false
				for _, ref := range refs {
					found = found || ref == markerLoc(c, use, tt.host)
				}
				if !found {
					t.Errorf("references of the %s key lack the use in %s: %v", tt.host, c.WS.MarkerFile(use), refs)
				}
			}
			for _, rel := range []string{"srcs/requirements/wordpress/tools/entrypoint.sh", "srcs/requirements/nginx/tools/entrypoint.sh", "srcs/requirements/mariadb/tools/entrypoint.sh", "srcs/requirements/nginx/conf/wordpress.conf.template", "client/entrypoint"} {
				if _, err := os.Stat(c.WS.Path(rel)); err != nil {
					continue
				}
				for _, d := range c.Diagnostics(rel) {
					if d.Severity == 1 {
						t.Errorf("%s: error %v", rel, d)
					}
				}
			}
		})
	}
}
