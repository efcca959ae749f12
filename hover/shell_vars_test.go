package hover_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/internal/testws"
)

// varsArchive runs one script in two services with different
// environments; a config template and a secret are in the image too.
const varsArchive = `
-- Makefile --
«mk»up:
	docker compose up -d
-- .env --
DOMAIN=example.org
DB_PASSWORD=hunter2
-- compose.yaml --
services:
  «apikey»api:
    build: app
    environment:
      DOMAIN: ${DOMAIN}
      DB_PASSWORD: ${DB_PASSWORD}
      ROLE: api
    secrets: [db_password]
    ports: ["8080:80"]
    networks: [front]
  worker:
    build: app
    env_file: worker.env
    command: ["work"]
secrets:
  db_password:
    file: db_password.txt
-- worker.env --
ROLE=worker
-- db_password.txt --
hunter2
-- app/Dockerfile --
FROM alpine:3.20
ENV LANG=C.UTF-8
ARG BUILD_ONLY=1
COPY --chmod=755 start.sh /usr/local/bin/start.sh
COPY site.conf.template /etc/nginx/templates/site.conf.template
EXPOSE 80
ENTRYPOINT ["start.sh"]
CMD ["serve"]
-- app/start.sh --
#!/bin/sh
# Waits for the database.
# Gives up after a minute.
«fndef»wait_db() {
	echo "waiting"
}
count=0
echo "é😀	$«role»ROLE $«lang»LANG $«dom»DOMAIN $«pw»DB_PASSWORD $«cnt»count $«home»HOME $«arg»BUILD_ONLY"
pass=$(cat /run/secrets/«secret»db_password)
«fncall»wait_db
exec "$@"
-- app/site.conf.template --
server_name ${«tpl»DOMAIN};
`

func TestShellVarHover(t *testing.T) {
	runHoverCases(t, varsArchive, []hoverCase{
		{marker: "role", span: "ROLE", contains: []string{
			"**`ROLE`**",
			"- service `api`: `api`, from compose `environment` at `compose.yaml:7`",
			"- service `worker`: `worker`, from `env_file` at `worker.env:1`",
		}},
		{marker: "lang", span: "LANG", contains: []string{"- service `api`: `C.UTF-8`, from Dockerfile `ENV` at `app/Dockerfile:2`"}},
		{marker: "dom", span: "DOMAIN", contains: []string{
			"- service `api`: `example.org`, from compose `environment` at `compose.yaml:5` (`${DOMAIN}` read from `.env:1`)",
			"- service `worker`: not set",
		}},
		{marker: "pw", span: "DB_PASSWORD", contains: []string{"set (value hidden: the name looks like a secret), from compose `environment` at `compose.yaml:6`"}, excludes: []string{"hunter2"}},
		{marker: "cnt", span: "count", contains: []string{"set in this script at line 7: `0`", "- service `api`: not set"}},
		{marker: "home", span: "HOME", contains: []string{"Docker sets it from the user's entry in /etc/passwd"}},
		{marker: "arg", span: "BUILD_ONLY", contains: []string{"not set when the container runs; it is a build argument (Dockerfile ARG at `app/Dockerfile:3`)"}},
		{marker: "secret", span: "db_password", contains: []string{
			"**secret file `/run/secrets/db_password`**",
			"- service `api`: secret `db_password` declared at `compose.yaml:16`, from the file `db_password.txt`",
			"- service `worker`: not mounted",
		}, excludes: []string{"hunter2"}},
		{marker: "fndef", span: "wait_db", contains: []string{"**function `wait_db`** defined at line 4, called 1 time", "Waits for the database. Gives up after a minute.", "```sh\nwait_db() {\n```"}},
		{marker: "fncall", span: "wait_db", contains: []string{"**function `wait_db`** defined at line 4"}},
	})
}

func TestConfigTemplateHover(t *testing.T) {
	runHoverCases(t, varsArchive, []hoverCase{
		{marker: "tpl", span: "DOMAIN", contains: []string{"**`DOMAIN`**", "- service `api`: `example.org`", "- service `worker`: not set"}},
	})
}

