package workspace_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// hostsArchive uses the services as hosts in every form the index
// recognises. A marker «uN» sits before a host use, «nN» before a word that
// is not one.
const hostsArchive = `
-- compose.yaml --
services:
  mariadb:
    image: mariadb:11
    container_name: db-main
    hostname: dbhost
    networks:
      back:
        aliases: [maria]
  wordpress:
    build: wordpress
    environment:
      WORDPRESS_DB_HOST: «u1»mariadb:3306
      MYSQL_DATABASE: «n1»wordpress
    networks: [back]
  nginx:
    build: nginx
    depends_on: [wordpress]
networks:
  back: {}
-- .env --
WORDPRESS_DB_HOST=«u2»mariadb:3306
# DB_HOST=«n2»mariadb
-- wordpress/Dockerfile --
FROM debian:bookworm-slim
COPY entrypoint /entrypoint
COPY wp-config.php /var/www/html/wp-config.php
ENTRYPOINT ["/entrypoint"]
-- wordpress/entrypoint --
#!/bin/sh
# waits for «n3»mariadb
until nc -z «u3»mariadb 3306; do sleep 1; done
mysqladmin ping -h «u4»mariadb --silent
wp config create --dbhost=«u5»mariadb:3306
curl -fsS "http://«u6»nginx/health" >/dev/null
echo "é😀 «u7»db-main:3306"
ls /var/lib/«n4»mariadb «n5»mariadb-client
nc -z «u8»maria 3306 && nc -z «u9»dbhost 3306
exec "$@"
-- wordpress/wp-config.php --
<?php
define( 'DB_HOST', '«u10»mariadb' );
// define( 'DB_HOST', '«n6»mariadb' );
-- nginx/Dockerfile --
FROM nginx:1.27
COPY site.conf /etc/nginx/conf.d/default.conf
-- nginx/site.conf --
upstream php {
    server «u11»wordpress:9000;
}
server {
    server_name «n7»wordpress;
    location / { proxy_pass http://«u12»wordpress:80; }
    # fastcgi_pass «n8»wordpress:9000;
}
`

func TestIndexHostUses(t *testing.T) {
	ws := testws.New(t, hostsArchive)
	ix := ws.Snapshot().Index()
	tests := []struct {
		marker, name, service string
	}{
		{"u1", "mariadb", "mariadb"},
		{"u2", "mariadb", "mariadb"},
		{"u3", "mariadb", "mariadb"},
		{"u4", "mariadb", "mariadb"},
		{"u5", "mariadb", "mariadb"},
		{"u6", "nginx", "nginx"},
		{"u7", "db-main", "mariadb"},
		{"u8", "maria", "mariadb"},
		{"u9", "dbhost", "mariadb"},
		{"u10", "mariadb", "mariadb"},
		{"u11", "wordpress", "wordpress"},
		{"u12", "wordpress", "wordpress"},
	}
	for _, tt := range tests {
		t.Run(tt.marker, func(t *testing.T) {
			uri, offset := ws.Marker(tt.marker)
			for _, at := range []int{offset, offset + len(tt.name)/2, offset + len(tt.name)} {
				use := ix.HostAt(uri, at)
				if use == nil {
					t.Fatalf("%s: no host use at offset %d (marker «%s»+%d)", ws.MarkerFile(tt.marker), at, tt.marker, at-offset)
				}
				if use.Name != tt.name || use.Service != tt.service {
					t.Errorf("%s: host use %q -> %q, want %q -> %q", ws.MarkerFile(tt.marker), use.Name, use.Service, tt.name, tt.service)
				}
				if want := (position.Span{Start: offset, End: offset + len(tt.name)}); use.Location.Span != want {
					t.Errorf("%s: host use at %v, want %v", ws.MarkerFile(tt.marker), use.Location.Span, want)
				}
			}
		})
	}
	for _, marker := range []string{"n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"} {
		t.Run(marker, func(t *testing.T) {
			uri, offset := ws.Marker(marker)
			if use := ix.HostAt(uri, offset+1); use != nil {
				t.Errorf("%s: %q at marker «%s» is a host use of %s, want none", ws.MarkerFile(marker), use.Name, marker, use.Service)
			}
		})
	}
	if f := ws.Snapshot().File(ws.URI("wordpress/wp-config.php")); f == nil || f.Kind != workspace.KindConfig {
		t.Errorf("wp-config.php copied into the image is not a config file: %+v", f)
	}
	if got := len(ix.HostUses("mariadb")); got != 9 {
		t.Errorf("HostUses(mariadb) = %d uses, want 9", got)
	}
}

func TestIndexReferences(t *testing.T) {
	ws := testws.New(t, hostsArchive)
	snap := ws.Snapshot()
	ix := snap.Index()
	defs := ix.Services("wordpress")
	if len(defs) != 1 {
		t.Fatalf("Services(wordpress) = %d", len(defs))
	}
	var got []string
	for _, loc := range ix.References(snap, defs[0], true) {
		content := snap.File(loc.URI).Content
		rel := strings.TrimPrefix(loc.URI.Path(), ws.Root+"/")
		got = append(got, rel+":"+string(content[loc.Span.Start:loc.Span.End]))
	}
	want := "compose.yaml:wordpress compose.yaml:wordpress nginx/site.conf:wordpress nginx/site.conf:wordpress"
	if strings.Join(got, " ") != want {
		t.Errorf("References(wordpress) = %v\nwant %s", got, want)
	}
	depends := ws.Find("compose.yaml", "[wordpress]", 1)
	found := false
	for _, loc := range ix.References(snap, defs[0], false) {
		found = found || loc.Span.Start == depends.Start+1
		if loc.Span == defs[0].Service.KeySpan && loc.URI == defs[0].URI {
			t.Error("References without the declaration holds the key")
		}
	}
	if !found {
		t.Errorf("References lack the depends_on entry at %d", depends.Start+1)
	}
}

