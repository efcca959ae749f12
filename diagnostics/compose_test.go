package diagnostics_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/internal/testws"
)

func init() {
	// Results must not depend on the environment of the test machine.
	project.LookupEnv = func(string) (string, bool) { return "", false }
}

// wantDiag is an expected diagnostic: its rule, the marker at its start,
// the text it covers, and a part of its message.
type wantDiag struct {
	code, marker, text, message string
}

type composeDiagCase struct {
	name    string
	archive string
	file    string
	want    []wantDiag
	crlf    bool
}

// runComposeDiagCases checks that each case's file gets exactly the wanted
// diagnostics, in order.
func runComposeDiagCases(t *testing.T, cases []composeDiagCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var opts []testws.Option
			if tc.crlf {
				opts = append(opts, testws.WithCRLF(tc.file))
			}
			ws := testws.New(t, tc.archive, opts...)
			diags := diagnostics.File(context.Background(), ws.Snapshot(), ws.URI(tc.file))
			content := ws.Content(tc.file)
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%s@%d %q: %s", d.Code, d.Span.Start, content[d.Span.Start:d.Span.End], d.Message))
			}
			if len(diags) != len(tc.want) {
				t.Fatalf("%s: got %d diagnostics, want %d:\n%s", tc.file, len(diags), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				d := diags[i]
				_, start := ws.Marker(w.marker)
				if d.Code != w.code || d.Span.Start != start || string(content[d.Span.Start:d.Span.End]) != w.text {
					t.Errorf("diagnostic %d:\n got  %s\n want %s@%d %q", i, got[i], w.code, start, w.text)
				}
				if !strings.Contains(d.Message, w.message) {
					t.Errorf("diagnostic %d message = %q, want it to contain %q", i, d.Message, w.message)
				}
			}
		})
	}
}

// plantedArchive holds the five planted problems: lines 4, 5, 7, 9 and 16.
const plantedArchive = `
-- web/Dockerfile --
FROM nginx:1.27
-- docker-compose.yml --
# Five planted problems on lines 4,5,7,9,16 (0-based)
services:
  web:
    build: ./web
    «restrat»restrat: always
    ports: «ports»"8443:443"
    depends_on:
      - «cache»cache
    container_name: web
    «dup»container_name: web2
    networks:
      - front
  db:
    image: mariadb:11
    environment:
      MYSQL_DATABASE: wp
   «indent»volumes:
      - db_data:/var/lib/mysql
    networks:
      - front

volumes:
  db_data:

networks:
  front:
`

func TestComposeDiagnosticsPlanted(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{name: "planted", archive: plantedArchive, file: "docker-compose.yml", want: []wantDiag{
			{"UnknownProperty", "restrat", "restrat", "`restrat` is not a service property; did you mean `restart`?"},
			{"InvalidType", "ports", `"8443:443"`, "`ports` must be a list, not a string"},
			{"UndefinedService", "cache", "cache", "undefined service `cache`"},
			{"DuplicateKey", "dup", "container_name", "already defined on line 9"},
			{"YAMLSyntax", "indent", "volumes", "check its indentation"},
		}},
		{name: "planted CRLF", archive: plantedArchive, file: "docker-compose.yml", crlf: true, want: []wantDiag{
			{"UnknownProperty", "restrat", "restrat", "did you mean `restart`?"},
			{"InvalidType", "ports", `"8443:443"`, "must be a list"},
			{"UndefinedService", "cache", "cache", "undefined service"},
			{"DuplicateKey", "dup", "container_name", "line 9"},
			{"YAMLSyntax", "indent", "volumes", "indentation"},
		}},
		{name: "clean file", file: "compose.yaml", archive: `
-- compose.yaml --
name: shop
services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
    depends_on:
      db:
        condition: service_healthy
    networks: [front]
    volumes:
      - data:/srv
      - ./static:/usr/share/nginx/html:ro
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
      interval: 10s
    networks:
      - front
    secrets: [db_password]
networks:
  front:
volumes:
  data:
secrets:
  db_password:
    file: ./db_password.txt
-- db_password.txt --
x
-- static/index.html --
<p>
`},
	})
}

