package diagnostics

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// composeArgCases are Dockerfiles whose ARGs have no default, built by
// compose services that pass them, or some of them, in build.args.
var composeArgCases = []struct {
	name    string
	archive string
	want    []wantDiag
	// services are the names the message must quote, as `name`.
	services []string
}{
	{"every service passes the base image", `
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        BASE_IMAGE: alpine:3.20
  worker:
    build:
      context: .
      args: ["BASE_IMAGE=alpine:3.20"]
-- Dockerfile --
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
`, nil, nil},
	{"one service does not pass it", `
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        BASE_IMAGE: alpine:3.20
  worker:
    build: .
-- Dockerfile --
ARG BASE_IMAGE
FROM «i1»${BASE_IMAGE}«i2»
`, []wantDiag{{"InvalidDefaultArgInFrom", Warning, "i1", "i2"}}, []string{"worker"}},
	{"value from the project .env", `
-- .env --
BASE_TAG=3.20
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        - TAG=${BASE_TAG}
        - BASE
-- Dockerfile --
ARG BASE
ARG TAG
FROM ${BASE}:${TAG}
`, []wantDiag{{"InvalidDefaultArgInFrom", Warning, "", ""}}, []string{"app"}},
	{"entry without value read from .env", `
-- .env --
BASE=alpine
-- compose.yaml --
services:
  app:
    build:
      context: .
      args: [BASE]
-- Dockerfile --
ARG BASE
FROM ${BASE}:3.20
`, nil, nil},
	{"value compose cannot compute counts as passed", `
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        BASE: ${FROM_CI}
-- Dockerfile --
ARG BASE
FROM $BASE
`, nil, nil},
	{"no compose build keeps the buildkit check", `
-- Dockerfile --
ARG BASE
FROM «i1»$BASE«i2»
`, []wantDiag{{"InvalidDefaultArgInFrom", Warning, "i1", "i2"}}, nil},
	{"other Dockerfile of the project is not affected", `
-- compose.yaml --
services:
  app:
    build:
      context: other
      args:
        BASE: alpine:3.20
-- other/Dockerfile --
FROM scratch
-- Dockerfile --
ARG BASE
FROM «i1»$BASE«i2»
`, []wantDiag{{"InvalidDefaultArgInFrom", Warning, "i1", "i2"}}, nil},
	{"workdir from a passed arg", `
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        APP_DIR: /srv/app
-- Dockerfile --
FROM alpine:3.20
ARG APP_DIR
WORKDIR $APP_DIR
`, nil, nil},
	{"workdir arg missing in one service", `
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        APP_DIR: /srv/app
  cron:
    build:
      context: .
      args:
        APP_DIR: relative/dir
-- Dockerfile --
FROM alpine:3.20
ARG APP_DIR
WORKDIR «w1»$APP_DIR«w2»
`, []wantDiag{{"WorkdirRelativePath", Warning, "w1", "w2"}}, []string{"cron"}},
	{"undeclared arg is ignored by buildkit", `
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        BASE_IMAGE: alpine:3.20
-- Dockerfile --
FROM «u1»${BASE_IMAGE}«u2»
`, []wantDiag{{"UndefinedArgInFrom", Warning, "u1", "u2"}}, []string{"app"}},
}

func TestComposeBuildArgsInFrom(t *testing.T) {
	for _, tc := range composeArgCases {
		t.Run(tc.name, func(t *testing.T) {
			ws := testws.New(t, tc.archive)
			diags := dockerDiags(t, ws, "Dockerfile")
			want := tc.want
			if want == nil {
				for _, code := range []string{"InvalidDefaultArgInFrom", "UndefinedArgInFrom", "WorkdirRelativePath"} {
					for _, d := range diags {
						if d.Code == code {
							t.Errorf("want no %s, got %s", code, describeDiags(ws.Content("Dockerfile"), []*Diagnostic{d}))
						}
					}
				}
				return
			}
			checkDiags(t, ws, "Dockerfile", diags, want, false)
			for _, d := range diags {
				if d.Code != want[0].code {
					continue
				}
				for _, service := range tc.services {
					if !strings.Contains(d.Message, "`"+service+"`") {
						t.Errorf("message %q does not name service %q", d.Message, service)
					}
				}
				if len(d.Related) != len(tc.services) {
					t.Errorf("want %d related service keys, got %d", len(tc.services), len(d.Related))
				}
			}
		})
	}
}
