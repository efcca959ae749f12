package dockerfile

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParse measures the parse of a 5,000-line Dockerfile of short
// stages with continuation lines.
func BenchmarkParse(b *testing.B) {
	var src strings.Builder
	src.WriteString("# syntax=docker/dockerfile:1\nARG BASE=debian\n")
	for stage := 0; stage < 500; stage++ {
		fmt.Fprintf(&src, "FROM ${BASE} AS build-%d\nARG JOBS=%d\n", stage, stage%8)
		src.WriteString("RUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n")
		fmt.Fprintf(&src, "COPY src/%d/ ./src/\nRUN make -j${JOBS}\nWORKDIR /opt/%d\n\n", stage, stage)
	}
	content := []byte(src.String())
	for b.Loop() {
		if f := Parse(content); len(f.Stages) != 500 {
			b.Fatalf("parsed %d stages, want 500", len(f.Stages))
		}
	}
}
