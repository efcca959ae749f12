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

// A variable that a recipe reaches only through another variable still
// gives the recipe an alternative for each earlier assignment.
func TestComposeCallAlternativesThroughAnotherVariable(t *testing.T) {
	src := "ENV_FILE := a.env\nENV_FILE := b.env\nDC = docker compose --env-file $(ENV_FILE)\nup:\n\t$(DC) up -d\n"
	f := Parse([]byte(src))
	if len(f.ComposeCalls) != 1 {
		t.Fatalf("%d compose calls, want 1", len(f.ComposeCalls))
	}
	c := f.ComposeCalls[0]
	if len(c.Alternatives) != 1 {
		t.Fatalf("%d alternatives, want 1", len(c.Alternatives))
	}
	if got := c.Alternatives[0].EnvFiles; len(got) != 1 || got[0].Text != "a.env" {
		t.Errorf("env files of the alternative = %v, want a.env", got)
	}
}

// A target-specific "+=" adds to the value of its own rule only: the
// other rules still see the global value.
func TestTargetAppendStaysInItsRule(t *testing.T) {
	src := "FILES := -f a.yaml\nprod: FILES += -f prod.yaml\nprod:\n\tdocker compose $(FILES) up\ndev:\n\tdocker compose $(FILES) up\n"
	f := Parse([]byte(src))
	if len(f.ComposeCalls) != 2 {
		t.Fatalf("%d compose calls, want 2", len(f.ComposeCalls))
	}
	for i, want := range []int{2, 1} {
		if got := len(f.ComposeCalls[i].Files); got != want {
			t.Errorf("call %d has %d compose files (%v), want %d", i, got, f.ComposeCalls[i].Files, want)
		}
	}
}
