package semantic

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

func TestDockerfileTokens(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\n# syntax=docker/dockerfile:1\n# note\nARG VERSION=1\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN --mount=type=cache,target=/c echo \"$VERSION\"\nFROM scratch\nCOPY --from=build /a /b\nEXPOSE 8080\nRUN <<EOF\necho hi\nEOF\n")
	tokens, err := Tokens(context.Background(), ws.Snapshot(), ws.URI("Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("Dockerfile")
	got := map[string]Type{}
	end := 0
	for _, tok := range tokens {
		if tok.Span.Start < end || tok.Span.End > len(content) || tok.Span.Len() <= 0 {
			t.Fatalf("token %v overlaps or lies outside the content", tok)
		}
		end = tok.Span.End
		got[string(content[tok.Span.Start:tok.Span.End])] = tok.Type
	}
	want := map[string]Type{
		"syntax": Macro, "docker/dockerfile:1": String, "# note": Comment, "VERSION": Variable,
		"FROM": Keyword, "--platform": Parameter, "$BUILDPLATFORM": Variable, "golang:1.22": Namespace,
		"AS": Keyword, "build": Class, "RUN": Keyword, "--mount": Parameter, "$VERSION": Variable,
		"8080": Number, "<<EOF": Operator, "echo hi\n": String, "EOF": Operator, "COPY": Keyword,
	}
	for text, typ := range want {
		if g, ok := got[text]; !ok || g != typ {
			t.Errorf("token %q: want %s, got %v (present %v)", text, TypeNames[typ], g, ok)
		}
	}
}

func TestDockerfileTokensEmpty(t *testing.T) {
	ws := testws.New(t, "-- Dockerfile --\n")
	tokens, err := Tokens(context.Background(), ws.Snapshot(), ws.URI("Dockerfile"))
	if err != nil || len(tokens) != 0 {
		t.Errorf("empty file: want no tokens, got %v (%v)", tokens, err)
	}
}
