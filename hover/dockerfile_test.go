package hover

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

func dockerHoverAt(t *testing.T, ws *testws.WS, marker string) *Result {
	t.Helper()
	uri, offset := ws.Marker(marker)
	res, err := Hover(context.Background(), ws.Snapshot(), uri, offset)
	if err != nil {
		t.Fatalf("hover at «%s»: %v", marker, err)
	}
	return res
}

// TestDockerfileArgScopeAcrossFrom checks the value of a variable in scope
// at each use: a global ARG is visible in FROM lines only, unless a stage
// declares it again, which then inherits the default.
func TestDockerfileArgScopeAcrossFrom(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\n"+
		"ARG BASE_TAG=3.20\n"+
		"FROM alpine:«e1»$B«h1»ASE_TAG«e2»\n"+
		"RUN echo \"tag=«e3»$B«h2»ASE_TAG«e4»\"\n"+
		"ARG BASE_TAG\n"+
		"RUN echo \"tag=«e5»$B«h3»ASE_TAG«e6»\"\n"+
		"FROM alpine:«e7»$B«h4»ASE_TAG«e8» AS second\n"+
		"RUN echo \"tag=«e9»$B«h5»ASE_TAG«e10»\"\n")
	tests := []struct {
		at, from, to string
		want         string
	}{
		{"h1", "e1", "e2", "Value: `3.20`"},
		{"h2", "e3", "e4", "Not defined here"},
		{"h3", "e5", "e6", "Value: `3.20` (the default of the global ARG on line 1)"},
		{"h4", "e7", "e8", "Value: `3.20`"},
		{"h5", "e9", "e10", "Not defined here"},
	}
	for _, tt := range tests {
		res := dockerHoverAt(t, ws, tt.at)
		if res == nil {
			t.Errorf("hover at «%s»: got nil", tt.at)
			continue
		}
		_, start := ws.Marker(tt.from)
		_, end := ws.Marker(tt.to)
		if res.Span != (position.Span{Start: start, End: end}) || !strings.Contains(res.Markdown, tt.want) {
			t.Errorf("hover at «%s»: want %q over %v, got %q over %v", tt.at, tt.want, position.Span{Start: start, End: end}, res.Markdown, res.Span)
		}
	}
}

func TestDockerfileHoverCopyHeredocValue(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\nARG LC_ALL=C.UTF-8\nFROM ubuntu:24.04\nARG LC_ALL\nCOPY <<PROFILE /etc/profile.d/locale.sh\nexport LANG=$LC_ALL\nPROFILE\nRUN echo $L«h»C_ALL\n")
	res := dockerHoverAt(t, ws, "h")
	if res == nil || !strings.Contains(res.Markdown, "C.UTF-8") {
		t.Errorf("hover on $LC_ALL: want the value C.UTF-8, got %+v", res)
	}
}

func TestDockerfileHoverDocs(t *testing.T) {
	ws := testws.New(t, `-- Dockerfile --
# «syntax»syntax=docker/dockerfile:1
# esc«check»ape=\
FROM --plat«platform»form=$BUILDPLATFORM golang:1.22 AS build
ARG TARGET«targetos»OS
RUN --mo«mount»unt=type=ca«cachetype»che,tar«target»get=/root/.cache go build ./...
COPY --fr«fromflag»om=bu«fromstage»ild /out /bin/app
RUN <<«heredoc»EOF
echo «body»hi
EOF
HEALTHCHECK --inter«interval»val=5s C«cmd»MD true
«maint»MAINTAINER me
FROM b«stageimage»uild AS test
FROM alpine:3.20 AS «stagename»final
FROM ng«image»inx:1.27
`)
	tests := []struct {
		at   string
		want string
	}{
		{"syntax", "Dockerfile frontend"},
		{"check", "escape and line continuation"},
		{"platform", "`--platform=<os>/<arch>"},
		{"targetos", "OS part of TARGETPLATFORM"},
		{"mount", "`--mount=type=<type>"},
		{"cachetype", "`type=cache`"},
		{"target", "`target=<path>`"},
		{"fromflag", "`--from=<stage|image|context>`"},
		{"fromstage", "**Stage `build`**"},
		{"heredoc", "Heredoc"},
		{"interval", "`--interval=<duration>`"},
		{"cmd", "`CMD <command>`"},
		{"maint", "Deprecated"},
		{"stageimage", "FROM --platform=$BUILDPLATFORM golang:1.22 AS build"},
		{"stagename", "**Stage `final`**"},
		{"image", "https://hub.docker.com/_/nginx"},
	}
	for _, tt := range tests {
		res := dockerHoverAt(t, ws, tt.at)
		if res == nil || !strings.Contains(res.Markdown, tt.want) {
			t.Errorf("hover at «%s»: want %q, got %+v", tt.at, tt.want, res)
		}
	}
	if res := dockerHoverAt(t, ws, "body"); res != nil {
		t.Errorf("hover in a heredoc body: want nil, got %+v", res)
	}
}

