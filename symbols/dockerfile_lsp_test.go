package symbols_test

import (
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestDockerfileSymbolsOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\nFROM alpine:3.20\nFR\\\n\nOM scratch\nRUN <<EOF\na\nb\nEOF\n-- empty/Dockerfile --\n")
	syms := c.Symbols("Dockerfile")
	if len(syms) != 2 || syms[0].Name != "alpine:3.20" || syms[1].Name != "scratch" || len(syms[1].Children) != 2 {
		t.Errorf("symbols: want two stages, the second with FROM and RUN, got %+v", syms)
	}
	if len(c.Folding("Dockerfile")) == 0 {
		t.Error("folding: want ranges for the stage and the heredoc")
	}
	if got := c.Symbols("empty/Dockerfile"); len(got) != 0 {
		t.Errorf("symbols of an empty Dockerfile: got %v", got)
	}
}
