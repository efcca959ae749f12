package diagnostics

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// TestUndefinedVariableStandaloneImage checks that a script of an image
// that no compose service runs, whose variables come from "docker run
// -e", reports no variable as undefined.
func TestUndefinedVariableStandaloneImage(t *testing.T) {
	ws := testws.New(t, `
-- 16/Dockerfile --
FROM debian:bookworm-slim
ENV PGDATA=/var/lib/postgresql/data
COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
-- 16/docker-entrypoint.sh --
#!/usr/bin/env bash
if [ -z "$POSTGRES_PASSWORD" ]; then
	echo "set POSTGRES_PASSWORD for $PGDATA" >&2
fi
exec "$@"
`)
	checkScriptDiagnostics(t, ws, "16/docker-entrypoint.sh", nil)
}

// sourcingArchive reads variables before and after "." of files that the
// workspace holds and of one it does not.
const sourcingArchive = `
-- compose.yaml --
services:
  web:
    build: .
-- Dockerfile --
FROM debian:bookworm-slim
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- lib/common.sh --
COMMON_DIR=/srv
. ./lib/more.sh
-- lib/more.sh --
MORE_DIR=/opt
-- run.sh --
#!/bin/sh
echo "$«before»EARLY"
log() { echo "$LATE_IN_FUNCTION"; }
. ./lib/common.sh
echo "$COMMON_DIR $MORE_DIR $«known»NOT_IN_COMMON"
. /etc/apache2/envvars
echo "$APACHE_RUN_USER $AFTER_ENVVARS"
log
exec apache2 -DFOREGROUND
`

func TestUndefinedVariableAfterSource(t *testing.T) {
	ws := testws.New(t, sourcingArchive)
	checkScriptDiagnostics(t, ws, "run.sh", []scriptWant{
		{"before", "EARLY", Warning, "UndefinedVariable", "`EARLY` is not set by this script nor in the environment of service `web`"},
		{"known", "NOT_IN_COMMON", Warning, "UndefinedVariable", "`NOT_IN_COMMON` is not set"},
	})
}

// TestUndefinedVariableKnownNames checks the variables of Debian's apache2
// envvars and of bash, which no declaration of the workspace sets, in a
// script and in a config file.
func TestUndefinedVariableKnownNames(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  web:
    build: .
-- Dockerfile --
FROM debian:bookworm-slim
COPY --chmod=755 run.sh /run.sh
COPY site.conf /etc/apache2/sites-enabled/site.conf
ENTRYPOINT ["/run.sh"]
-- site.conf --
ErrorLog ${APACHE_LOG_DIR}/error.log
PidFile ${APACHE_PID_FILE}
Mutex file:${APACHE_LOCK_DIR} default
-- run.sh --
#!/bin/bash
mkdir -p "$APACHE_RUN_DIR" "$APACHE_LOG_DIR"
chown "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$APACHE_LOCK_DIR"
echo "${BASH_LINENO[0]} $BASH_SUBSHELL"
exec apache2 -DFOREGROUND
`)
	checkScriptDiagnostics(t, ws, "run.sh", nil)
	checkScriptDiagnostics(t, ws, "site.conf", nil)
}

// TestUndefinedVariableMissingEnvFile checks the message when an env_file
// that could set the variable is missing.
func TestUndefinedVariableMissingEnvFile(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  app:
    build: .
    env_file: [app.env, secrets/app.env]
-- app.env --
MODE=prod
-- Dockerfile --
FROM debian:bookworm-slim
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- run.sh --
#!/bin/sh
echo "$MODE $«token»APP_TOKEN"
exec "$@"
`)
	got := checkScriptDiagnostics(t, ws, "run.sh", []scriptWant{
		{"token", "APP_TOKEN", Warning, "UndefinedVariable", "`APP_TOKEN` is not set by this script nor in the environment of service `app`: no compose `environment` or Dockerfile `ENV` sets it, and the env_file `secrets/app.env` that may set it is missing"},
	})
	if strings.Contains(got[0].Message, "no compose `environment`, `env_file`") {
		t.Errorf("message %q says no env_file sets it", got[0].Message)
	}
}

// twoProjectsArchive defines the service app in two projects that build
// one Dockerfile, so that its script is in two containers named app.
const twoProjectsArchive = `
-- compose.yaml --
name: shop
services:
  app:
    build: app
    environment:
      DB_HOST: db
-- staging/compose.yaml --
name: staging
services:
  app:
    build: ../app
-- app/Dockerfile --
FROM debian:bookworm-slim
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- app/run.sh --
#!/bin/sh
echo "$«host»DB_HOST $«none»NOWHERE"
exec "$@"
`

