package diagnostics

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// wantDiag is an expected diagnostic: its code and severity, and markers
// around its Span ("" for from and to means the Span is not checked).
type wantDiag struct {
	code     string
	severity Severity
	from, to string
}

// dockerDiags returns the diagnostics of the workspace's Dockerfile.
func dockerDiags(t *testing.T, ws *testws.WS, rel string) []*Diagnostic {
	t.Helper()
	return File(context.Background(), ws.Snapshot(), ws.URI(rel))
}

func describeDiags(content []byte, diags []*Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "\n  %s %s %v %q: %s", d.Severity, d.Code, d.Span, content[d.Span.Start:d.Span.End], d.Message)
	}
	return b.String()
}

// checkDiags compares the diagnostics with want. Only the codes in want
// are compared unless all is set, in which case any other diagnostic
// fails the test.
func checkDiags(t *testing.T, ws *testws.WS, rel string, diags []*Diagnostic, want []wantDiag, all bool) {
	t.Helper()
	codes := map[string]bool{}
	for _, w := range want {
		codes[w.code] = true
	}
	type key struct {
		code string
		span position.Span
	}
	var got []*Diagnostic
	for _, d := range diags {
		if all || codes[d.Code] {
			got = append(got, d)
		}
	}
	content := ws.Content(rel)
	if len(got) != len(want) {
		t.Fatalf("input:\n%s\nwant %d diagnostics %v, got %d:%s", content, len(want), want, len(got), describeDiags(content, got))
	}
	sort.SliceStable(want, func(i, j int) bool { return markerOffset(ws, want[i].from) < markerOffset(ws, want[j].from) })
	for i, w := range want {
		d := got[i]
		if d.Code != w.code {
			t.Errorf("diagnostic %d: want code %s, got%s", i, w.code, describeDiags(content, []*Diagnostic{d}))
			continue
		}
		if w.severity != 0 && d.Severity != w.severity {
			t.Errorf("%s: want severity %s, got %s", w.code, w.severity, d.Severity)
		}
		if w.from != "" {
			_, start := ws.Marker(w.from)
			_, end := ws.Marker(w.to)
			if d.Span != (position.Span{Start: start, End: end}) {
				t.Errorf("%s: want Span %q, got%s", w.code, content[start:end], describeDiags(content, []*Diagnostic{d}))
			}
		}
	}
}

func markerOffset(ws *testws.WS, name string) int {
	if name == "" {
		return 0
	}
	_, offset := ws.Marker(name)
	return offset
}

func TestPlantedDockerfileProblems(t *testing.T) {
	ws := testws.New(t, `
-- planted/tools/entrypoint.sh --
#!/bin/sh
exec "$@"
-- planted/Dockerfile --
# Five planted problems
ARG DEBIAN_VERSION=bookworm
FROM debian:«a1»${DEBIAN_RELEASE}«a2» AS base
«m1»MAINTAINER«m2» ops@example.com
«r1»Run«r2» apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*
COPY tools/entrypoint.sh /usr/local/bin/entrypoint.sh
«u1»RUNN«u2» chmod +x /usr/local/bin/entrypoint.sh
EXPOSE 443
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
CMD «j1»['nginx', '-g', 'daemon off;']«j2»
`)
	diags := dockerDiags(t, ws, "planted/Dockerfile")
	checkDiags(t, ws, "planted/Dockerfile", diags, []wantDiag{
		{"UndefinedArgInFrom", Warning, "a1", "a2"},
		{"InvalidDefaultArgInFrom", Warning, "", ""},
		{"MaintainerDeprecated", Warning, "m1", "m2"},
		{"ConsistentInstructionCasing", Warning, "r1", "r2"},
		{"UnknownInstruction", Error, "u1", "u2"},
		{"JSONArgsRecommended", Warning, "j1", "j2"},
		{"InvalidExecForm", Warning, "j1", "j2"},
	}, true)
	for _, d := range diags {
		switch d.Code {
		case "UnknownInstruction":
			if !strings.Contains(d.Message, "did you mean `RUN`") || len(d.Fixes) != 1 {
				t.Errorf("unknown instruction: want a RUN suggestion and a fix, got %q with %d fixes", d.Message, len(d.Fixes))
			}
		case "InvalidExecForm":
			if len(d.Fixes) != 1 || d.Fixes[0].Edits[ws.URI("planted/Dockerfile")][0].NewText != `["nginx", "-g", "daemon off;"]` {
				t.Errorf("exec form fix: got %+v", d.Fixes)
			}
		}
		if d.Code == "UndefinedArgInFrom" && d.CodeHref != "https://docs.docker.com/go/dockerfile/rule/undefined-arg-in-from/" {
			t.Errorf("UndefinedArgInFrom href = %q", d.CodeHref)
		}
	}
}

