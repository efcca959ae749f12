package navigation_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// stageLinksLSPArchive is a compose file with two services that build one
// multi-stage Dockerfile in a subfolder, with different targets and build
// args, and a non-ASCII comment before each stage.
const stageLinksLSPArchive = `
-- compose.yaml --
# Dienste: ünïcödé 🚀
services:
  web:
    build:
      context: ./app
      dockerfile: docker/Dockerfile.prod
      target: «webTarget»runtime
      args:
        «webApp»APP_VERSION: "1.2"
  worker:
    build:
      context: ./app
      dockerfile: docker/Dockerfile.prod
      target: «workerTarget»builder
      args:
        - «workerApp»APP_VERSION=2.0
-- app/docker/Dockerfile.prod --
# étape de compilation — 构建 🚀
FROM golang:1.23 AS «builderDef»builder
ARG «builderApp»APP_VERSION
RUN echo $«builderAppRef»APP_VERSION
# étape finale — 运行
FROM alpine:3.20 AS «runtimeDef»runtime
ARG «runtimeApp»APP_VERSION=dev
COPY --from=«builderCopy»builder /out/app /app
`

// lspMarkerWord returns the Loc of the name that starts at a marker.
func lspMarkerWord(c *lsptest.Client, marker string) lsptest.Loc {
	uri, start := c.WS.Marker(marker)
	rel := strings.TrimPrefix(uri.Path(), c.WS.Root+"/")
	content := c.Content(rel)
	end := start
	for end < len(content) && (content[end] == '_' || content[end] == '-' || content[end] >= '0' && content[end] <= '9' ||
		content[end] >= 'a' && content[end] <= 'z' || content[end] >= 'A' && content[end] <= 'Z') {
		end++
	}
	return lsptest.Loc{Path: rel, Span: position.Span{Start: start, End: end}}
}

// lspMarkerNames names each Loc by the marker whose word it covers, sorted.
func lspMarkerNames(c *lsptest.Client, markers []string, locs []lsptest.Loc) string {
	var out []string
	for _, l := range locs {
		name := fmt.Sprintf("%s%v", l.Path, l.Span)
		for _, m := range markers {
			if lspMarkerWord(c, m) == l {
				name = m
			}
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

var stageLinksLSPMarkers = []string{"webTarget", "webApp", "workerTarget", "workerApp", "builderDef", "builderApp",
	"builderAppRef", "runtimeDef", "runtimeApp", "builderCopy"}

func TestStageLinksOverLSP(t *testing.T) {
	for _, crlf := range []bool{false, true} {
		t.Run(fmt.Sprintf("crlf=%v", crlf), func(t *testing.T) {
			var opts []lsptest.Option
			if crlf {
				opts = append(opts, lsptest.WithCRLF("compose.yaml", "app/docker/Dockerfile.prod"))
			}
			c := lsptest.New(t, stageLinksLSPArchive, opts...)
			names := func(locs []lsptest.Loc) string { return lspMarkerNames(c, stageLinksLSPMarkers, locs) }

			definitions := map[string]string{
				"webTarget": "runtimeDef", "workerTarget": "builderDef",
				"webApp": "runtimeApp", "workerApp": "builderApp",
			}
			for marker, want := range definitions {
				if got := names(c.Definition(marker)); got != want {
					t.Errorf("definition at «%s» = %s, want %s", marker, got, want)
				}
			}

			references := map[string]string{
				"builderDef":   "builderCopy builderDef workerTarget",
				"workerTarget": "builderCopy builderDef workerTarget",
				"runtimeDef":   "runtimeDef webTarget",
				"builderApp":   "builderApp builderAppRef webApp workerApp",
				"runtimeApp":   "runtimeApp webApp",
			}
			for marker, want := range references {
				if got := names(c.References(marker, true)); got != want {
					t.Errorf("references at «%s» = %s, want %s", marker, got, want)
				}
			}

			for _, marker := range []string{"builderDef", "workerTarget", "webApp"} {
				if got := c.PrepareRename(marker); got == nil || got.Span != lspMarkerWord(c, marker).Span {
					t.Errorf("prepareRename at «%s» = %+v, want the Span of the name", marker, got)
				}
			}
			renames := []struct{ marker, newName, want string }{
				{"workerTarget", "compile", "builderCopy builderDef workerTarget"},
				{"runtimeDef", "final", "runtimeDef webTarget"},
				{"workerApp", "RELEASE", "builderApp builderAppRef runtimeApp webApp workerApp"},
			}
			for _, tt := range renames {
				var locs []lsptest.Loc
				for path, edits := range c.Rename(tt.marker, tt.newName) {
					for _, e := range edits {
						locs = append(locs, lsptest.Loc{Path: path, Span: e.Span})
					}
				}
				if got := names(locs); got != tt.want {
					t.Errorf("rename at «%s» edits %s, want %s", tt.marker, got, tt.want)
				}
			}

			if got := c.Highlight("builderDef"); len(got) != 2 {
				t.Errorf("highlight at «builderDef» = %v, want the 2 uses in the Dockerfile", got)
			}
		})
	}
}
