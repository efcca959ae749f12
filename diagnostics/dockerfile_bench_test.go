package diagnostics

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// BenchmarkDockerfileDiagnostics measures a full check of a 5,000-line
// Dockerfile after an edit: parsing included, as each edit makes a new
// File.
func BenchmarkDockerfileDiagnostics(b *testing.B) {
	src := []byte(testws.LongDockerfile(5000))
	ws := testws.New(b, "-- Dockerfile --\n")
	uri := ws.URI("Dockerfile")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		snap := ws.Session.Open(uri, "dockerfile", int32(i+1), src)
		if diags := File(context.Background(), snap, uri); len(diags) > 0 && diags[0].Severity == Error {
			b.Fatalf("unexpected error: %s", diags[0].Message)
		}
	}
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
// 5,000-line Dockerfile of about 350 short stages, parsing included.
func BenchmarkDockerfileDiagnosticsManyStages(b *testing.B) {
	src := []byte(manyStagesDockerfile(5000))
	ws := testws.New(b, "-- Dockerfile --\n")
	uri := ws.URI("Dockerfile")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		snap := ws.Session.Open(uri, "dockerfile", int32(i+1), src)
		if diags := File(context.Background(), snap, uri); len(diags) > 0 && diags[0].Severity == Error {
			b.Fatalf("unexpected error: %s", diags[0].Message)
		}
	}
}