// caseTests are whole-file diagnostics tests: every diagnostic must be
// listed.
var caseTests = []struct {
	name string
	src  string
	want []wantDiag
}{
	{"heredoc blank line is not a continuation", "FROM alpine:3.20\nRUN <<BODY\necho \"one\"\n\necho \"two\"\nBODY\nCOPY <<DIFF /tmp/change.patch\n--- a/conf\n+++ b/conf\n\n # unchanged line\nDIFF\n", nil},
	{"empty continuation line warns", "FROM alpine:3.20\nRUN echo one && \\\n«e1»\n«e2»    echo two\n", []wantDiag{{"NoEmptyContinuation", Warning, "e1", "e2"}}},
	{"backslash-escaped heredoc word", "FROM debian:12\nCOPY <<-\\PAYLOAD /opt/data.txt\n  value is '$BUILD_FLAVOR'\nPAYLOAD\nCMD [\"cat\", \"/opt/data.txt\"]\n", nil},
	{"quoted heredoc opener after typing", "FROM debian:12\nRUN <<'PATCHEND' tee /dev/stderr | git apply\ndiff --git a/x b/x\n-old\n+new\nPATCHEND\n", nil},
	{"comment after heredoc terminator", "FROM alpine:3.20\nRUN <<STEP\n  echo ready\nSTEP\n# trailing note\nRUN echo after\n", nil},
	{"empty heredoc body", "FROM alpine:3.20\nRUN <<STEP bash\nSTEP\nRUN echo next\n", nil},
	{"heredoc terminator at end of file", "FROM alpine:3.20\nRUN <<STEP\necho last\nSTEP", nil},
	{"heredoc opener on continued line", "FROM alpine:3.20\nRUN apk add --no-cache bash && \\\n    cat <<CFG > /etc/app.conf\nkey=value\nCFG\nRUN echo done\n", nil},
	{"heredoc interpreter after opener", "FROM debian:12\nRUN <<STEPS bash\nset -euo pipefail\nprintf 'x\\n' | wc -l\nSTEPS\n", nil},
	{"heredoc interpreter from shebang", "FROM debian:12\nRUN <<STEPS\n#!/usr/bin/env bash\nset -eux -o pipefail\necho 'abc' | cat\nSTEPS\n", nil},
	{"python heredoc is not shell", "FROM debian:12\nRUN <<STEPS python3\nprint('a' | 'b')\nSTEPS\n", nil},
	{"exec form has no shell", "FROM debian:12\nRUN [\"/usr/local/bin/tool\", \"$TOOL_ARG\"]\n", nil},
	{"shell form unquoted variable", "FROM debian:12\nRUN /usr/local/bin/tool «q1»$TOOL_ARG«q2»\n", []wantDiag{{"UnquotedVariable", Hint, "q1", "q2"}}},
	{"unquoted COPY heredoc expands", "FROM ubuntu:24.04\nCOPY <<PROFILE /etc/profile.d/locale.sh\nexport LC_ALL=C.UTF-8\nexport LANG=«v1»$LC_ALL«v2»\nPROFILE\n", []wantDiag{{"UndefinedVar", Warning, "v1", "v2"}}},
	{"quoted COPY heredoc is literal", "FROM ubuntu:24.04\nCOPY <<\"PROFILE\" /etc/profile.d/locale.sh\nexport LC_ALL=C.UTF-8\nexport LANG=$LC_ALL\nPROFILE\n", nil},
	{"single-quoted COPY heredoc is literal", "FROM ubuntu:24.04\nCOPY <<'PROFILE' /etc/profile.d/locale.sh\nexport LANG=$LC_ALL\nPROFILE\n", nil},
	{"RUN heredoc expands at run time", "FROM ubuntu:24.04\nRUN <<PROFILE\nexport LC_ALL=C.UTF-8\nexport LANG=$LC_ALL\nPROFILE\n", nil},
	{"declared ARG in COPY heredoc", "ARG LC_ALL=C.UTF-8\nFROM ubuntu:24.04\nARG LC_ALL\nCOPY <<PROFILE /etc/profile.d/locale.sh\nexport LANG=$LC_ALL\nPROFILE\n", nil},
	{"keyword split over empty line", "FROM alpine:3.20\nFR\\\n«e1»\n«e2»OM scratch\n", []wantDiag{{"NoEmptyContinuation", Warning, "e1", "e2"}}},
	{"backslash inside keyword", "FROM alpine:3.20\n«k1»EXPOS\\«k2» 8080\n", []wantDiag{{"UnknownInstruction", Error, "k1", "k2"}}},
	{"keyword glued to continuation", "FROM alpine:3.20\n«k1»HEALTHCHECK\\\nNONE«k2»\n", []wantDiag{{"UnknownInstruction", Error, "k1", "k2"}}},
	{"backtick escape file", "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nLABEL owner=\"team-a\" `\n      purpose=\"demo\"\nRUN move .\\x64\\Tools .\\Tools\n", nil},
	{"directive after blank line is a comment", "\n#escape=a\nFROM alpine:3.20\n", nil},
	{"blank escape directive", "#escape=«e1»   «e2»\nFROM alpine:3.20\n", []wantDiag{{"ParseError", Error, "e1", "e2"}}},
	{"EXPOSE with variables", "FROM scratch\nARG SVC_PORT\nEXPOSE $SVC_PORT\nARG ALT_PORT=9000\nENV LISTEN_PORT=$ALT_PORT\nEXPOSE \"$LISTEN_PORT\"\nEXPOSE \"$ALT_PORT\"/udp\nEXPOSE 8080/tcp 9090/udp\nEXPOSE «p1»http«p2»\n", []wantDiag{{"InvalidPort", Error, "p1", "p2"}}},
	{"ARG scope across FROM has no build-time use", "ARG BASE_TAG=3.20\nFROM alpine:$BASE_TAG\nRUN echo \"tag=$BASE_TAG\"\nARG BASE_TAG\nRUN echo \"tag=$BASE_TAG\"\nFROM alpine:$BASE_TAG AS second\nRUN echo \"tag=$BASE_TAG\"\n", nil},
	{"no trailing newline", "FROM alpine:3.20", nil},
	{"empty file", "«n1»«n2»", []wantDiag{{"ParseError", Error, "n1", "n2"}}},
}

