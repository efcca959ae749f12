package diagnostics

import (
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// realWorldTests are patterns from public Dockerfiles (official images and
// sample projects), written anew, that docker builds without complaint.
// Each case lists the diagnostics of one code; nil means none.
var realWorldTests = []struct {
	name string
	code string
	src  string
	want []wantDiag
}{
	{"apt-get dist-clean removes the lists", "AptGetListsNotCleaned",
		"FROM debian:13\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tca-certificates \\\n\t; \\\n\tapt-get dist-clean\n", nil},
	{"quoted lists path", "AptGetListsNotCleaned",
		"FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf \"/var/lib/apt/lists\"/*\n", nil},
	{"builder stage only copied from", "AptGetListsNotCleaned",
		"FROM debian:12 AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nFROM debian:12\nCOPY --from=builder /out /out\nRUN apt-get «a1»update«a2» && apt-get install -y --no-install-recommends curl\n",
		[]wantDiag{{"AptGetListsNotCleaned", Information, "a1", "a2"}}},
	{"builder stage used as base keeps lists", "AptGetListsNotCleaned",
		"FROM debian:12 AS base\nRUN apt-get «a1»update«a2» && apt-get install -y --no-install-recommends gcc\nFROM base\nCOPY --from=base /out /out\n",
		[]wantDiag{{"AptGetListsNotCleaned", Information, "a1", "a2"}}},
	{"apt-get install --simulate asks nothing", "AptGetMissingYes",
		"FROM debian:12\nRUN if apt-get install -s \"pkg-$V\" > /dev/null 2>&1; then apt-get install -y --no-install-recommends \"pkg-$V\"; fi\n", nil},
	{"apt-get install --simulate installs nothing", "AptGetInstallRecommends",
		"FROM debian:12\nRUN apt-get install --simulate pkg\n", nil},
	{"apt-get option value is not the subcommand", "AptGetMissingYes",
		"FROM debian:12\nRUN apt-get -o Acquire::Retries=3 «a1»install«a2» curl\nRUN apt-get -o APT::Get::Assume-Yes=true install --no-install-recommends git\n",
		[]wantDiag{{"AptGetMissingYes", Warning, "a1", "a2"}}},
	{"cd inside a long script", "RunCd",
		"FROM debian:12\nRUN set -eux; \\\n\tapt-get update; \\\n\tcd /usr/src/app; \\\n\t./configure; \\\n\tcd /; \\\n\trm -rf /usr/src/app\n", nil},
	{"cd after set starts the script", "RunCd",
		"FROM debian:12\nRUN set -eux; «c1»cd«c2» /src; make\nRUN set -e && «c3»cd«c4» /app && make\n",
		[]wantDiag{{"RunCd", Information, "c1", "c2"}, {"RunCd", Information, "c3", "c4"}}},
	{"lists meant to split", "UnquotedVariable",
		"FROM alpine:3.20\nENV PHPIZE_DEPS autoconf file g++ make\nRUN apk add --no-cache --virtual .build-deps $PHPIZE_DEPS\nRUN savedAptMark=\"$(apt-mark showmanual)\"; apt-mark manual $savedAptMark\n", nil},
	{"variables with a known value", "UnquotedVariable",
		"FROM alpine:3.20\nENV GOSU_VERSION 1.17\nRUN wget -O /usr/local/bin/gosu https://example.com/${GOSU_VERSION}/gosu\nRUN dir=/tmp/build; mkdir -p $dir\nRUN for m in a b; do echo $m; done\nRUN echo $NGINX_VERSION\n", nil},
	{"variable from a command", "UnquotedVariable",
		"FROM alpine:3.20\nRUN tmp=\"$(mktemp -d)\"; rm -rf «u1»$tmp«u2»\nRUN dir=/tmp/a; dir=$(pwd); ls «u3»$dir«u4»\n",
		[]wantDiag{{"UnquotedVariable", Hint, "u1", "u2"}, {"UnquotedVariable", Hint, "u3", "u4"}}},
	{"Windows path in legacy ENV", "WorkdirRelativePath",
		"FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV GOPATH C:\\\\go\nWORKDIR $GOPATH\n", nil},
	{"relative path from ENV", "WorkdirRelativePath",
		"FROM scratch\nENV DIR=app\nWORKDIR «w1»$DIR«w2»\n", []wantDiag{{"WorkdirRelativePath", Warning, "w1", "w2"}}},
}

func TestDockerfileRealWorldPatterns(t *testing.T) {
	for _, tt := range realWorldTests {
		t.Run(tt.name, func(t *testing.T) {
			ws := testws.New(t, "-- Dockerfile --\n"+tt.src)
			diags := dockerDiags(t, ws, "Dockerfile")
			if tt.want == nil {
				for _, d := range diags {
					if d.Code == tt.code {
						t.Fatalf("input:\n%s\nwant no %s, got:%s", ws.Content("Dockerfile"), tt.code, describeDiags(ws.Content("Dockerfile"), []*Diagnostic{d}))
					}
				}
				return
			}
			checkDiags(t, ws, "Dockerfile", diags, tt.want, false)
		})
	}
}

// TestDockerfileTemplateNotChecked checks that a Dockerfile template, by
// name or by its "{{ ... }}" lines, gets no diagnostics, while a
// Dockerfile with "{{" inside a RUN is still checked.
func TestDockerfileTemplateNotChecked(t *testing.T) {
	ws := testws.New(t, `
-- jq/Dockerfile --
{{ if env.variant == "alpine" then ( -}}
FROM alpine:{{ .alpine.version }}
{{ ) else ( -}}
FROM debian:{{ .debian.version }}-slim
{{ ) end -}}
ENV VERSION {{ .version }}
-- named/Dockerfile.template --
FROM ubuntu:%%SUITE%%
MAINTAINER me
-- jinja/Dockerfile --
{% if slim %}
FROM debian:12-slim
{% endif %}
-- real/Dockerfile --
FROM alpine:3.20
RUN docker inspect --format '{{.Id}}' x
«m1»MAINTAINER«m2» me
`)
	for _, rel := range []string{"jq/Dockerfile", "named/Dockerfile.template", "jinja/Dockerfile"} {
		if diags := dockerDiags(t, ws, rel); len(diags) > 0 {
			t.Errorf("%s: want no diagnostics, got:%s", rel, describeDiags(ws.Content(rel), diags))
		}
	}
	checkDiags(t, ws, "real/Dockerfile", dockerDiags(t, ws, "real/Dockerfile"), []wantDiag{{"MaintainerDeprecated", Warning, "m1", "m2"}}, true)
}
