package makefile

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// dump writes the parts of f that the tests check, one per line. A Word
// is written as its text and, when its Span is not on the line of the
// statement that holds it, "@" and the Span's line number.
func dump(f *File) string {
	var b strings.Builder
	at := func(w *Word) string {
		return fmt.Sprintf("%s@%d", w.Text, lineOf(f.Content, w.Span.Start))
	}
	list := func(ws []*Word) string {
		var parts []string
		for _, w := range ws {
			parts = append(parts, at(w))
		}
		return strings.Join(parts, ",")
	}
	for _, r := range f.Rules {
		fmt.Fprintf(&b, "rule %s : %s", list(r.Targets), list(r.Prereqs))
		if r.OrderOnly != nil {
			fmt.Fprintf(&b, " orderonly=%s", list(r.OrderOnly))
		}
		if r.DoubleColon {
			b.WriteString(" double")
		}
		if r.TargetPattern != nil {
			fmt.Fprintf(&b, " pattern=%s", at(r.TargetPattern))
		}
		b.WriteString("\n")
		for _, rc := range r.Recipes {
			fmt.Fprintf(&b, "  recipe %q@%d", rc.Text, lineOf(f.Content, rc.Span.Start))
			if rc.SpaceIndent {
				b.WriteString(" spaces")
			}
			if rc.Prefix != "" {
				fmt.Fprintf(&b, " prefix=%q", rc.Prefix)
			}
			b.WriteString("\n")
		}
	}
	for _, v := range f.Vars {
		fmt.Fprintf(&b, "var %s %s %q@%d", v.Name, v.Op, v.Value, lineOf(f.Content, v.NameSpan.Start))
		for _, flag := range []struct {
			on   bool
			name string
		}{{v.Override, "override"}, {v.Export, "export"}, {v.Define, "define"}} {
			if flag.on {
				b.WriteString(" " + flag.name)
			}
		}
		if v.Targets != nil {
			fmt.Fprintf(&b, " targets=%s", list(v.Targets))
		}
		b.WriteString("\n")
	}
	if f.Includes != nil {
		fmt.Fprintf(&b, "include %s\n", list(f.Includes))
	}
	for _, c := range f.ComposeCalls {
		b.WriteString(dumpCall(c, at, list))
	}
	for _, e := range f.Errors {
		fmt.Fprintf(&b, "error %d: %s\n", lineOf(f.Content, e.Span.Start), e.Message)
	}
	return b.String()
}

func dumpCall(c *ComposeCall, at func(*Word) string, list func([]*Word) string) string {
	var parts []string
	add := func(name, value string) {
		if value != "" {
			parts = append(parts, name+"="+value)
		}
	}
	if c.Subcommand != nil {
		add("sub", at(c.Subcommand))
	}
	add("files", list(c.Files))
	add("env", list(c.EnvFiles))
	if c.Project != nil {
		add("project", at(c.Project))
	}
	add("profiles", list(c.Profiles))
	if c.ProjectDir != nil {
		add("projectdir", at(c.ProjectDir))
	}
	add("services", list(c.Services))
	add("dir", c.Dir)
	return "call " + strings.Join(parts, " ") + "\n"
}

// lineOf returns the 1-based line number of offset.
func lineOf(content []byte, offset int) int {
	return bytes.Count(content[:min(offset, len(content))], []byte("\n")) + 1
}

// checkSpans walks every Span of f and reports one that lies outside the
// content, is reversed, or does not hold the text of its Word.
func checkSpans(t *testing.T, f *File) {
	t.Helper()
	valid := func(what string, s position.Span) bool {
		if !s.Valid() || s.End > len(f.Content) {
			t.Errorf("%s: Span %v outside content of %d bytes", what, s, len(f.Content))
			return false
		}
		return true
	}
	word := func(what string, w *Word) {
		if w == nil || !valid(what, w.Span) {
			return
		}
		got := string(f.Content[w.Span.Start:w.Span.End])
		if got != w.Text && !strings.ContainsAny(got, "$\\\"'\n") {
			t.Errorf("%s %q: Span %v holds %q", what, w.Text, w.Span, got)
		}
	}
	words := func(what string, ws []*Word) {
		for _, w := range ws {
			word(what, w)
		}
	}
	for _, r := range f.Rules {
		words("target", r.Targets)
		words("prerequisite", r.Prereqs)
		word("target pattern", r.TargetPattern)
		valid("rule", r.Span)
		for _, rc := range r.Recipes {
			valid("recipe", rc.Span)
			valid("recipe text", rc.TextSpan)
			if rc.TextSpan.Start < rc.Span.Start || rc.TextSpan.End > rc.Span.End {
				t.Errorf("recipe TextSpan %v outside Span %v", rc.TextSpan, rc.Span)
			}
		}
	}
	for _, v := range f.Vars {
		if valid("var name", v.NameSpan) && !sameText(f.Content, v.NameSpan, v.Name) {
			t.Errorf("var %q: NameSpan %v holds %q", v.Name, v.NameSpan, f.Content[v.NameSpan.Start:v.NameSpan.End])
		}
		valid("var value", v.ValueSpan)
		valid("var", v.Span)
		words("var target", v.Targets)
	}
	for _, ref := range f.Refs {
		if valid("ref", ref.NameSpan) && !sameText(f.Content, ref.NameSpan, ref.Name) {
			t.Errorf("ref %q: NameSpan %v holds %q", ref.Name, ref.NameSpan, f.Content[ref.NameSpan.Start:ref.NameSpan.End])
		}
		valid("ref", ref.Span)
	}
	words("include", f.Includes)
	words("directive", f.Directives)
	for _, c := range f.Comments {
		if valid("comment", c) && c.Len() > 0 && f.Content[c.Start] != '#' {
			t.Errorf("comment %v starts with %q", c, f.Content[c.Start])
		}
	}
	for _, c := range f.ComposeCalls {
		valid("call", c.Span)
		words("file", c.Files)
		words("env file", c.EnvFiles)
		words("profile", c.Profiles)
		word("project", c.Project)
		word("project dir", c.ProjectDir)
		word("subcommand", c.Subcommand)
		words("service", c.Services)
	}
	for _, e := range f.Errors {
		valid("error", e.Span)
	}
}

// sameText reports whether content[span] is text, or spans a
// backslash-newline that Parse joined.
func sameText(content []byte, span position.Span, text string) bool {
	got := string(content[span.Start:span.End])
	return got == text || strings.Contains(got, "\n")
}
