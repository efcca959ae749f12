package hover_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

func TestMakefileHoverOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- Makefile --
COMPOSE := docker compose -f srcs/docker-compose.yml
up:
	$(«var»COMPOSE) «sub»up -d «web»web
-- srcs/docker-compose.yml --
services:
  web:
    image: nginx:1.27
`)
	tests := []struct {
		marker, word, contains string
	}{
		{"web", "web", "image: `nginx:1.27`"},
		{"sub", "up", "**docker compose up**"},
		{"var", "COMPOSE", "COMPOSE := docker compose -f srcs/docker-compose.yml"},
	}
	for _, tc := range tests {
		got := c.Hover(tc.marker)
		if got == nil {
			t.Errorf("no hover at «%s»", tc.marker)
			continue
		}
		_, offset := c.WS.Marker(tc.marker)
		if want := (position.Span{Start: offset, End: offset + len(tc.word)}); got.Span != want {
			t.Errorf("hover at «%s» Span = %v, want %v", tc.marker, got.Span, want)
		}
		if !strings.Contains(got.Markdown, tc.contains) {
			t.Errorf("hover at «%s» lacks %q:\n%s", tc.marker, tc.contains, got.Markdown)
		}
	}
}
