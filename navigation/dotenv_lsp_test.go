package navigation_test

import (
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
