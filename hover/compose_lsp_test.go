package hover_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestComposeHoverOverLSP(t *testing.T) {
	c := lsptest.New(t, case018Archive)
	tests := []struct {
		marker, want, span string
	}{
		{"v1", "**`PLAIN`** from `.env:2` = `alpha`", "${PLAIN}"},
		{"v9", "```text\nline1\nline2\n```", "${ESCAPED}"},
		{"pw", "value hidden", "${DB_PASSWORD}"},
		{"tag", "default `latest`", "${TAG:-latest}"},
	}
	for _, tt := range tests {
		got := c.Hover(tt.marker)
		if got == nil {
			t.Errorf("no hover at «%s»", tt.marker)
			continue
		}
		if !strings.Contains(got.Markdown, tt.want) {
			t.Errorf("hover at «%s» lacks %q:\n%s", tt.marker, tt.want, got.Markdown)
		}
		if strings.Contains(got.Markdown, "hunter2") {
			t.Errorf("hover at «%s» shows a secret value", tt.marker)
		}
		content := c.Content("compose.yaml")
		if text := string(content[got.Span.Start:got.Span.End]); text != tt.span {
			t.Errorf("hover at «%s» spans %q, want %q", tt.marker, text, tt.span)
		}
	}
}

// TestComposeHoverCRLFOverLSP hovers a key after a BOM, CRLF line ends, a
// tab in a value and a non-ASCII rune, so positions must be converted in
// UTF-16 units.
func TestComposeHoverCRLFOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- compose.yaml --\n\ufeffservices:\n  web:\n    labels: [\"é😀\t\"]\n    «restart»restart: always\n", lsptest.WithCRLF("compose.yaml"))
	got := c.Hover("restart")
	if got == nil || !strings.Contains(got.Markdown, "**`restart`**") {
		t.Fatalf("hover = %+v", got)
	}
	if text := string(c.Content("compose.yaml")[got.Span.Start:got.Span.End]); text != "restart" {
		t.Errorf("hover spans %q", text)
	}
}
