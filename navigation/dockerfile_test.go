package navigation

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

func spanOf(ws *testws.WS, from, to string) position.Span {
	_, start := ws.Marker(from)
	_, end := ws.Marker(to)
	return position.Span{Start: start, End: end}
}

// TestDockerfileArgDefinitionAcrossFrom checks definition on each use of
// a global ARG: FROM lines reach the global ARG, a stage reaches its own
// redeclaration, and a stage that does not redeclare it reaches nothing.
func TestDockerfileArgDefinitionAcrossFrom(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\n"+
		"ARG «g1»BASE_TAG«g2»=3.20\n"+
		"FROM alpine:$B«u1»ASE_TAG\n"+
		"RUN echo \"tag=$B«u2»ASE_TAG\"\n"+
		"ARG «s1»BASE_TAG«s2»\n"+
		"RUN echo \"tag=$B«u3»ASE_TAG\"\n"+
		"FROM alpine:$B«u4»ASE_TAG AS second\n"+
		"RUN echo \"tag=$B«u5»ASE_TAG\"\n")
	global := []position.Location{{URI: ws.URI("Dockerfile"), Span: spanOf(ws, "g1", "g2")}}
	stage := []position.Location{{URI: ws.URI("Dockerfile"), Span: spanOf(ws, "s1", "s2")}}
	tests := []struct {
		at   string
		want []position.Location
	}{{"u1", global}, {"u2", nil}, {"u3", stage}, {"u4", global}, {"u5", nil}}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.at)
		got, err := Definition(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("definition at «%s»: want %v, got %v (%v)", tt.at, tt.want, got, err)
		}
	}
}

func TestDockerfileStageNavigation(t *testing.T) {
	ws := testws.New(t, `-- Dockerfile --
FROM golang:1.22 AS «d1»bu«decl»ild«d2»
RUN go build -o /out/app ./...
FROM «r1»bu«ref1»ild«r2» AS test
RUN go test ./...
FROM alpine:3.20
COPY --from=«r3»bu«ref2»ild«r4» /out/app /bin/app
RUN --mount=type=bind,from=«r5»build«r6»,target=/src true
`)
	uri, offset := ws.Marker("ref2")
	defs, err := Definition(context.Background(), ws.Snapshot(), uri, offset)
	want := []position.Location{{URI: uri, Span: spanOf(ws, "d1", "d2")}}
	if err != nil || !reflect.DeepEqual(defs, want) {
		t.Errorf("definition of --from=build: want %v, got %v (%v)", want, defs, err)
	}
	refs, _ := References(context.Background(), ws.Snapshot(), uri, offset, true)
	wantRefs := []position.Span{spanOf(ws, "d1", "d2"), spanOf(ws, "r1", "r2"), spanOf(ws, "r3", "r4"), spanOf(ws, "r5", "r6")}
	if got := locSpans(refs); !reflect.DeepEqual(got, wantRefs) {
		t.Errorf("references of build: want %v, got %v", wantRefs, got)
	}
	_, declOffset := ws.Marker("decl")
	edits, err := Rename(context.Background(), ws.Snapshot(), uri, declOffset, "compile")
	if err != nil || len(edits[uri]) != 4 {
		t.Fatalf("rename build: want 4 edits, got %v (%v)", edits, err)
	}
	if _, err := Rename(context.Background(), ws.Snapshot(), uri, declOffset, "Bad Name"); err == nil {
		t.Error("rename to an invalid stage name: want an error")
	}
	target, _ := PrepareRename(context.Background(), ws.Snapshot(), uri, offset)
	if target == nil || target.Span != spanOf(ws, "r3", "r4") || target.Placeholder != "build" {
		t.Errorf("prepareRename at --from=build: got %+v", target)
	}
}

