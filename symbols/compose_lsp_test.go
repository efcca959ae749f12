package symbols_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/workspace"
)

func TestComposeSymbolsOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- compose.yaml --
# comment one
# comment two
services:
  web:
    image: nginx
    ports:
      - "80:80"
  db:
    image: postgres
volumes:
  data:
-- empty/compose.yaml --
-- .env --
A=1
TOKEN=x
`)
	var names []string
	for _, s := range c.Symbols("compose.yaml") {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, " "); got != "services volumes" {
		t.Errorf("top-level symbols = %q", got)
	}
	if got := c.Symbols("empty/compose.yaml"); len(got) != 0 {
		t.Errorf("empty file symbols = %v", got)
	}
	var env []string
	for _, s := range c.Symbols(".env") {
		env = append(env, s.Name+"="+s.Detail)
	}
	if got := strings.Join(env, " "); got != "A=1 TOKEN="+workspace.HiddenValue {
		t.Errorf(".env symbols = %q", got)
	}
	if folds := c.Folding("compose.yaml"); len(folds) < 4 {
		t.Errorf("folding ranges = %v, want services, web, ports, volumes and the comments", folds)
	}
	tokens := c.SemanticTokens("compose.yaml")
	if len(tokens) == 0 {
		t.Error("no semantic tokens")
	}
	if edits := c.Format("compose.yaml"); len(edits) != 0 {
		t.Errorf("a formatted file gets edits: %v", edits)
	}
}
