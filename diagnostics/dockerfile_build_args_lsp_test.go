package diagnostics_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// TestComposeBuildArgsOverLSP checks through a real server that an ARG
// without a default in FROM is not reported while every compose service
// passes it, is reported with the service's name once one does not, and
// that an empty continuation line gets a visible range.
func TestComposeBuildArgsOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        BASE_IMAGE: alpine:3.20
-- Dockerfile --
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
RUN echo one && \
«e1»
«e2»    echo two
`)
	c.Open("Dockerfile")
	var codes []string
	for _, d := range c.Diagnostics("Dockerfile") {
		codes = append(codes, d.Code)
		if d.Code == "NoEmptyContinuation" {
			_, start := c.WS.Marker("e1")
			_, end := c.WS.Marker("e2")
			if d.Span != (position.Span{Start: start, End: end}) {
				t.Errorf("NoEmptyContinuation Span = %v, want [%d,%d)", d.Span, start, end)
			}
		}
	}
	if strings.Join(codes, " ") != "NoEmptyContinuation" {
		t.Errorf("every service passes BASE_IMAGE: want only NoEmptyContinuation, got %q", codes)
	}

	mixed := lsptest.New(t, `
-- compose.yaml --
services:
  app:
    build:
      context: .
      args:
        BASE_IMAGE: alpine:3.20
  worker:
    build: .
-- Dockerfile --
ARG BASE_IMAGE
FROM «from»${BASE_IMAGE}«to»
`)
	mixed.Open("Dockerfile")
	var found bool
	for _, d := range mixed.Diagnostics("Dockerfile") {
		if d.Code != "InvalidDefaultArgInFrom" {
			continue
		}
		found = true
		_, start := mixed.WS.Marker("from")
		_, end := mixed.WS.Marker("to")
		if d.Span != (position.Span{Start: start, End: end}) {
			t.Errorf("InvalidDefaultArgInFrom Span = %v, want [%d,%d)", d.Span, start, end)
		}
		if !strings.Contains(d.Message, "`worker`") || strings.Contains(d.Message, "`app`") {
			t.Errorf("message should name worker only: %q", d.Message)
		}
	}
	if !found {
		t.Error("worker does not pass BASE_IMAGE: want InvalidDefaultArgInFrom")
	}
}
