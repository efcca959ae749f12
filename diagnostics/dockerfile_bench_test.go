package diagnostics

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/internal/testws"
)

// resetDockerfileCaches empties the caches that make a check of an
// unchanged instruction cheap, so that the next check starts cold.
func resetDockerfileCaches() {
	dockerfile.ResetCache()
	parsedInstructions.reset()
	runAnalyses.reset()
	imageRefs.reset()
}

// benchmarkDockerfile opens each of versions in turn in a workspace of one
// Dockerfile and checks it: the parse, the index update and the
// diagnostics. With cold set, every cache is emptied before each open.
func benchmarkDockerfile(b *testing.B, cold bool, versions ...string) {
	contents := make([][]byte, len(versions))
	for i, v := range versions {
		contents[i] = []byte(v)
	}
	ws := testws.New(b, "-- Dockerfile --\n")
	uri := ws.URI("Dockerfile")
	ws.Session.Open(uri, "dockerfile", 1, contents[len(contents)-1])
	File(context.Background(), ws.Snapshot(), uri)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if cold {
			resetDockerfileCaches()
		}
		snap := ws.Session.Open(uri, "dockerfile", int32(i+2), contents[i%len(contents)])
		if diags := File(context.Background(), snap, uri); len(diags) > 0 && diags[0].Severity == Error {
			b.Fatalf("unexpected error: %s", diags[0].Message)
		}
		i++
	}
}

// BenchmarkDockerfileDiagnostics measures a full check of a 5,000-line
// Dockerfile never seen before: the parse, the index update and the
// diagnostics, with every cache empty.
func BenchmarkDockerfileDiagnostics(b *testing.B) {
	benchmarkDockerfile(b, true, testws.LongDockerfile(5000))
}

// BenchmarkDockerfileDiagnosticsCached measures a full check of a
// 5,000-line Dockerfile checked before, as when an editor opens a file
// that the workspace index read.
func BenchmarkDockerfileDiagnosticsCached(b *testing.B) {
	benchmarkDockerfile(b, false, testws.LongDockerfile(5000))
}

// manyStagesDockerfile returns a Dockerfile of about lines lines made of
// short stages, as in a long generated build: each stage has global and
// stage ARGs, an apt-get RUN and a COPY --from of the stage before it, and
// every fifth stage is built FROM the stage before it.
func manyStagesDockerfile(lines int) string {
	var b strings.Builder
	b.WriteString("# syntax=docker/dockerfile:1\nARG BASE_IMAGE=debian\nARG BASE_TAG=bookworm-slim\nARG APP_VERSION=1.0.0\n")
	n := 4
	for stage := 0; n < lines; stage++ {
		base := "${BASE_IMAGE}:${BASE_TAG}"
		if stage%5 == 4 {
			base = fmt.Sprintf("build-%04d", stage-1)
		}
		fmt.Fprintf(&b, "\nFROM %s AS build-%04d\nARG APP_VERSION\nARG BUILD_JOBS=%d\n", base, stage, stage%8+1)
		fmt.Fprintf(&b, "ENV APP_HOME=/opt/app-%d \\\n    PATH=/opt/app-%d/bin:$PATH\nWORKDIR ${APP_HOME}\n", stage, stage)
		b.WriteString("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n")
		if stage > 0 {
			fmt.Fprintf(&b, "COPY --from=build-%04d /opt/app/bin/ ./bin/\n", stage-1)
		}
		fmt.Fprintf(&b, "RUN make -j${BUILD_JOBS} VERSION=${APP_VERSION} module-%04d\n", stage)
		fmt.Fprintf(&b, "LABEL org.opencontainers.image.version=${APP_VERSION}\n")
		n += 14
	}
	return b.String()
}

// BenchmarkDockerfileDiagnosticsManyStages measures a full check of a
// 5,000-line Dockerfile of about 350 short stages never seen before.
func BenchmarkDockerfileDiagnosticsManyStages(b *testing.B) {
	benchmarkDockerfile(b, true, manyStagesDockerfile(5000))
}

// BenchmarkDockerfileEdit measures a full check of a 5,000-line Dockerfile
// of short stages after an edit, as the bench's edit loop makes them. Each
// version differs from the one before in one line: "RUN echo bench-edit",
// inserted after the first FROM or removed again.
func BenchmarkDockerfileEdit(b *testing.B) {
	src := manyStagesDockerfile(5000)
	at := strings.Index(src, "\nARG APP_VERSION\n") + 1
	benchmarkDockerfile(b, false, src, src[:at]+"RUN echo bench-edit\n"+src[at:])
}

// BenchmarkDockerfileFirstCheck measures the first check of a 5,000-line
// Dockerfile that is parsed already, as when an editor opens a file that
// the workspace index read: the diagnostics caches are empty, the parse
// is not repeated.
func BenchmarkDockerfileFirstCheck(b *testing.B) {
	ws := testws.New(b, "-- Dockerfile --\n"+testws.LongDockerfile(5000))
	uri := ws.URI("Dockerfile")
	snap := ws.Snapshot()
	File(context.Background(), snap, uri)
	b.ReportAllocs()
	for b.Loop() {
		parsedInstructions.reset()
		runAnalyses.reset()
		imageRefs.reset()
		if diags := File(context.Background(), snap, uri); len(diags) > 0 && diags[0].Severity == Error {
			b.Fatalf("unexpected error: %s", diags[0].Message)
		}
	}
}
