package hover_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/internal/testws"
)

func init() {
	project.LookupEnv = func(string) (string, bool) { return "", false }
}

// case018Archive is a .env with every quoting form and a compose file
// that uses each variable.
const case018Archive = "-- .env --\n# service settings\nPLAIN=alpha\nQUOTED_D=\"beta gamma\"\nQUOTED_S='delta $PLAIN'\nEXPANDED=\"pre-${PLAIN}\"\nWITH_COMMENT=epsilon # trailing note\nHASH_INSIDE=zeta#not-a-comment\nQUOTED_HASH=\"eta # still value\"\nAFTER_QUOTE=\"theta\" # note\nESCAPED=\"line1\\nline2\"\nSINGLE_ESC='raw\\tvalue'\nexport EXPORTED=lambda\nDB_PASSWORD=hunter2\n" + `-- compose.yaml --
services:
  app:
    image: alpine:3.20
    environment:
      V1: ${«v1»PLAIN}
      V2: ${«v2»QUOTED_D}
      V3: ${«v3»QUOTED_S}
      V4: ${«v4»EXPANDED}
      V5: ${«v5»WITH_COMMENT}
      V6: ${«v6»HASH_INSIDE}
      V7: ${«v7»QUOTED_HASH}
      V8: ${«v8»AFTER_QUOTE}
      V9: ${«v9»ESCAPED}
      V10: ${«v10»SINGLE_ESC}
      V11: ${«v11»EXPORTED}
      PW: ${«pw»DB_PASSWORD}
      TAG: "app:${«tag»TAG:-latest}"
      REQ: ${«req»REQ:?set REQ first}
`

type hoverCase struct {
	marker   string
	contains []string // parts the Markdown must hold
	excludes []string // parts it must not hold
	span     string   // the text the hover's Span covers; "" to skip
}

func runHoverCases(t *testing.T, archive string, cases []hoverCase) {
	t.Helper()
	ws := testws.New(t, archive)
	for _, tc := range cases {
		t.Run(tc.marker, func(t *testing.T) {
			uri, offset := ws.Marker(tc.marker)
			got, err := hover.Hover(context.Background(), ws.Snapshot(), uri, offset)
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatalf("no hover at «%s»", tc.marker)
			}
			for _, part := range tc.contains {
				if !strings.Contains(got.Markdown, part) {
					t.Errorf("hover at «%s» lacks %q:\n%s", tc.marker, part, got.Markdown)
				}
			}
			for _, part := range tc.excludes {
				if strings.Contains(got.Markdown, part) {
					t.Errorf("hover at «%s» must not hold %q:\n%s", tc.marker, part, got.Markdown)
				}
			}
			content := ws.Content(ws.MarkerFile(tc.marker))
			if tc.span != "" && string(content[got.Span.Start:got.Span.End]) != tc.span {
				t.Errorf("hover at «%s» spans %q, want %q", tc.marker, content[got.Span.Start:got.Span.End], tc.span)
			}
		})
	}
}

func TestComposeHoverVariables(t *testing.T) {
	runHoverCases(t, case018Archive, []hoverCase{
		{marker: "v1", contains: []string{"**`PLAIN`** from `.env:2` = `alpha`"}, span: "${PLAIN}"},
		{marker: "v2", contains: []string{"= `beta gamma`"}},
		{marker: "v3", contains: []string{"= `delta $PLAIN`"}},
		{marker: "v4", contains: []string{"= `pre-alpha`"}},
		{marker: "v5", contains: []string{"= `epsilon`"}},
		{marker: "v6", contains: []string{"= `zeta#not-a-comment`"}},
		{marker: "v7", contains: []string{"= `eta # still value`"}},
		{marker: "v8", contains: []string{"= `theta`"}},
		{marker: "v9", contains: []string{"```text\nline1\nline2\n```"}},
		{marker: "v10", contains: []string{"= `raw\\tvalue`"}},
		{marker: "v11", contains: []string{"from `.env:12` = `lambda`"}},
		{marker: "pw", contains: []string{"is set in `.env:13`", "value hidden"}, excludes: []string{"hunter2"}},
		{marker: "tag", contains: []string{"**`TAG`** is not set", "default `latest`", "The whole value reads `app:latest`"}, span: "${TAG:-latest}"},
		{marker: "req", contains: []string{"is not set", "Compose stops with an error: set REQ first"}},
	})
}

