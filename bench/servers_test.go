package main

import (
	"slices"
	"testing"

	"github.com/stackls/stackls/bench/internal/runner"
)

func TestParseServerFlag(t *testing.T) {
	srv, err := parseServerFlag("other:dockerfile,compose=/usr/bin/other-ls --stdio")
	if err != nil {
		t.Fatal(err)
	}
	if srv.Name != "other" {
		t.Errorf("name = %q, want other", srv.Name)
	}
	if !slices.Equal(srv.Argv, []string{"/usr/bin/other-ls", "--stdio"}) {
		t.Errorf("argv = %q", srv.Argv)
	}
	if !slices.Equal(srv.Kinds, []runner.Kind{runner.KindDockerfile, runner.KindCompose}) {
		t.Errorf("kinds = %v, want dockerfile and compose", srv.Kinds)
	}

	all, err := parseServerFlag("any=any-ls")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(all.Kinds, runner.Kinds) {
		t.Errorf("kinds without a list = %v, want every scenario", all.Kinds)
	}

	for _, bad := range []string{"noequals", "=cmd", "name=", "x:bogus=cmd"} {
		if _, err := parseServerFlag(bad); err == nil {
			t.Errorf("parseServerFlag(%q): want an error", bad)
		}
	}
}

func TestFormatMs(t *testing.T) {
	tests := map[float64]string{0.0123: "0.012", 0.5: "0.500", 2.345: "2.35", 31.06: "31.1", 2420.4: "2420"}
	for value, want := range tests {
		if got := formatMs(value); got != want {
			t.Errorf("formatMs(%v) = %q, want %q", value, got, want)
		}
	}
}
