package navigation

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// dotenvKeyArchive is an Inception-shaped project: srcs/.env fills in the
// compose file's "${...}" references, one service reads it whole with
// env_file, another passes one key on under a new name, and the scripts
// and the nginx template of the images use the variables.
const dotenvKeyArchive = `
-- Makefile --
up:
	docker compose -f srcs/docker-compose.yml --env-file srcs/.env up -d
-- srcs/.env --
«domain»DOMAIN_NAME=login.42.fr
«dbname»DB_NAME=wordpress
«unused»UNUSED=1
-- srcs/docker-compose.yml --
services:
  mariadb:
    build: requirements/mariadb
    env_file: .env
  wordpress:
    build: requirements/wordpress
    environment:
      - WP_DB=${DB_NAME}
      - DOMAIN_NAME=${DOMAIN_NAME}
  nginx:
    build: requirements/nginx
    environment:
      DOMAIN_NAME: ${DOMAIN_NAME:-localhost}
-- srcs/requirements/mariadb/Dockerfile --
FROM debian:12
COPY tools/init.sh /init.sh
ENTRYPOINT ["sh", "/init.sh"]
-- srcs/requirements/mariadb/tools/init.sh --
#!/bin/sh
echo "CREATE DATABASE $DB_NAME;" | mariadb
-- srcs/requirements/wordpress/Dockerfile --
FROM debian:12
COPY tools/setup.sh /setup.sh
ENTRYPOINT ["sh", "/setup.sh"]
-- srcs/requirements/wordpress/tools/setup.sh --
#!/bin/sh
wp config create --dbname="$WP_DB" --url="$DOMAIN_NAME"
-- srcs/requirements/nginx/Dockerfile --
FROM nginx:1.27
COPY conf/site.conf /etc/nginx/templates/default.conf.template
-- srcs/requirements/nginx/conf/site.conf --
server { server_name ${DOMAIN_NAME}; }
`

func TestDotEnvKeyReferences(t *testing.T) {
	ws := testws.New(t, dotenvKeyArchive)
	snap := ws.Open("srcs/.env", "dotenv")
	tests := []struct {
		marker      string
		declaration bool
		want        string
	}{
		{"dbname", false, "srcs/docker-compose.yml@7:16+7 srcs/requirements/mariadb/tools/init.sh@1:23+7 srcs/requirements/wordpress/tools/setup.sh@1:28+5"},
		{"dbname", true, "srcs/.env@1:0+7 srcs/docker-compose.yml@7:16+7 srcs/docker-compose.yml@7:8+5 srcs/requirements/mariadb/tools/init.sh@1:23+7 srcs/requirements/wordpress/tools/setup.sh@1:28+5"},
		{"domain", false, "srcs/docker-compose.yml@12:21+11 srcs/docker-compose.yml@8:22+11 srcs/requirements/nginx/conf/site.conf@0:23+11 srcs/requirements/wordpress/tools/setup.sh@1:43+11"},
		{"unused", false, ""},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		locs, err := References(context.Background(), snap, uri, offset+1, tt.declaration)
		if err != nil {
			t.Fatal(err)
		}
		if got := locTexts(ws, locs); got != tt.want {
			t.Errorf("references of «%s» (declaration %v)\ngot  %q\nwant %q", tt.marker, tt.declaration, got, tt.want)
		}
	}
}
