package completion_test

import (
	"slices"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestDockerfileCompletionOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\nFROM alpine:3.20 AS build\nRUN <<SCRIPT\n«body»\nSCRIPT\n«after»\nFROM alpine:3.20\nCOPY --from=«stage» /a /b\nRUN --mount=type=«type»\n-- empty/Dockerfile --\n«empty»")
	if got := lsptest.Labels(c.Completion("body")); slices.Contains(got, "RUN") || slices.Contains(got, "FROM") {
		t.Errorf("completion in a heredoc body: want no instructions, got %v", got)
	}
	if got := lsptest.Labels(c.Completion("after")); !slices.Contains(got, "RUN") || !slices.Contains(got, "COPY") {
		t.Errorf("completion after the terminator: want instructions, got %v", got)
	}
	if got := lsptest.Labels(c.Completion("stage")); !slices.Contains(got, "build") {
		t.Errorf("completion of --from=: want build, got %v", got)
	}
	if got := lsptest.Labels(c.Completion("type")); !slices.Contains(got, "cache") {
		t.Errorf("completion of --mount=type=: want cache, got %v", got)
	}
	if got := lsptest.Labels(c.Completion("empty")); !slices.Contains(got, "FROM") || !slices.Contains(got, "ARG") {
		t.Errorf("completion in an empty Dockerfile: want FROM and ARG, got %v", got)
	}
}
