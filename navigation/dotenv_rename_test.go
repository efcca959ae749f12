package navigation

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// dotenvRenameArchive is dotenvKeyArchive with a service that passes the key on
// without a value and a script variable that only shares a prefix.
const dotenvRenameArchive = `
-- srcs/.env --
«domain»DOMAIN_NAME=login.42.fr
«dbname»DB_NAME=wordpress
DB_NAME_SUFFIX=x
-- srcs/docker-compose.yml --
services:
  mariadb:
    build: requirements/mariadb
    env_file: .env
  wordpress:
    build: requirements/wordpress
    environment:
      - WP_DB=${DB_NAME}
      - DOMAIN_NAME=${«composeRef»DOMAIN_NAME}
  nginx:
    build: requirements/nginx
    environment:
      DOMAIN_NAME: ${DOMAIN_NAME:-localhost}
  adminer:
    build: requirements/adminer
    environment:
      - DB_NAME
-- srcs/requirements/mariadb/Dockerfile --
FROM debian:12
COPY tools/init.sh /init.sh
ENTRYPOINT ["sh", "/init.sh"]
-- srcs/requirements/mariadb/tools/init.sh --
#!/bin/sh
echo "CREATE DATABASE $DB_NAME; -- ${DB_NAME_SUFFIX}" | mariadb
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
-- srcs/requirements/adminer/Dockerfile --
FROM adminer:4
COPY run.sh /run.sh
CMD ["sh", "/run.sh"]
-- srcs/requirements/adminer/run.sh --
#!/bin/sh
echo "$DB_NAME"
`

// applied returns the files that edits change, with the edits applied.
func applied(t *testing.T, ws *testws.WS, edits map[position.URI][]position.TextEdit) map[string]string {
	t.Helper()
	out := map[string]string{}
	for uri, list := range edits {
		rel := strings.TrimPrefix(strings.TrimPrefix(uri.Path(), ws.Root), "/")
		content, err := position.ApplyEdits(ws.Content(rel), list)
		if err != nil {
			t.Fatalf("apply edits to %s: %v", rel, err)
		}
		out[rel] = string(content)
	}
	return out
}

func TestDotEnvKeyRename(t *testing.T) {
	ws := testws.New(t, dotenvRenameArchive)
	snap := ws.Open("srcs/.env", "dotenv")
	tests := []struct {
		marker, newName string
		want            map[string][]string // changed file → texts it must contain after the rename
		unchanged       []string            // files that must not change
	}{
		{"dbname", "DATABASE", map[string][]string{
			"srcs/.env":                               {"\nDATABASE=wordpress\nDB_NAME_SUFFIX=x"},
			"srcs/docker-compose.yml":                 {"- WP_DB=${DATABASE}", "      - DATABASE\n"},
			"srcs/requirements/mariadb/tools/init.sh": {"DATABASE $DATABASE; -- ${DB_NAME_SUFFIX}"},
			"srcs/requirements/adminer/run.sh":        {`echo "$DATABASE"`},
		}, []string{"srcs/requirements/wordpress/tools/setup.sh"}},
		{"domain", "SITE_DOMAIN", map[string][]string{
			"srcs/.env":               {"SITE_DOMAIN=login.42.fr"},
			"srcs/docker-compose.yml": {"- SITE_DOMAIN=${SITE_DOMAIN}", "SITE_DOMAIN: ${SITE_DOMAIN:-localhost}"},
			"srcs/requirements/wordpress/tools/setup.sh": {`--url="$SITE_DOMAIN"`, `--dbname="$WP_DB"`},
			"srcs/requirements/nginx/conf/site.conf":     {"server_name ${SITE_DOMAIN};"},
			"srcs/requirements/mariadb/tools/init.sh":    nil,
		}, nil},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		target, err := PrepareRename(context.Background(), snap, uri, offset+3)
		if err != nil || target == nil || target.Span.Start != offset {
			t.Fatalf("prepareRename «%s»: got %+v, %v", tt.marker, target, err)
		}
		edits, err := Rename(context.Background(), snap, uri, offset+3, tt.newName)
		if err != nil {
			t.Fatalf("rename «%s»: %v", tt.marker, err)
		}
		got := applied(t, ws, edits)
		for rel, texts := range tt.want {
			content, ok := got[rel]
			if !ok && texts != nil {
				t.Errorf("rename «%s»: %s not changed", tt.marker, rel)
			}
			if texts == nil && ok {
				t.Errorf("rename «%s»: %s changed:\n%s", tt.marker, rel, content)
			}
			for _, text := range texts {
				if !strings.Contains(content, text) {
					t.Errorf("rename «%s»: want %q in %s:\n%s", tt.marker, text, rel, content)
				}
			}
		}
		for _, rel := range tt.unchanged {
			if content, ok := got[rel]; ok {
				t.Errorf("rename «%s»: %s changed:\n%s", tt.marker, rel, content)
			}
		}
	}
}

