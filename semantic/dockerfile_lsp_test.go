package semantic_test

import (
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestDockerfileTokensOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\n# note\nFROM alpine:3.20 AS build\nRUN echo $HOME\n-- empty/Dockerfile --\n")
	content := c.Content("Dockerfile")
	got := map[string]string{}
	for _, tok := range c.SemanticTokens("Dockerfile") {
		got[string(content[tok.Span.Start:tok.Span.End])] = tok.Type
	}
	for text, typ := range map[string]string{"# note": "comment", "FROM": "keyword", "build": "class", "$HOME": "variable"} {
		if got[text] != typ {
			t.Errorf("token %q: want %s, got %q", text, typ, got[text])
		}
	}
	if toks := c.SemanticTokens("empty/Dockerfile"); len(toks) != 0 {
		t.Errorf("tokens of an empty Dockerfile: got %v", toks)
	}
}