func locSpans(locs []position.Location) []position.Span {
	var spans []position.Span
	for _, l := range locs {
		spans = append(spans, l.Span)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	return spans
}

// TestDockerfileVariableRenameIsScopeCorrect renames an ENV of one stage:
// a stage built FROM it follows, an unrelated stage with the same name
// does not, and a global ARG is renamed with its redeclarations.
func TestDockerfileVariableRenameIsScopeCorrect(t *testing.T) {
	ws := testws.New(t, `-- Dockerfile --
ARG «g1»VERSION«g2»=1
FROM alpine:$«g3»VERSION«g4» AS base
ARG «g5»VERSION«g6»
ENV «e1»AP«env»P«e2»=/app
WORKDIR $«e3»APP«e4»
FROM base AS child
RUN echo ${«e5»APP«e6»} $«g7»VERSION«g8»
FROM alpine:3.20
ENV APP=/other
RUN echo $APP
`)
	uri, offset := ws.Marker("env")
	edits, err := Rename(context.Background(), ws.Snapshot(), uri, offset, "APP_DIR")
	if err != nil {
		t.Fatal(err)
	}
	want := []position.Span{spanOf(ws, "e1", "e2"), spanOf(ws, "e3", "e4"), spanOf(ws, "e5", "e6")}
	if got := editSpans(edits[uri]); !reflect.DeepEqual(got, want) {
		t.Errorf("rename APP: want %v, got %v", want, got)
	}
	_, gOffset := ws.Marker("g1")
	edits, _ = Rename(context.Background(), ws.Snapshot(), uri, gOffset, "V")
	want = []position.Span{spanOf(ws, "g1", "g2"), spanOf(ws, "g3", "g4"), spanOf(ws, "g5", "g6"), spanOf(ws, "g7", "g8")}
	if got := editSpans(edits[uri]); !reflect.DeepEqual(got, want) {
		t.Errorf("rename global VERSION: want %v, got %v", want, got)
	}
	if _, err := Rename(context.Background(), ws.Snapshot(), uri, offset, "1X"); err == nil {
		t.Error("rename to an invalid variable name: want an error")
	}
	hs, _ := Highlights(context.Background(), ws.Snapshot(), uri, offset)
	if len(hs) != 3 || hs[0].Kind != HighlightWrite || hs[1].Kind != HighlightRead {
		t.Errorf("highlights of APP: got %+v", hs)
	}
}

func editSpans(edits []position.TextEdit) []position.Span {
	var spans []position.Span
	for _, e := range edits {
		spans = append(spans, e.Span)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	return spans
}

func TestDockerfileLinks(t *testing.T) {
	ws := testws.New(t, `-- app/Dockerfile --
ARG REGISTRY=ghcr.io
FROM nginx:1.27
FROM bitnami/redis:7.2
FROM ghcr.io/acme-labs/tool:2.0
FROM localhost:5000/team/app:dev
FROM registry.internal.test/app
FROM docker.io/library/postgres:16@sha256:0000000000000000000000000000000000000000000000000000000000000000
FROM $REGISTRY/acme/x:1
FROM ${UNSET}/team/app
COPY «s1»tools/entrypoint.sh«s2» /usr/local/bin/entrypoint.sh
COPY missing.sh /x
ENTRYPOINT [«e1»"/usr/local/bin/entrypoint.sh"«e2»]
-- app/tools/entrypoint.sh --
#!/bin/sh
`)
	uri := ws.URI("app/Dockerfile")
	links, err := Links(context.Background(), ws.Snapshot(), uri)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	content := ws.Content("app/Dockerfile")
	for _, l := range links {
		got[string(content[l.Span.Start:l.Span.End])] = l.Target
	}
	script := string(position.URIFromPath(ws.Path("app/tools/entrypoint.sh")))
	want := map[string]string{
		"nginx:1.27":                     "https://hub.docker.com/_/nginx",
		"bitnami/redis:7.2":              "https://hub.docker.com/r/bitnami/redis",
		"ghcr.io/acme-labs/tool:2.0":     "https://ghcr.io/acme-labs/tool",
		"$REGISTRY/acme/x:1":             "https://ghcr.io/acme/x",
		"tools/entrypoint.sh":            script,
		`"/usr/local/bin/entrypoint.sh"`: script,
		"docker.io/library/postgres:16@sha256:0000000000000000000000000000000000000000000000000000000000000000": "https://hub.docker.com/_/postgres",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("links:\nwant %v\ngot  %v", want, got)
	}
	for _, l := range links {
		if strings.Contains(l.Target, "hub.docker.com") && strings.Contains(string(content[l.Span.Start:l.Span.End]), "localhost") {
			t.Errorf("a Docker Hub link for a localhost registry: %v", l)
		}
	}
	_, entry := ws.Marker("e1")
	defs, _ := Definition(context.Background(), ws.Snapshot(), uri, entry+3)
	if len(defs) != 1 || string(defs[0].URI) != script {
		t.Errorf("definition on the ENTRYPOINT script: want %s, got %v", script, defs)
	}
	_, src := ws.Marker("s1")
	defs, _ = Definition(context.Background(), ws.Snapshot(), uri, src+2)
	if len(defs) != 1 || string(defs[0].URI) != script {
		t.Errorf("definition on the COPY source: want %s, got %v", script, defs)
	}
}
