package navigation_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/workspace"
)

// longDockerfileBench indexes the 5,000-line Dockerfile of testws and
// returns the Snapshot, with the file parsed. It also returns three places
// near the middle: a "$BASE" use in a RUN line, which the stage's ARG
// declares, the "$BASE" of a FROM line, which the global ARG declares, and
// a stage name after "COPY --from=".
func longDockerfileBench(b *testing.B) (*workspace.Snapshot, []navigationPlace) {
	src := testws.LongDockerfile(5000)
	ws := testws.New(b, "-- Dockerfile --\n"+src)
	snap := ws.Snapshot()
	uri := ws.URI("Dockerfile")
	snap.File(uri).Dockerfile() // parse once, as the server does on open

	find := func(text, name string) int {
		i := strings.Index(src, text)
		if i < 0 {
			b.Fatalf("%q not found in the long Dockerfile", text)
		}
		return i + strings.Index(text, name) + 1
	}
	return snap, []navigationPlace{
		{name: "StageArg", uri: uri, offset: find(`echo "$APP_12 $BASE"`, "BASE")},
		{name: "GlobalArg", uri: uri, offset: find("FROM alpine:$BASE AS stage12\n", "BASE")},
		{name: "Stage", uri: uri, offset: find("COPY --from=stage12 ", "stage12")},
	}
}

// BenchmarkDockerfileDefinition measures definition of ARG uses and a
// stage name in the middle of a 5,000-line Dockerfile.
func BenchmarkDockerfileDefinition(b *testing.B) {
	snap, places := longDockerfileBench(b)
	runNavigation(b, snap, places, definitionRequest)
}

// BenchmarkDockerfileReferences measures references, with the
// declaration, at the same places.
func BenchmarkDockerfileReferences(b *testing.B) {
	snap, places := longDockerfileBench(b)
	runNavigation(b, snap, places, referencesRequest)
}