func TestDockerfileCases(t *testing.T) {
	for _, tt := range caseTests {
		t.Run(tt.name, func(t *testing.T) {
			ws := testws.New(t, "-- Dockerfile --\n"+tt.src)
			checkDiags(t, ws, "Dockerfile", dockerDiags(t, ws, "Dockerfile"), tt.want, true)
		})
	}
}

func TestUnbalancedHeredocQuoteWhileTyping(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\nFROM debian:12\nRUN <<'PATCHEND tee /dev/stderr | git apply\ndiff --git a/x b/x\n-old\n+new\nPATCHEND\n")
	content := ws.Content("Dockerfile")
	lineStart := strings.Index(string(content), "RUN")
	secondLineEnd := strings.Index(string(content), "-old")
	found := false
	for _, d := range dockerDiags(t, ws, "Dockerfile") {
		if d.Severity == Error && d.Span.Start >= lineStart && d.Span.Start < secondLineEnd {
			found = true
		}
	}
	if !found {
		t.Errorf("want an error on line 1 or 2 of %q", content)
	}
}

func TestHereStringIsNotHeredoc(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\nFROM debian:12\nRUN cat <<<HERESTR\n«s1»some«s2» text\n«h1»HERESTR«h2»\n")
	checkDiags(t, ws, "Dockerfile", dockerDiags(t, ws, "Dockerfile"), []wantDiag{
		{"UnknownInstruction", Error, "s1", "s2"},
		{"UnknownInstruction", Error, "h1", "h2"},
	}, true)
}

func TestUTF8BOMFirstLine(t *testing.T) {
	src := "\uFEFF# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<STEP\necho ok\nSTEP\n"
	ws := testws.New(t, "-- Dockerfile --\n"+src)
	if diags := dockerDiags(t, ws, "Dockerfile"); len(diags) != 0 {
		t.Errorf("from disk with BOM: want no diagnostics, got%s", describeDiags(ws.Content("Dockerfile"), diags))
	}
	for _, text := range []string{src, strings.TrimPrefix(src, "\uFEFF")} {
		snap := ws.Session.Open(ws.URI("Dockerfile"), "dockerfile", 2, []byte(text))
		if diags := File(context.Background(), snap, ws.URI("Dockerfile")); len(diags) != 0 {
			t.Errorf("opened %q: want no diagnostics, got%s", text[:4], describeDiags([]byte(text), diags))
		}
	}
}
