package completion

import (
	"context"
	"slices"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

func dockerLabels(t *testing.T, ws *testws.WS, marker string, opts Options) []string {
	t.Helper()
	uri, offset := ws.Marker(marker)
	list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, opts)
	if err != nil {
		t.Fatalf("completion at «%s»: %v", marker, err)
	}
	if list == nil {
		return nil
	}
	var labels []string
	for _, item := range list.Items {
		labels = append(labels, item.Label)
	}
	return labels
}

var instructionLabels = []string{"FROM", "RUN", "COPY", "ENV", "CMD", "ENTRYPOINT", "ARG"}

func hasAny(labels []string, want []string) bool {
	for _, w := range want {
		if slices.Contains(labels, w) {
			return true
		}
	}
	return false
}

// TestDockerfileHeredocBodyCompletion checks that a heredoc body, even an
// unterminated one, gets no instruction keywords, and the line after its
// terminator does.
func TestDockerfileHeredocBodyCompletion(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\nFROM alpine:3.20\nRUN <<SCRIPT\n«a»\nSCRIPT\n«b»\n-- b/Dockerfile --\nRUN <<eot\n«c»")
	if got := dockerLabels(t, ws, "a", Options{}); hasAny(got, instructionLabels) {
		t.Errorf("inside the heredoc body: want no instructions, got %v", got)
	}
	if got := dockerLabels(t, ws, "b", Options{}); !hasAll(got, "RUN", "COPY", "CMD", "ENTRYPOINT") {
		t.Errorf("after the terminator: want instructions, got %v", got)
	}
	if got := dockerLabels(t, ws, "c", Options{}); hasAny(got, instructionLabels) {
		t.Errorf("inside an unterminated body: want no instructions, got %v", got)
	}
}

func hasAll(labels []string, want ...string) bool {
	for _, w := range want {
		if !slices.Contains(labels, w) {
			return false
		}
	}
	return true
}

func TestDockerfileKeywordSplitCompletion(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\nFROM alpine:3.20\nFR\\\n\nO«k»M scratch\n")
	got := dockerLabels(t, ws, "k", Options{})
	if !slices.Contains(got, "FROM") || slices.Contains(got, "ONBUILD") {
		t.Errorf("after FR\\⏎⏎O: want FROM and not ONBUILD, got %v", got)
	}
}

func TestDockerfileCompletionContexts(t *testing.T) {
	ws := testws.New(t, `-- Dockerfile --
«top»
ARG BASE=3.20
FROM --platform=«platform» alpine:$«globalvar» AS build
ARG TARGET«argname»
ENV APP_HOME=/app
RUN --«runflag»
RUN --mount=«mountkey»
RUN --mount=type=«mounttype»
RUN --mount=type=secret,«secretkey»
RUN --mount=type=cache,sharing=«sharing»
RUN echo ${APP«var»} \
    «continued»done
COPY --«copyflag»
FROM «fromimage»
FROM alpine:3.20 «as»
COPY --from=«fromstage» /a /b
HEALTHCHECK «hc»
ONBUILD «onbuild»
RUN echo $«stagevar»
# «comment»
`)
	tests := []struct {
		at      string
		want    []string
		notWant []string
	}{
		{"top", []string{"FROM", "ARG", "# syntax=docker/dockerfile:1"}, nil},
		{"platform", []string{"$BUILDPLATFORM", "linux/arm64"}, nil},
		{"globalvar", []string{"BASE", "TARGETPLATFORM"}, []string{"APP_HOME"}},
		{"argname", []string{"TARGETOS", "TARGETARCH"}, nil},
		{"runflag", []string{"--mount", "--network", "--security"}, []string{"--from"}},
		{"mountkey", []string{"type", "target"}, nil},
		{"mounttype", []string{"cache", "bind", "secret", "ssh", "tmpfs"}, nil},
		{"secretkey", []string{"id", "env", "required"}, []string{"sharing"}},
		{"sharing", []string{"shared", "private", "locked"}, nil},
		{"var", []string{"APP_HOME"}, []string{"BASE"}},
		{"continued", nil, instructionLabels},
		{"fromstage", []string{"build"}, nil},
		{"copyflag", []string{"--from", "--chown", "--chmod", "--link"}, []string{"--mount"}},
		{"fromimage", []string{"build"}, nil},
		{"as", []string{"AS"}, nil},
		{"hc", []string{"CMD", "NONE"}, nil},
		{"onbuild", []string{"RUN", "COPY"}, []string{"ONBUILD", "FROM", "MAINTAINER"}},
		{"stagevar", []string{"PATH"}, []string{"APP_HOME", "BASE"}},
		{"comment", nil, instructionLabels},
	}
	for _, tt := range tests {
		got := dockerLabels(t, ws, tt.at, Options{})
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("completion at «%s»: want %s in %v", tt.at, w, got)
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(got, w) {
				t.Errorf("completion at «%s»: want no %s in %v", tt.at, w, got)
			}
		}
	}
}

func TestDockerfileInstructionSnippets(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\nFROM alpine:3.20\nCO«k»\n")
	uri, offset := ws.Marker("k")
	for _, snippets := range []bool{true, false} {
		list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{Snippets: snippets})
		if err != nil || list == nil {
			t.Fatalf("completion: %v", err)
		}
		var copyItem *Item
		for _, item := range list.Items {
			if item.Label == "COPY" {
				copyItem = item
			}
		}
		if copyItem == nil || copyItem.Edit == nil {
			t.Fatalf("snippets=%v: no COPY item in %+v", snippets, list.Items)
		}
		if copyItem.Snippet != snippets || (snippets && copyItem.Edit.NewText != "COPY ${1:src} ${2:dest}") || (!snippets && copyItem.Edit.NewText != "COPY ") {
			t.Errorf("snippets=%v: got %+v %q", snippets, copyItem, copyItem.Edit.NewText)
		}
		if got := ws.Content("Dockerfile")[copyItem.Edit.Span.Start:copyItem.Edit.Span.End]; string(got) != "CO" {
			t.Errorf("the edit replaces %q, want %q", got, "CO")
		}
	}
}

func TestDockerfileContextFileCompletion(t *testing.T) {
	ws := testws.New(t, `-- app/Dockerfile --
FROM alpine:3.20
COPY scripts/«f» /usr/local/bin/
-- app/scripts/entrypoint.sh --
#!/bin/sh
-- app/scripts/lib/x.sh --
#!/bin/sh
`)
	got := dockerLabels(t, ws, "f", Options{})
	if !hasAll(got, "entrypoint.sh", "lib/") {
		t.Errorf("want the files of scripts/, got %v", got)
	}
}

func TestDockerfileCompletionDegenerate(t *testing.T) {
	empty := testws.New(t, "-- Dockerfile --\n")
	list, err := Complete(context.Background(), empty.Snapshot(), empty.URI("Dockerfile"), 0, Options{})
	if err != nil || list == nil {
		t.Fatalf("empty file: %v, %v", list, err)
	}
	var labels []string
	for _, item := range list.Items {
		labels = append(labels, item.Label)
	}
	if !hasAll(labels, "FROM", "ARG") {
		t.Errorf("empty file: want FROM and ARG, got %v", labels)
	}
	ws := testws.New(t, "-- Dockerfile --\nFROM alpine:3.20")
	for _, offset := range []int{16, 17, 40, -1} {
		if _, err := Complete(context.Background(), ws.Snapshot(), ws.URI("Dockerfile"), offset, Options{}); err != nil {
			t.Errorf("completion at %d: %v", offset, err)
		}
	}
}
