package diagnostics_test

import "testing"

func TestComposeDiagnosticsInterpolation(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{name: "values with ${} are not schema errors", file: "compose.yaml", archive: `
-- compose.yaml --
services:
  app:
    image: registry.example.test/app:${APP_TAG:-latest}
    pull_policy: ${PULL_MODE:-missing}
    restart: ${RESTART_MODE:-unless-stopped}
    read_only: ${RO_ROOT:-false}
    ports:
      - "${HOST_PORT:-8080}:80"
    deploy:
      replicas: ${REPLICAS:-2}
  bad:
    image: alpine:3.20
    pull_policy: «bad»sometimes
`, want: []wantDiag{{"InvalidValue", "bad", "sometimes", "`sometimes` is not a valid value of `pull_policy`"}}},
		{name: "unset variable without default", file: "compose.yaml", archive: `
-- compose.yaml --
services:
  app:
    image: alpine
    pull_policy: ${«pull»PULL_MODE}
`, want: []wantDiag{{"UnsetVariable", "pull", "PULL_MODE", "variable `PULL_MODE` is not set"}}},
		{name: "variables from .env", file: "compose.yaml", archive: `
-- .env --
TAG=1.27
EMPTY=
PULL=sometimes
-- compose.yaml --
services:
  app:
    image: "nginx:${TAG}-${«nested»NESTED:-${«inner»INNER}}"
    command: echo ${«empty»EMPTY:?must not be empty} $$HOME ${«req»REQ?set REQ in .env}
    pull_policy: «pull»${PULL}
    environment:
      A: «broken»${1BAD}
      B: ${TAG:+${«alt»ALT}}
`, want: []wantDiag{
			{"UnsetVariable", "inner", "INNER", "`INNER` is not set"},
			{"RequiredVariable", "empty", "EMPTY", "required variable `EMPTY` is empty: must not be empty"},
			{"RequiredVariable", "req", "REQ", "required variable `REQ` is not set: set REQ in .env"},
			{"InvalidValue", "pull", "${PULL}", "`sometimes` is not a valid value of `pull_policy`"},
			{"InvalidInterpolation", "broken", "${1BAD}", "invalid interpolation `${1BAD}`"},
			{"UnsetVariable", "alt", "ALT", "`ALT` is not set"},
		}},
	})
}

func TestComposeDiagnosticsBuildAndFiles(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{name: "build target and args", file: "compose.yaml", archive: `
-- app/Dockerfile --
ARG BASE=alpine
FROM ${BASE} AS build
ARG VERSION
RUN echo $VERSION
FROM build AS final
-- compose.yaml --
services:
  app:
    build:
      context: ./app
      target: «target»dev
      args:
        VERSION: "1"
        «verion»VERION: "2"
        HTTP_PROXY: http://proxy
        BASE: debian
  ok:
    build:
      context: app
      target: final
  nodf:
    build:
      context: ./app
      dockerfile: «df»Dockerfile.dev
  noctx:
    build: «ctx»./missing
  filectx:
    build: «filectx»./app/Dockerfile
`, want: []wantDiag{
			{"UnknownBuildTarget", "target", "dev", "`dev` is not a stage of the Dockerfile; its stages are `build`, `final`"},
			{"UndeclaredBuildArg", "verion", "VERION", "did you mean `VERSION`?"},
			{"MissingBuildContext", "df", "Dockerfile.dev", "Dockerfile `Dockerfile.dev` does not exist"},
			{"MissingBuildContext", "ctx", "./missing", "build context `./missing` does not exist"},
			{"MissingBuildContext", "filectx", "./app/Dockerfile", "build context `./app/Dockerfile` is a file; it must be a folder"},
		}},
		{name: "missing files", file: "compose.yaml", archive: `
-- compose.yaml --
include:
  - «inc»other.yaml
services:
  app:
    image: x
    env_file:
      - «env»app.env
      - path: optional.env
        required: false
      - present.env
    extends:
      file: «ext»base.yaml
      service: base
secrets:
  s:
    file: «sec»./secret.txt
configs:
  c:
    file: ./present.env
-- present.env --
A=1
`, want: []wantDiag{
			{"MissingFile", "inc", "other.yaml", "included file `other.yaml` does not exist"},
			{"MissingFile", "env", "app.env", "env file `app.env` does not exist"},
			{"MissingFile", "ext", "base.yaml", "extended file `base.yaml` does not exist"},
			{"MissingResourceFile", "sec", "./secret.txt", "file `./secret.txt` does not exist"},
		}},
		{name: "secret files of the deploying machine", file: "srcs/compose.yaml", archive: `
-- srcs/compose.yaml --
services:
  db:
    image: mariadb:11
    secrets: [db_password, root_password, api_key]
secrets:
  db_password:
    file: ~/inception/secrets/db_password.txt
  root_password:
    file: /run/keys/root_password.txt
  api_key:
    file: «api»../secrets/api_key.txt
`, want: []wantDiag{
			{"MissingResourceFile", "api", "../secrets/api_key.txt", "file `../secrets/api_key.txt` does not exist"},
		}},
	})
}

func TestDotEnvDiagnostics(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{name: "case 018 is clean", file: ".env", archive: "-- .env --\n# service settings\nPLAIN=alpha\nQUOTED_D=\"beta gamma\"\nQUOTED_S='delta $PLAIN'\nEXPANDED=\"pre-${PLAIN}\"\nWITH_COMMENT=epsilon # trailing note\nHASH_INSIDE=zeta#not-a-comment\nQUOTED_HASH=\"eta # still value\"\nAFTER_QUOTE=\"theta\" # note\nESCAPED=\"line1\\nline2\"\nSINGLE_ESC='raw\\tvalue'\nexport EXPORTED=lambda\n"},
		{name: "errors and duplicates", file: ".env", archive: `
-- .env --
A=1
«dup»A=2
«space»B C=3
D«star»*=4
E=«quote»'open
F=ok
«last»LAST`, want: []wantDiag{
			{"DotEnvDuplicateKey", "dup", "A", "`A` is already set on line 1"},
			{"DotEnvSyntax", "space", "B C", "a key cannot contain a space"},
			{"DotEnvSyntax", "star", "*", "unexpected character \"*\""},
			{"DotEnvSyntax", "quote", "'open", "unterminated quoted value"},
			{"DotEnvMissingEquals", "last", "LAST", "`LAST` has no `=`"},
		}},
	})
}
