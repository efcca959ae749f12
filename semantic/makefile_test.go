package semantic

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

func TestMakefileTokens(t *testing.T) {
	ws := testws.New(t, "-- Makefile --\n# build it\nC := docker compose\nifdef X\nup: dirs\n\t$(C) exec web sh\nendif\ndirs:\n")
	tokens, err := Tokens(context.Background(), ws.Snapshot(), ws.URI("Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("Makefile")
	var got []string
	for _, tok := range tokens {
		got = append(got, fmt.Sprintf("%s:%s/%d", content[tok.Span.Start:tok.Span.End], TypeNames[tok.Type], tok.Modifiers))
	}
	want := "# build it:comment/0 C:variable/1 ifdef:keyword/0 up:function/1 dirs:function/0 C:variable/0 exec:keyword/0 web:class/0 endif:keyword/0 dirs:function/1"
	if strings.Join(got, " ") != want {
		t.Errorf("tokens:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
