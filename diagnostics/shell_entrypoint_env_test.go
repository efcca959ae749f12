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
