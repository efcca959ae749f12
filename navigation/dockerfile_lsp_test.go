package navigation_test

import (
	"reflect"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

func TestDockerfileNavigationOverLSP(t *testing.T) {
	c := lsptest.New(t, `-- Dockerfile --
ARG «g1»BASE_TAG«g2»=3.20
FROM golang:$BASE«u1»_TAG AS «d1»bu«decl»ild«d2»
RUN echo $BASE«u2»_TAG
FROM alpine:3.20
COPY --from=«r1»bu«ref»ild«r2» /out /bin
COPY «s1»tools/run.sh«s2» /usr/local/bin/run.sh
-- tools/run.sh --
#!/bin/sh
`)
	span := func(a, b string) position.Span {
		_, s := c.WS.Marker(a)
		_, e := c.WS.Marker(b)
		return position.Span{Start: s, End: e}
	}
	if got, want := c.Definition("u1"), []lsptest.Loc{{Path: "Dockerfile", Span: span("g1", "g2")}}; !reflect.DeepEqual(got, want) {
		t.Errorf("definition of $BASE_TAG in FROM: want %v, got %v", want, got)
	}
	if got := c.Definition("u2"); got != nil {
		t.Errorf("definition of $BASE_TAG in a stage that does not declare it: want none, got %v", got)
	}
	if got, want := c.Definition("ref"), []lsptest.Loc{{Path: "Dockerfile", Span: span("d1", "d2")}}; !reflect.DeepEqual(got, want) {
		t.Errorf("definition of --from=build: want %v, got %v", want, got)
	}
	if got := c.References("decl", true); len(got) != 2 {
		t.Errorf("references of build: want 2, got %v", got)
	}
	if target := c.PrepareRename("ref"); target == nil || target.Span != span("r1", "r2") {
		t.Errorf("prepareRename at --from=build: got %+v", target)
	}
	edits := c.Rename("decl", "compile")
	want := map[string][]lsptest.Edit{"Dockerfile": {{Span: span("d1", "d2"), NewText: "compile"}, {Span: span("r1", "r2"), NewText: "compile"}}}
	if !reflect.DeepEqual(edits, want) {
		t.Errorf("rename build: want %v, got %v", want, edits)
	}
	if hs := c.Highlight("decl"); len(hs) != 2 {
		t.Errorf("highlights of build: got %v", hs)
	}
	found := false
	for _, l := range c.Links("Dockerfile") {
		if l.Span == span("s1", "s2") {
			found = true
		}
	}
	if !found {
		t.Errorf("no link on tools/run.sh: %v", c.Links("Dockerfile"))
	}
}