// TestDockerfileDocsComplete checks that every instruction, flag, mount
// option and predefined ARG that completion proposes has documentation.
func TestDockerfileDocsComplete(t *testing.T) {
	for _, kw := range []string{"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"} {
		if dfInstructionDocs[kw] == "" {
			t.Errorf("no documentation for %s", kw)
		}
	}
	flags := map[string][]string{
		"COPY": {"from", "chown", "chmod", "link", "parents", "exclude"},
		"ADD":  {"chown", "chmod", "checksum", "keep-git-dir", "link", "exclude", "unpack"},
		"RUN":  {"mount", "network", "security", "device"},
		"FROM": {"platform"},
	}
	for kw, names := range flags {
		for _, name := range names {
			if dfFlagDocs[kw][name] == "" {
				t.Errorf("no documentation for %s --%s", kw, name)
			}
		}
	}
	for _, typ := range []string{"bind", "cache", "tmpfs", "secret", "ssh"} {
		if dfMountTypeDocs[typ] == "" {
			t.Errorf("no documentation for --mount type=%s", typ)
		}
	}
	for _, opt := range []string{"type", "target", "source", "from", "rw", "id", "sharing", "mode", "uid", "gid", "required", "env", "size", "readonly"} {
		if dfMountOptionDocs[opt] == "" {
			t.Errorf("no documentation for --mount %s", opt)
		}
	}
	for _, name := range []string{"syntax", "escape", "check"} {
		if dfDirectiveDocs[name] == "" {
			t.Errorf("no documentation for the %s directive", name)
		}
	}
	for _, name := range []string{"TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "HTTP_PROXY"} {
		if dfPredefinedArgDocs[name] == "" {
			t.Errorf("no documentation for ARG %s", name)
		}
	}
}

func TestDockerfileHoverKeywordSplitByContinuation(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\nFROM alpine:3.20\nF«h»R\\\n\nOM scratch\n")
	res := dockerHoverAt(t, ws, "h")
	if res == nil || !strings.HasPrefix(res.Markdown, "```dockerfile\nFROM") {
		t.Errorf("hover on FR\\⏎⏎OM: want FROM docs, got %+v", res)
	}
}

func TestDockerfileHoverBOMDirective(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\n\uFEFF# «s1»syn«h»tax«s2»=docker/dockerfile:1\nFROM alpine:3.20\n")
	res := dockerHoverAt(t, ws, "h")
	_, start := ws.Marker("s1")
	_, end := ws.Marker("s2")
	if res == nil || res.Span != (position.Span{Start: start, End: end}) {
		t.Fatalf("hover on syntax after a BOM: got %+v", res)
	}
	if got := ws.Snapshot().File(ws.URI("Dockerfile")).Mapper(); got == nil {
		t.Fatal("no mapper")
	}
}

func TestDockerfileHoverDegeneratePositions(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\nFROM alpine:3.20«end»")
	uri, end := ws.Marker("end")
	snap := ws.Snapshot()
	for _, offset := range []int{end, end + 1, end + 100, -1} {
		if _, err := Hover(context.Background(), snap, uri, offset); err != nil {
			t.Errorf("hover at %d: %v", offset, err)
		}
	}
	empty := testws.New(t, "-- Dockerfile --\n")
	if _, err := Hover(context.Background(), empty.Snapshot(), empty.URI("Dockerfile"), 0); err != nil {
		t.Errorf("hover in an empty Dockerfile: %v", err)
	}
}
