package navigation

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// stageLinksArchive has two services of one compose file that build one
// multi-stage Dockerfile in a subfolder with different targets and build
// args, and a second compose file that builds the same Dockerfile.
const stageLinksArchive = `
-- compose.yaml --
services:
  web:
    build:
      context: ./app
      dockerfile: docker/Dockerfile.prod
      target: «webTarget»runtime
      args:
        «webAppVersion»APP_VERSION: "1.2"
        «webGoVersion»GO_VERSION: "1.22"
  worker:
    build:
      context: ./app
      dockerfile: docker/Dockerfile.prod
      target: «workerTarget»builder
      args:
        - «workerAppVersion»APP_VERSION=2.0
        - «workerUnknown»NOT_DECLARED=1
  plain:
    image: alpine:3.20
-- ci/compose.yaml --
services:
  tests:
    build:
      context: ../app
      dockerfile: docker/Dockerfile.prod
      target: "«ciTarget»builder"
      args:
        - «ciGoVersion»GO_VERSION
-- app/docker/Dockerfile.prod --
# syntax=docker/dockerfile:1
ARG «globalGo»GO_VERSION=1.23
# étape de compilation: le binaire
FROM golang:${«goRef»GO_VERSION} AS «builderDef»builder
ARG «builderApp»APP_VERSION
RUN go build -ldflags "-X main.v=$«builderAppRef»APP_VERSION" -o /out/app ./...

FROM «builderFrom»builder AS «testDef»test
RUN go test ./...

FROM alpine:3.20 AS «runtimeDef»runtime
ARG «runtimeApp»APP_VERSION=dev
LABEL version=$«runtimeAppRef»APP_VERSION
COPY --from=«builderCopy»builder /out/app /app
RUN --mount=type=bind,from=«builderMount»builder,source=/out,target=/mnt true
-- app/docker/Dockerfile.dev --
FROM alpine:3.20 AS builder
`

// markerWord returns the Span of the name that starts at a marker: the
// run of name bytes after it.
func markerWord(ws *testws.WS, name string) position.Location {
	uri, start := ws.Marker(name)
	content := ws.Content(ws.MarkerFile(name))
	end := start
	for end < len(content) && isNameByte(content[end]) {
		end++
	}
	return position.Location{URI: uri, Span: position.Span{Start: start, End: end}}
}

