package semantic_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestShellTokensOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- run.sh --\n#!/bin/sh\r\nstart() { echo \"é😀 $HOME\"; }\r\nstart -v 80\r\n")
	c.Open("run.sh")
	content := c.Content("run.sh")
	var got []string
	for _, tok := range c.SemanticTokens("run.sh") {
		got = append(got, fmt.Sprintf("%s:%s:%s", content[tok.Span.Start:tok.Span.End], tok.Type, strings.Join(tok.Modifiers, ",")))
	}
	want := `#!/bin/sh:comment: start:function:declaration echo:function:defaultLibrary ":string: é😀 :string: HOME:variable: ":string: start:function: -v:parameter: 80:number:`
	if strings.Join(got, " ") != want {
		t.Errorf("tokens:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
