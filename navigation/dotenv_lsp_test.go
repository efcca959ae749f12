package navigation_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestDotEnvKeyReferencesOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- srcs/.env --
«key»DB_HOST=mariadb
-- srcs/docker-compose.yml --
services:
  mariadb:
    image: mariadb:11
  wordpress:
    build: wordpress
    environment:
      DB_HOST: ${«compose»DB_HOST}
-- srcs/wordpress/Dockerfile --
FROM debian:12
COPY setup.sh /setup.sh
ENTRYPOINT ["sh", "/setup.sh"]
-- srcs/wordpress/setup.sh --
#!/bin/sh
wp config create --dbhost="$«script»DB_HOST"
`)
	c.Open("srcs/.env")
	got := composeLocsText(c.References("key", false))
	want := composeMarkerLoc(c, "compose", 7) + " " + composeMarkerLoc(c, "script", 7)
	if got != want {
		t.Errorf("references of the .env key DB_HOST\ngot  %q\nwant %q", got, want)
	}
}

// TestDotEnvKeyRenameOverLSP renames a .env key through a real server: one
// WorkspaceEdit changes the key, the compose reference, the environment
// entry that passes it on under the same name and the script that reads
// it, whole names only.
func TestDotEnvKeyRenameOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- srcs/.env --
«key»DB_HOST=mariadb
DB_HOST_PORT=3306
-- srcs/docker-compose.yml --
services:
  mariadb:
    image: mariadb:11
  wordpress:
    build: wordpress
    environment:
      «envKey»DB_HOST: ${«compose»DB_HOST}
      PORT: ${DB_HOST_PORT}
-- srcs/wordpress/Dockerfile --
FROM debian:12
COPY setup.sh /setup.sh
ENTRYPOINT ["sh", "/setup.sh"]
-- srcs/wordpress/setup.sh --
#!/bin/sh
wp config create --dbhost="$«script»DB_HOST:$DB_HOST_PORT"
`)
	c.Open("srcs/.env")
	target := c.PrepareRename("key")
	if target == nil || target.Placeholder != "DB_HOST" {
		t.Fatalf("prepareRename on the .env key: got %+v", target)
	}
	if got, want := composeLocsText(c.Definition("key")), composeMarkerLoc(c, "key", 7); got != want {
		t.Errorf("definition of the .env key = %q, want %q", got, want)
	}
	edits := c.Rename("key", "DATABASE_HOST")
	var got []string
	for path, list := range edits {
		for _, e := range list {
			if e.NewText != "DATABASE_HOST" {
				t.Errorf("edit in %s writes %q", path, e.NewText)
			}
			got = append(got, path+"@"+e.Span.String())
		}
	}
	sort.Strings(got)
	want := []string{
		composeMarkerLoc(c, "key", 7), composeMarkerLoc(c, "compose", 7),
		composeMarkerLoc(c, "envKey", 7), composeMarkerLoc(c, "script", 7),
	}
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("rename of DB_HOST\ngot  %q\nwant %q", got, want)
	}
}
