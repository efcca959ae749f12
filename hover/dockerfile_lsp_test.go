package hover_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

func TestDockerfileHoverOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\n\uFEFF# «s1»syn«syntax»tax«s2»=docker/dockerfile:1\n"+
		"ARG BASE_TAG=3.20\nFROM alpine:«v1»$BASE«var»_TAG«v2»\nRUN echo $BASE«undef»_TAG\nARG BASE_TAG\nRUN echo $BASE«inherited»_TAG\nCO«kw»PY a b\n")
	res := c.Hover("syntax")
	if res == nil || res.Span != c.WS.Find("Dockerfile", "syntax", 1) || !strings.Contains(res.Markdown, "frontend") {
		t.Errorf("hover on syntax after a BOM: got %+v", res)
	}
	res = c.Hover("var")
	_, v1 := c.WS.Marker("v1")
	_, v2 := c.WS.Marker("v2")
	if res == nil || res.Span != (position.Span{Start: v1, End: v2}) || !strings.Contains(res.Markdown, "`3.20`") {
		t.Errorf("hover on $BASE_TAG in FROM: got %+v", res)
	}
	if res := c.Hover("undef"); res == nil || !strings.Contains(res.Markdown, "Not defined here") {
		t.Errorf("hover on $BASE_TAG before its ARG in the stage: got %+v", res)
	}
	if res := c.Hover("inherited"); res == nil || !strings.Contains(res.Markdown, "`3.20`") {
		t.Errorf("hover on $BASE_TAG after ARG BASE_TAG: got %+v", res)
	}
	if res := c.Hover("kw"); res == nil || !strings.Contains(res.Markdown, "COPY") {
		t.Errorf("hover on COPY: got %+v", res)
	}
}
