package semantic

import (
	"context"

	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/workspace"
)

// makefileTokens returns the semantic tokens of a Makefile: targets and
// prerequisites that are targets as functions, variable names, comments,
// directive keywords, and the subcommands and services of compose calls.
func makefileTokens(ctx context.Context, f *workspace.File) ([]Token, error) {
	mf := f.Makefile()
	var tokens []Token
	add := func(w *makefile.Word, typ Type, mods Modifier) {
		if w != nil && w.Span.Len() > 0 {
			tokens = append(tokens, Token{Span: w.Span, Type: typ, Modifiers: mods})
		}
	}

	targets := map[string]bool{}
	for _, name := range mf.TargetNames() {
		targets[name] = true
	}
	for _, r := range mf.Rules {
		for _, t := range r.Targets {
			add(t, Function, Declaration)
		}
		for _, p := range r.Prereqs {
			if targets[p.Text] {
				add(p, Function, 0)
			}
		}
	}

	for _, v := range mf.Vars {
		add(&makefile.Word{Text: v.Name, Span: v.NameSpan}, Variable, Declaration)
	}
	for _, ref := range mf.Refs {
		add(&makefile.Word{Text: ref.Name, Span: ref.NameSpan}, Variable, 0)
	}

	for _, span := range mf.Comments {
		tokens = append(tokens, Token{Span: span, Type: Comment})
	}
	for _, d := range mf.Directives {
		add(d, Keyword, 0)
	}

	for _, c := range mf.ComposeCalls {
		add(c.Subcommand, Keyword, 0)
		for _, s := range c.Services {
			add(s, Class, 0)
		}
	}
	return tokens, nil
}