func TestServiceChainHover(t *testing.T) {
	runHoverCases(t, varsArchive, []hoverCase{
		{marker: "apikey", contains: []string{
			"**How `api` runs**",
			"1. started by `make up` at `Makefile:1`",
			"2. service `api` at `compose.yaml:2`",
			"3. Dockerfile `app/Dockerfile` from `alpine:3.20`",
			"4. entrypoint `app/start.sh` as `/usr/local/bin/start.sh` (`app/Dockerfile:7`), then command `serve` (`app/Dockerfile:8`)",
			"5. ports: published `8080:80`; exposed `80`",
			"6. networks: `front`",
			"7. environment: 4 variables (3 from compose `environment`, 1 from Dockerfile `ENV`)",
			"8. secrets: `/run/secrets/db_password`",
		}, excludes: []string{"hunter2"}},
	})
}

func TestShellVarHoverDegenerate(t *testing.T) {
	ws := testws.New(t, varsArchive)
	uri := ws.URI("app/start.sh")
	for _, offset := range []int{-1, 0, len(ws.Content("app/start.sh")), len(ws.Content("app/start.sh")) + 5} {
		if _, err := hover.Hover(context.Background(), ws.Snapshot(), uri, offset); err != nil {
			t.Errorf("hover at %d: %v", offset, err)
		}
	}
	// A script no container holds still shows its own assignments.
	ws = testws.New(t, "-- lone.sh --\n#!/bin/sh\nX=1\necho \"$X\"\n")
	got, err := hover.Hover(context.Background(), ws.Snapshot(), ws.URI("lone.sh"), strings.Index(string(ws.Content("lone.sh")), "$X")+1)
	if err != nil || got == nil || !strings.Contains(got.Markdown, "set in this script at line 2: `1`") {
		t.Errorf("hover of $X in a lone script = %+v, %v", got, err)
	}
}

// TestShellHoverEveryOffset requests a hover at every offset of a script
// that two containers contain. No hover may fail or span outside the content.
func TestShellHoverEveryOffset(t *testing.T) {
	ws := testws.New(t, varsArchive)
	uri := ws.URI("app/start.sh")
	content := ws.Content("app/start.sh")
	for offset := 0; offset <= len(content); offset++ {
		got, err := hover.Hover(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil {
			t.Fatalf("hover at %d: %v", offset, err)
		}
		if got != nil && (got.Span.Start > offset || got.Span.End < offset || got.Span.End > len(content)) {
			t.Errorf("hover at %d spans %v", offset, got.Span)
		}
	}
}

// TestShebangHoverNamesServiceOnce checks that a service that the compose
// files of two projects define is named once on the "#!" line.
func TestShebangHoverNamesServiceOnce(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  app:
    build: .
-- staging/compose.yaml --
services:
  app:
    build: ..
    environment:
      MODE: dev
-- Dockerfile --
FROM alpine:3.20
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- run.sh --
#!/bin/«sb»sh
exec "$@"
`)
	uri, offset := ws.Marker("sb")
	got, err := hover.Hover(context.Background(), ws.Snapshot(), uri, offset)
	if err != nil || got == nil {
		t.Fatalf("hover on the #! line = %v, %v; want the services", got, err)
	}
	if first, _, _ := strings.Cut(got.Markdown, "\n"); first != "Runs in the container of `app`." {
		t.Errorf("first line %q, want the service named once", first)
	}
}

// TestScriptVarHoverKnownNames checks the hover of a variable that
// Debian's apache2 package sets.
func TestScriptVarHoverKnownNames(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  web:
    build: .
-- Dockerfile --
FROM debian:bookworm-slim
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- run.sh --
#!/bin/sh
mkdir -p "$«log»APACHE_LOG_DIR"
`)
	uri, offset := ws.Marker("log")
	got, err := hover.Hover(context.Background(), ws.Snapshot(), uri, offset)
	if err != nil || got == nil || !strings.Contains(got.Markdown, "`/etc/apache2/envvars`") {
		t.Errorf("hover on APACHE_LOG_DIR = %+v, %v; want where apache2 sets it", got, err)
	}
}