func isNameByte(b byte) bool {
	return b == '_' || b == '-' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// markerNames returns, sorted, the marker whose name Span each Location
// covers exactly, or a description of a Location that matches no marker.
func markerNames(ws *testws.WS, markers []string, locs []position.Location) string {
	var out []string
	for _, l := range locs {
		name := fmt.Sprintf("%s%v", strings.TrimPrefix(l.URI.Path(), ws.Root+"/"), l.Span)
		for _, m := range markers {
			if markerWord(ws, m) == l {
				name = m
			}
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

var stageLinkMarkers = []string{"webTarget", "webAppVersion", "webGoVersion", "workerTarget", "workerAppVersion",
	"workerUnknown", "ciTarget", "ciGoVersion", "globalGo", "goRef", "builderDef", "builderApp", "builderAppRef",
	"builderFrom", "testDef", "runtimeDef", "runtimeApp", "runtimeAppRef", "builderCopy", "builderMount"}

func TestStageLinksDefinition(t *testing.T) {
	ws := testws.New(t, stageLinksArchive)
	tests := []struct {
		marker string
		want   string
	}{
		{"webTarget", "runtimeDef"},
		{"workerTarget", "builderDef"},
		{"ciTarget", "builderDef"},
		{"webAppVersion", "runtimeApp"},
		{"workerAppVersion", "builderApp"},
		{"webGoVersion", "globalGo"},
		{"ciGoVersion", "globalGo"},
		{"workerUnknown", ""},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		locs, err := Definition(context.Background(), ws.Snapshot(), uri, offset+1)
		if err != nil {
			t.Fatalf("definition at «%s»: %v", tt.marker, err)
		}
		if got := markerNames(ws, stageLinkMarkers, locs); got != tt.want {
			t.Errorf("definition at «%s»\n got: %s\nwant: %s", tt.marker, got, tt.want)
		}
	}
}

func TestStageLinksReferences(t *testing.T) {
	ws := testws.New(t, stageLinksArchive)
	builderAll := "builderCopy builderDef builderFrom builderMount ciTarget workerTarget"
	tests := []struct {
		marker string
		decl   bool
		want   string
	}{
		{"builderDef", true, builderAll},
		{"builderCopy", true, builderAll},
		{"workerTarget", true, builderAll},
		{"ciTarget", true, builderAll},
		{"builderDef", false, "builderCopy builderFrom builderMount ciTarget workerTarget"},
		{"runtimeDef", true, "runtimeDef webTarget"},
		{"webTarget", false, "webTarget"},
		{"testDef", true, "testDef"},
		// The builder stage's APP_VERSION is set by the worker, and by the
		// web service, whose runtime target copies from builder.
		{"builderApp", true, "builderApp builderAppRef webAppVersion workerAppVersion"},
		{"runtimeApp", true, "runtimeApp runtimeAppRef webAppVersion"},
		{"runtimeAppRef", false, "runtimeAppRef webAppVersion"},
		{"globalGo", true, "ciGoVersion globalGo goRef webGoVersion"},
		{"webAppVersion", true, "builderApp builderAppRef runtimeApp runtimeAppRef webAppVersion workerAppVersion"},
		{"ciGoVersion", false, "ciGoVersion goRef webGoVersion"},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		locs, err := References(context.Background(), ws.Snapshot(), uri, offset, tt.decl)
		if err != nil {
			t.Fatalf("references at «%s»: %v", tt.marker, err)
		}
		if got := markerNames(ws, stageLinkMarkers, locs); got != tt.want {
			t.Errorf("references at «%s» (declaration %v)\n got: %s\nwant: %s", tt.marker, tt.decl, got, tt.want)
		}
	}
}

func TestStageLinksRename(t *testing.T) {
	ws := testws.New(t, stageLinksArchive)
	tests := []struct {
		marker, newName string
		want            string
	}{
		{"builderDef", "compile", "builderCopy builderDef builderFrom builderMount ciTarget workerTarget"},
		{"workerTarget", "compile", "builderCopy builderDef builderFrom builderMount ciTarget workerTarget"},
		{"ciTarget", "compile", "builderCopy builderDef builderFrom builderMount ciTarget workerTarget"},
		{"runtimeDef", "final", "runtimeDef webTarget"},
		{"runtimeApp", "RELEASE", "builderApp builderAppRef runtimeApp runtimeAppRef webAppVersion workerAppVersion"},
		{"workerAppVersion", "RELEASE", "builderApp builderAppRef runtimeApp runtimeAppRef webAppVersion workerAppVersion"},
		{"globalGo", "GO", "ciGoVersion globalGo goRef webGoVersion"},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		target, err := PrepareRename(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil || target == nil || target.Span != markerWord(ws, tt.marker).Span {
			t.Errorf("prepareRename at «%s» = %+v, %v; want the Span of the name", tt.marker, target, err)
		}
		edits, err := Rename(context.Background(), ws.Snapshot(), uri, offset, tt.newName)
		if err != nil {
			t.Fatalf("rename at «%s»: %v", tt.marker, err)
		}
		var locs []position.Location
		for u, list := range edits {
			for _, e := range list {
				if e.NewText != tt.newName {
					t.Errorf("rename at «%s»: edit %v has text %q", tt.marker, e.Span, e.NewText)
				}
				locs = append(locs, position.Location{URI: u, Span: e.Span})
			}
		}
		if got := markerNames(ws, stageLinkMarkers, locs); got != tt.want {
			t.Errorf("rename at «%s»\n got: %s\nwant: %s", tt.marker, got, tt.want)
		}
	}
}

func TestStageLinksRenameRejects(t *testing.T) {
	ws := testws.New(t, stageLinksArchive)
	tests := []struct{ marker, newName string }{
		{"workerTarget", "Bad Name"},
		{"workerTarget", "runtime"},
		{"webAppVersion", "1X"},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		if edits, err := Rename(context.Background(), ws.Snapshot(), uri, offset, tt.newName); err == nil {
			t.Errorf("rename at «%s» to %q = %v, want an error", tt.marker, tt.newName, edits)
		}
	}
}

func TestStageLinksHighlightPerFile(t *testing.T) {
	ws := testws.New(t, stageLinksArchive)
	tests := []struct {
		marker string
		want   []string
	}{
		{"builderDef", []string{"builderDef", "builderFrom", "builderCopy", "builderMount"}},
		{"workerTarget", []string{"workerTarget"}},
		{"ciTarget", []string{"ciTarget"}},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		hs, err := Highlights(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil {
			t.Fatalf("highlight at «%s»: %v", tt.marker, err)
		}
		var locs []position.Location
		for _, h := range hs {
			locs = append(locs, position.Location{URI: uri, Span: h.Span})
		}
		sort.Strings(tt.want)
		if got, want := markerNames(ws, stageLinkMarkers, locs), strings.Join(tt.want, " "); got != want {
			t.Errorf("highlight at «%s»\n got: %s\nwant: %s", tt.marker, got, want)
		}
	}
}

func TestStageLinksSharedBuildSection(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
x-build: &build
  context: .
  target: «shared»app
services:
  a:
    build: *build
  b:
    build:
      <<: *build
      args:
        «bArg»V: "1"
  c:
    build:
      context: .
      target: ${TARGET:-app}
-- Dockerfile --
FROM alpine:3.20 AS «appDef»app
ARG «vDecl»V
`)
	markers := []string{"shared", "bArg", "appDef", "vDecl"}
	uri, offset := ws.Marker("appDef")
	locs, err := References(context.Background(), ws.Snapshot(), uri, offset, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := markerNames(ws, markers, locs), "appDef shared"; got != want {
		t.Errorf("references of a stage named by a shared build section\n got: %s\nwant: %s", got, want)
	}
	edits, err := Rename(context.Background(), ws.Snapshot(), uri, offset, "main")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(edits[ws.URI("compose.yaml")]); n != 1 {
		t.Errorf("rename edits the shared target %d times, want once: %v", n, edits)
	}
	uri, offset = ws.Marker("bArg")
	if locs, _ := Definition(context.Background(), ws.Snapshot(), uri, offset); markerNames(ws, markers, locs) != "vDecl" {
		t.Errorf("definition of a build arg beside a merge key = %s, want vDecl", markerNames(ws, markers, locs))
	}
}