func TestComposeDiagnosticsSemantic(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{name: "merge keys", file: "compose.yaml", archive: `
-- compose.yaml --
x-common: &common
  restart: unless-stopped
  volumes:
    - logs:/var/log/app
x-limits: &limits
  mem_limit: 256m
services:
  web:
    image: nginx:1.27
    <<: *common
    «second»<<: *limits
  api:
    image: nginx:1.27
    <<: [*common, *limits]
    volumes:
      - data:/srv
volumes:
  logs:
  data:
`, want: []wantDiag{{"DuplicateMergeKey", "second", "<<", "already has a merge key `<<` on line 10"}}},
		{name: "references", file: "compose.yaml", archive: `
-- compose.yaml --
services:
  a:
    image: x
    links: ["«link»bb:alias"]
    volumes_from: ["«vf»ghost:ro", "container:other"]
    network_mode: "service:«nm»nope"
    extends: «ext»base
    networks: [«net»frontt, default]
    volumes: ["«vol»dat:/data", "./local:/x", "/abs:/y"]
    secrets: [«sec»token]
    configs: [{source: «cfg»conf}]
  b:
    image: x
networks:
  front:
volumes:
  data:
`, want: []wantDiag{
			{"UndefinedService", "link", "bb", "did you mean `b`?"},
			{"UndefinedService", "vf", "ghost", "undefined service `ghost`"},
			{"UndefinedService", "nm", "nope", "undefined service `nope`"},
			{"UndefinedService", "ext", "base", "undefined service `base`"},
			{"UndefinedNetwork", "net", "frontt", "did you mean `front`?"},
			{"UndefinedVolume", "vol", "dat", "did you mean `data`?"},
			{"UndefinedSecret", "sec", "token", "declare it under the top-level `secrets`"},
			{"UndefinedConfig", "cfg", "conf", "undefined config `conf`"},
		}},
		{name: "references across override and include", file: "compose.override.yaml", archive: `
-- compose.yaml --
include:
  - infra/infra.yaml
services:
  web:
    image: x
-- compose.override.yaml --
services:
  web:
    depends_on: [cache, «gone»gone]
-- infra/infra.yaml --
services:
  cache:
    image: redis
`, want: []wantDiag{{"UndefinedService", "gone", "gone", "undefined service `gone`"}}},
		{name: "cycle, container names and ports", file: "compose.yaml", archive: `
-- compose.yaml --
services:
  a:
    image: x
    container_name: «cn»same
    depends_on: [«ab»b]
    ports: [«p1»"8080:80", «badport»"80:abc", «range»"127.0.0.1:9000-9001:9000-9001"]
  b:
    image: x
    container_name: «cn2»same
    depends_on: [«ba»a]
    ports: [«dupport»"8080:81", «longdup»{published: 9001, target: 1}, "8080:81/udp"]
    volumes: [«badvol»":/data"]
`, want: []wantDiag{
			{"DuplicateContainerName", "cn", "same", "also used by service `b`"},
			{"DependsOnCycle", "ab", "b", "`a` → `b` → `a`"},
			{"DuplicateHostPort", "p1", `"8080:80"`, "host port 8080/tcp is also published by service `b`"},
			{"InvalidPort", "badport", `"80:abc"`, "invalid port `80:abc`"},
			{"DuplicateHostPort", "range", `"127.0.0.1:9000-9001:9000-9001"`, "host port 127.0.0.1:9001/tcp is also published by service `b`"},
			{"DuplicateContainerName", "cn2", "same", "also used by service `a`"},
			{"DependsOnCycle", "ba", "a", "`b` → `a` → `b`"},
			{"DuplicateHostPort", "dupport", `"8080:81"`, "host port 8080/tcp is also published by service `a`"},
			{"DuplicateHostPort", "longdup", "{published: 9001, target: 1}", "host port 9001/tcp is also published by service `a`"},
			{"InvalidVolume", "badvol", `":/data"`, "invalid volume"},
		}},
		{name: "obsolete version", file: "compose.yaml", archive: `
-- compose.yaml --
«v»version: "3.8"
services:
  a:
    image: x
`, want: []wantDiag{{"ObsoleteVersion", "v", "version", "`version` is obsolete"}}},
	})
}