func TestUndefinedVariableServiceNamesOnce(t *testing.T) {
	ws := testws.New(t, twoProjectsArchive)
	got := checkScriptDiagnostics(t, ws, "app/run.sh", []scriptWant{
		{"host", "DB_HOST", Warning, "UndefinedVariable", "`DB_HOST` is set for service `app` of project `shop` but not for service `app` of project `staging`"},
		{"none", "NOWHERE", Warning, "UndefinedVariable", "in the environment of service `app`:"},
	})
	for _, d := range got {
		if strings.Count(d.Message, "`app`") > 2 || strings.Contains(d.Message, "`app` and `app`") {
			t.Errorf("%s repeats the service: %s", d.Code, d.Message)
		}
	}
}

// TestContainerNamesOnce checks that a list of containers names each
// service once.
func TestContainerNamesOnce(t *testing.T) {
	ws := testws.New(t, twoProjectsArchive)
	diags := File(context.Background(), ws.Snapshot(), ws.URI("app/run.sh"))
	for _, d := range diags {
		if strings.Contains(d.Message, "services `app` and `app`") {
			t.Errorf("%s: %s", d.Code, d.Message)
		}
	}
}

// sourcingEntrypointArchive has entrypoints that end by reading another
// script, which may run the CMD, and one whose sourced file does not.
const sourcingEntrypointArchive = `
-- Dockerfile --
FROM debian:bookworm-slim AS upstream
COPY --chmod=755 wrapper.sh /wrapper.sh
ENTRYPOINT ["/wrapper.sh"]
CMD ["postgres"]

FROM debian:bookworm-slim AS dot
COPY --chmod=755 dot.sh /dot.sh
COPY --chmod=755 runs.sh /runs.sh
ENTRYPOINT ["/dot.sh"]
CMD ["postgres"]

FROM debian:bookworm-slim AS plain
COPY --chmod=755 plain.sh /plain.sh
COPY --chmod=755 setvars.sh /setvars.sh
ENTRYPOINT ["/plain.sh"]
CMD ["postgres"]
-- compose.yaml --
services:
  upstream:
    build: {context: ., target: upstream}
  dot:
    build: {context: ., target: dot}
  plain:
    build: {context: ., target: plain}
-- wrapper.sh --
#!/bin/bash
set -e
source /usr/local/bin/docker-entrypoint.sh
-- dot.sh --
#!/bin/sh
. /runs.sh
-- runs.sh --
exec "$@"
-- plain.sh --
#!/bin/sh
«plain». /setvars.sh
-- setvars.sh --
MODE=prod
`

func TestEntrypointIgnoresCmdSourcing(t *testing.T) {
	ws := testws.New(t, sourcingEntrypointArchive)
	checkScriptDiagnostics(t, ws, "wrapper.sh", nil)
	checkScriptDiagnostics(t, ws, "dot.sh", nil)
	checkScriptDiagnostics(t, ws, "plain.sh", []scriptWant{
		{"plain", ". /setvars.sh", Warning, "EntrypointIgnoresCmd", "so the command `postgres` of service `plain` is ignored"},
	})
}

// TestEntrypointIgnoresCmdManyServices checks that the message names the
// last command only and counts the others.
func TestEntrypointIgnoresCmdManyServices(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- compose.yaml --\nservices:\n")
	for _, name := range []string{"a1", "a2", "a3", "a4"} {
		b.WriteString("  " + name + ":\n    build: .\n    command: [\"serve\", \"--name\", \"" + name + "\"]\n")
	}
	b.WriteString("-- Dockerfile --\nFROM alpine:3.20\nCOPY --chmod=755 run.sh /run.sh\nENTRYPOINT [\"/run.sh\"]\n")
	b.WriteString("-- run.sh --\n#!/bin/sh\n«last»echo ready\n")
	ws := testws.New(t, b.String())
	got := checkScriptDiagnostics(t, ws, "run.sh", []scriptWant{
		{"last", "echo ready", Warning, "EntrypointIgnoresCmd", "so the command `serve --name a4` of service `a4` and the commands of 3 other containers are ignored; end the script with `exec \"$@\"`"},
	})
	if strings.Contains(got[0].Message, "a1") || len(got[0].Related) != 4 {
		t.Errorf("message %q with %d related locations; want only a4 named and 4 locations", got[0].Message, len(got[0].Related))
	}
}