func TestDotEnvKeyRenameRejects(t *testing.T) {
	ws := testws.New(t, dotenvRenameArchive)
	snap := ws.Open("srcs/.env", "dotenv")
	uri, offset := ws.Marker("dbname")
	for _, name := range []string{"1DB", "DB-NAME", "", "DOMAIN_NAME"} {
		if edits, err := Rename(context.Background(), snap, uri, offset, name); err == nil {
			t.Errorf("rename to %q: want an error, got %v", name, edits)
		}
	}
	defs, err := Definition(context.Background(), snap, uri, offset+2)
	if err != nil || len(defs) != 1 || defs[0].URI != uri || defs[0].Span.Start != offset || defs[0].Span.Len() != len("DB_NAME") {
		t.Errorf("definition of a .env key: want the key itself, got %v, %v", defs, err)
	}
}

// TestComposeVariableRenameEdits checks the rename that a "${VAR}" in a
// compose file starts: the same edits as from the .env key.
func TestComposeVariableRenameEdits(t *testing.T) {
	ws := testws.New(t, dotenvRenameArchive)
	snap := ws.Snapshot()
	proj := project.Of(snap, ws.URI("srcs/docker-compose.yml"))
	fromCompose, err := renameProjectVariable(snap, proj, "DOMAIN_NAME", "SITE_DOMAIN")
	if err != nil {
		t.Fatal(err)
	}
	uri, offset := ws.Marker("domain")
	fromKey, err := Rename(context.Background(), snap, uri, offset, "SITE_DOMAIN")
	if err != nil {
		t.Fatal(err)
	}
	got, want := applied(t, ws, fromCompose), applied(t, ws, fromKey)
	if len(got) != len(want) || len(got) != 4 {
		t.Fatalf("from compose: %d files changed, from the key: %d, want 4", len(got), len(want))
	}
	for rel, content := range want {
		if got[rel] != content {
			t.Errorf("%s from compose:\n%s\nfrom the key:\n%s", rel, got[rel], content)
		}
	}
}

// TestComposeVariableRenameReachesScripts renames a variable from its
// ${...} use in a compose file and expects the same edits as a rename
// from the .env key: the key, the compose uses and the container's files.
func TestComposeVariableRenameReachesScripts(t *testing.T) {
	ws := testws.New(t, dotenvRenameArchive)
	snap := ws.Open("srcs/docker-compose.yml", "dockercompose")
	uri, offset := ws.Marker("composeRef")
	edits, err := Rename(context.Background(), snap, uri, offset+2, "SITE_DOMAIN")
	if err != nil {
		t.Fatalf("rename from compose: %v", err)
	}
	got := applied(t, ws, edits)
	want := map[string]string{
		"srcs/.env":               "SITE_DOMAIN=login.42.fr",
		"srcs/docker-compose.yml": "- SITE_DOMAIN=${SITE_DOMAIN}",
		"srcs/requirements/wordpress/tools/setup.sh": `--url="$SITE_DOMAIN"`,
		"srcs/requirements/nginx/conf/site.conf":     "server_name ${SITE_DOMAIN};",
	}
	for rel, text := range want {
		if !strings.Contains(got[rel], text) {
			t.Errorf("rename from compose: %s does not contain %q:\n%s", rel, text, got[rel])
		}
	}
}
