package makefile

import (
	"strings"
	"testing"
)

// A variable set in both branches of an ifeq keeps the last assignment for
// the calls, but the words of the first branch are still found by At.
func TestComposeCallAlternativesFromIfeq(t *testing.T) {
	src := "FILE := ./srcs/docker-compose.yml\n" +
		"ifeq (, $(shell which docker-compose))\n" +
		"\tDC := docker compose -f $(FILE) --env-file ./srcs/.env\n" +
		"else\n" +
		"\tDC := docker-compose -f $(FILE) --env-file ./srcs/.env.other\n" +
		"endif\n" +
		"up:\n" +
		"\t$(DC) up -d\n"
	f := Parse([]byte(src))
	if len(f.ComposeCalls) != 1 {
		t.Fatalf("%d compose calls, want 1", len(f.ComposeCalls))
	}
	c := f.ComposeCalls[0]
	if len(c.EnvFiles) != 1 || c.EnvFiles[0].Text != "./srcs/.env.other" {
		t.Errorf("env files of the call = %v, want the last assignment's ./srcs/.env.other", c.EnvFiles)
	}
	if len(c.Alternatives) != 1 {
		t.Fatalf("%d alternatives, want 1", len(c.Alternatives))
	}

	first := strings.Index(src, "./srcs/.env\n")
	hit := f.At(first + 2)
	if hit == nil || hit.Kind != HitEnvFile || hit.Word.Text != "./srcs/.env" {
		t.Fatalf("At the first branch's --env-file = %+v, want the env file ./srcs/.env", hit)
	}
	if hit.Word.Span.Start != first || hit.Word.Span.End != first+len("./srcs/.env") {
		t.Errorf("word Span = %v, want [%d,%d)", hit.Word.Span, first, first+len("./srcs/.env"))
	}
	second := strings.Index(src, "./srcs/.env.other")
	if hit := f.At(second); hit == nil || hit.Kind != HitEnvFile || hit.Call != c {
		t.Errorf("At the second branch's --env-file = %+v, want the main call", hit)
	}
}

// A recipe that does not use the variable set twice gets no alternatives.
func TestComposeCallWithoutAlternatives(t *testing.T) {
	f := Parse([]byte("A := 1\nA := 2\nup:\n\tdocker compose up -d\n"))
	if len(f.ComposeCalls) != 1 || len(f.ComposeCalls[0].Alternatives) != 0 {
		t.Errorf("calls = %+v, want one without alternatives", f.ComposeCalls)
	}
}
