package semantic

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

func TestShellTokens(t *testing.T) {
	script := "#!/bin/sh\n# wait é😀\nwait_db() {\n\tuntil nc -z db 5432; do sleep 1; done\n}\nif [ -n \"$A\" ]; then B='x'; fi\nfor f in a; do echo \"v=${B}!\"; done\nwait_db\n"
	ws := testws.New(t, "-- run.sh --\n"+script)
	tokens, err := Tokens(context.Background(), ws.Snapshot(), ws.URI("run.sh"))
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("run.sh")
	var got []string
	for _, tok := range tokens {
		got = append(got, fmt.Sprintf("%s:%s/%d", content[tok.Span.Start:tok.Span.End], TypeNames[tok.Type], tok.Modifiers))
	}
	want := strings.Join([]string{
		"#!/bin/sh:comment/0", "# wait é😀:comment/0",
		"wait_db:function/1",
		"until:keyword/0", "nc:function/0", "-z:parameter/0", "5432:number/0", "do:keyword/0", "sleep:function/0", "1:number/0", "done:keyword/0",
		"if:keyword/0", "[:function/4", "-n:parameter/0", `":string/0`, "A:variable/0", `":string/0`, "then:keyword/0", "B:variable/1", "'x':string/0", "fi:keyword/0",
		"for:keyword/0", "f:variable/1", "in:keyword/0", "do:keyword/0", "echo:function/4", `":string/0`, "v=:string/0", "B:variable/0", "!:string/0", `":string/0`, "done:keyword/0",
		"wait_db:function/0",
	}, " ")
	if strings.Join(got, " ") != want {
		t.Errorf("tokens:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestShellTokensDegenerate(t *testing.T) {
	for _, src := range []string{"", " ", "#!", "\ufeff#!/bin/sh\r\necho $A\r\n", "if [[ x == y ]]; then", "\x00"} {
		ws := testws.New(t, "-- x.sh --\n"+src)
		tokens, err := Tokens(context.Background(), ws.Snapshot(), ws.URI("x.sh"))
		if err != nil {
			t.Errorf("tokens of %q: %v", src, err)
		}
		for _, tok := range tokens {
			if tok.Span.Start < 0 || tok.Span.End > len(ws.Content("x.sh")) || tok.Span.Len() <= 0 {
				t.Errorf("tokens of %q: bad Span %v", src, tok.Span)
			}
		}
	}
}

// TestShellTokensAfterInvalidUTF8 checks that bytes that are not UTF-8
// do not stop the tokens of the commands after them.
func TestShellTokensAfterInvalidUTF8(t *testing.T) {
	ws := testws.New(t, "-- run.sh --\n#!/bin/sh\necho 'caf\xe9' \xff\nmain() { :; }\n")
	tokens, err := Tokens(context.Background(), ws.Snapshot(), ws.URI("run.sh"))
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("run.sh")
	found := false
	for _, tok := range tokens {
		found = found || string(content[tok.Span.Start:tok.Span.End]) == "main" && tok.Type == Function
	}
	if !found {
		t.Errorf("no function token for main after the invalid bytes: %v", tokens)
	}
}