func TestIndexFollowsEdits(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  app:
    build: .
-- Dockerfile --
FROM alpine:3.20
COPY run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- run.sh --
#!/bin/sh
nc -z «cache»cache 6379
`)
	uri, offset := ws.Marker("cache")
	if use := ws.Snapshot().Index().HostAt(uri, offset); use != nil {
		t.Fatalf("cache resolves before it is defined: %+v", use)
	}

	ws.Open("compose.yaml", "yaml")
	added := string(ws.Content("compose.yaml")) + "  cache:\n    image: redis:7\n"
	snap, err := ws.Session.Change(ws.URI("compose.yaml"), 2, []position.Change{{Text: added}}, position.UTF16)
	if err != nil {
		t.Fatal(err)
	}
	use := snap.Index().HostAt(uri, offset)
	if use == nil || use.Service != "cache" {
		t.Fatalf("after adding the service, HostAt = %+v, want cache", use)
	}
	if use.Defs[0].Location().URI != ws.URI("compose.yaml") {
		t.Errorf("cache defined in %s", use.Defs[0].Location().URI)
	}

	snap, err = ws.Session.Change(ws.URI("compose.yaml"), 3, []position.Change{{Text: string(ws.Content("compose.yaml"))}}, position.UTF16)
	if err != nil {
		t.Fatal(err)
	}
	if use := snap.Index().HostAt(uri, offset); use != nil {
		t.Errorf("after removing the service, cache still resolves: %+v", use)
	}

	ws.Session.Close(ws.URI("compose.yaml"))
	if err := os.WriteFile(ws.Path("compose.yaml"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	snap = ws.Session.FilesChanged([]position.URI{ws.URI("compose.yaml")})
	if use := snap.Index().HostAt(uri, offset); use == nil || use.Service != "cache" {
		t.Errorf("after the change on disk, HostAt = %+v, want cache", use)
	}
}

func TestIndexLinksFollowEdits(t *testing.T) {
	ws := testws.New(t, stackArchive)
	stack := ws.URI("deploy/stack.yml")
	if f := ws.Snapshot().File(stack); f == nil || !f.Linked() {
		t.Fatalf("stack.yml is not linked: %+v", f)
	}

	ws.Open("Makefile", "makefile")
	unlinked := strings.Replace(string(ws.Content("Makefile")), "-f deploy/stack.yml ", "", 1)
	snap, err := ws.Session.Change(ws.URI("Makefile"), 2, []position.Change{{Text: unlinked}}, position.UTF16)
	if err != nil {
		t.Fatal(err)
	}
	if f := snap.File(stack); f != nil {
		t.Errorf("stack.yml stays in the snapshot as %v after the Makefile dropped -f", f.Kind)
	}

	snap, err = ws.Session.Change(ws.URI("Makefile"), 3, []position.Change{{Text: string(ws.Content("Makefile"))}}, position.UTF16)
	if err != nil {
		t.Fatal(err)
	}
	if f := snap.File(stack); f == nil || f.Kind != workspace.KindCompose {
		t.Errorf("stack.yml is not a compose file again: %+v", f)
	}
}

func TestIndexOpenDocumentWithGenericLanguage(t *testing.T) {
	ws := testws.New(t, stackArchive)
	for rel, want := range map[string]workspace.Kind{
		"deploy/stack.yml":   workspace.KindCompose,
		"web/conf/site.tmpl": workspace.KindConfig,
		"web/tools/start":    workspace.KindShell,
	} {
		for _, language := range []string{"yaml", "plaintext"} {
			snap := ws.Open(rel, language)
			if f := snap.File(ws.URI(rel)); f == nil || f.Kind != want || !f.Open {
				t.Errorf("%s opened as %q: %+v, want an open %v file", rel, language, f, want)
			}
			ws.Session.Close(ws.URI(rel))
		}
	}
	snap := ws.Session.Snapshot()
	if f := snap.File(ws.URI("deploy/stack.yml")); f == nil || f.Open || f.Kind != workspace.KindCompose {
		t.Errorf("after close, stack.yml = %+v, want the linked disk file", f)
	}
}

func TestIndexLinkedFileChangedOnDisk(t *testing.T) {
	ws := testws.New(t, stackArchive)
	stack := ws.URI("deploy/stack.yml")
	changed := string(ws.Content("deploy/stack.yml")) + "  worker:\n    image: worker:1\n"
	if err := os.WriteFile(ws.Path("deploy/stack.yml"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	snap := ws.Session.FilesChanged([]position.URI{stack})
	if f := snap.File(stack); f == nil || f.Kind != workspace.KindCompose || string(f.Content) != changed {
		t.Fatalf("after the change on disk, stack.yml = %+v, want the new compose content", f)
	}
	if defs := snap.Index().Services("worker"); len(defs) != 1 || defs[0].URI != stack {
		t.Errorf("Services(worker) = %v, want the new service in stack.yml", defs)
	}

	if err := os.Remove(ws.Path("deploy/stack.yml")); err != nil {
		t.Fatal(err)
	}
	snap = ws.Session.FilesChanged([]position.URI{stack})
	if f := snap.File(stack); f != nil {
		t.Errorf("after the deletion, stack.yml = %+v, want none", f)
	}
	if defs := snap.Index().Services("web"); len(defs) != 0 {
		t.Errorf("Services(web) = %v after its compose file was deleted", defs)
	}
}