func TestComposeHoverKeysAndRefs(t *testing.T) {
	runHoverCases(t, `
-- web/Dockerfile --
FROM nginx AS base
-- compose.yaml --
x-common: &«anchor»common
  restart: unless-stopped
  volumes:
    - logs:/var/log/app
x-limits: &limits
  mem_limit: 256m
services:
  web:
    image: «image»nginx:1.27
    «restart»restart: always
    pull_policy: «pull»missing
    depends_on: [«dep»api]
    networks: [«net»front]
    build: ./web
    x-«ext»note: 1
  «api»api:
    image: ghcr.io/acme/api:2
    <<: [*«alias»common, *limits]
    volumes:
      - data:/srv
    depends_on:
      db:
        «cond»condition: service_healthy
  db:
    image: postgres:16
networks:
  front:
    driver: bridge
volumes:
  logs:
  data:
`, []hoverCase{
		{marker: "restart", contains: []string{"**`restart`** — a service property", "Restart policy", "Allowed values: `no`, `always`, `on-failure`, `unless-stopped`", "https://docs.docker.com/reference/compose-file/services/#restart"}, span: "restart"},
		{marker: "pull", contains: []string{"**`pull_policy`**", "`missing`", "`always`"}, span: "missing"},
		{marker: "cond", contains: []string{"**`condition`**", "`service_healthy`", "`service_completed_successfully`"}},
		{marker: "ext", contains: []string{"extension field"}},
		{marker: "dep", contains: []string{"**service `api`**", "image: `ghcr.io/acme/api:2`"}, span: "api"},
		{marker: "api", contains: []string{"**service `api`**", "Effective configuration", "restart: unless-stopped", "mem_limit: 256m", "- data:/srv"}, excludes: []string{"logs:/var/log/app"}},
		{marker: "net", contains: []string{"**network `front`**", "driver: bridge"}},
		{marker: "anchor", contains: []string{"**anchor `&common`** on line 1, used by 1 alias", "restart: unless-stopped"}, span: "common"},
		{marker: "alias", contains: []string{"**anchor `&common`**"}, span: "common"},
		{marker: "image", contains: []string{"**image `nginx:1.27`**", "repository: `library/nginx`", "https://hub.docker.com/_/nginx"}},
	})
}

func TestComposeHoverExtendsAcrossFiles(t *testing.T) {
	runHoverCases(t, `
-- compose.yaml --
include:
  - ./infra/compose.infra.yaml
services:
  web:
    image: nginx:1.27
    depends_on:
      - «use»cache
-- infra/compose.infra.yaml --
services:
  «cache»cache:
    extends:
      file: ./base.yaml
      service: cachebase
-- infra/base.yaml --
services:
  cachebase:
    image: redis:7-alpine
-- base.yaml --
services:
  cachebase:
    image: memcached:1.6
`, []hoverCase{
		{marker: "cache", contains: []string{"**service `cache`**", "image: redis:7-alpine"}, excludes: []string{"memcached"}},
		{marker: "use", contains: []string{"**service `cache`**", "infra/compose.infra.yaml:2"}},
	})
}

func TestComposeHoverDegenerate(t *testing.T) {
	ws := testws.New(t, "-- a/compose.yaml --\n \n-- b/compose.yaml --\nservices:\n  web:\n    image: nginx\n-- c/compose.yaml --\n")
	for _, tc := range []struct {
		file   string
		offset int
	}{{"a/compose.yaml", 0}, {"a/compose.yaml", 1}, {"a/compose.yaml", 2}, {"b/compose.yaml", -1}, {"b/compose.yaml", 1000}, {"c/compose.yaml", 0}} {
		if _, err := hover.Hover(context.Background(), ws.Snapshot(), ws.URI(tc.file), tc.offset); err != nil {
			t.Errorf("%s at %d: %v", tc.file, tc.offset, err)
		}
	}
	got, err := hover.Hover(context.Background(), ws.Snapshot(), ws.URI("b/compose.yaml"), len("services:\n  web:\n    ima"))
	if err != nil || got == nil || !strings.Contains(got.Markdown, "**`image`**") {
		t.Errorf("hover on image after degenerate requests = %v, %v", got, err)
	}
}

func TestComposeHoverMakefileEnvFile(t *testing.T) {
	runHoverCases(t, "-- Makefile --\nup:\n\tdocker compose -f srcs/docker-compose.yml --env-file srcs/.env.prod up -d\n"+`
-- srcs/.env --
TAG=dev
-- srcs/.env.prod --
TAG=1.27
-- srcs/docker-compose.yml --
services:
  web:
    image: nginx:${«tag»TAG}
`, []hoverCase{
		{marker: "tag", contains: []string{"from `.env.prod:1` = `1.27`"}, excludes: []string{"dev"}},
	})
}
