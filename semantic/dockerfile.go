package semantic

import (
	"context"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dockerfileTokens returns the semantic tokens of a Dockerfile: comments,
// directives, keywords, flags, variables, strings, numbers, stage names,
// images and heredocs.
func dockerfileTokens(ctx context.Context, f *workspace.File) ([]Token, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	tokens := []Token{}
	add := func(span position.Span, typ Type, mods Modifier) {
		if span.Len() > 0 {
			tokens = append(tokens, Token{Span: span, Type: typ, Modifiers: mods})
		}
	}
	for _, c := range df.Comments {
		add(c, Comment, 0)
	}
	for _, d := range df.Directives {
		add(d.NameSpan, Macro, 0)
		add(d.ValueSpan, String, 0)
	}
	for _, sym := range df.Symbols() {
		typ := Variable
		if sym.Kind == dockerfile.SymbolStage {
			typ = Class
		}
		for _, u := range sym.Uses() {
			mods := Modifier(0)
			if u.Decl {
				mods = Declaration
			}
			add(u.Span, typ, mods)
		}
	}
	for _, in := range df.Instructions {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		dfInstructionTokens(df, in, add)
		if in.Trigger != nil {
			dfInstructionTokens(df, in.Trigger, add)
		}
	}
	return tokens, nil
}

// dfInstructionTokens adds the tokens of one instruction.
func dfInstructionTokens(df *dockerfile.File, in *dockerfile.Instruction, add func(position.Span, Type, Modifier)) {
	add(in.KeywordSpan, Keyword, 0)
	for _, fl := range in.Flags {
		add(position.Span{Start: fl.Span.Start, End: fl.NameSpan.End}, Parameter, 0)
		if !strings.Contains(fl.Value, "$") {
			add(fl.ValueSpan, String, 0)
		}
	}
	for _, ref := range df.VarRefs(in) {
		add(ref.ExprSpan, Variable, 0)
	}
	for _, doc := range in.Heredocs {
		add(doc.OpenerSpan, Operator, 0)
		add(doc.BodySpan, String, 0)
		add(doc.EndSpan, Operator, 0)
	}
	switch in.Keyword {
	case "FROM":
		if in.Stage >= 0 {
			st := df.Stages[in.Stage]
			if df.BaseStage(st) == nil && !strings.Contains(st.Image, "$") {
				add(st.ImageSpan, Namespace, 0)
			}
			if len(in.Args) >= 2 {
				add(in.Args[1].Span, Keyword, 0)
			}
		}
	case "EXPOSE":
		for _, w := range in.Args {
			if !strings.Contains(w.Text, "$") {
				add(w.Span, Number, 0)
			}
		}
	case "HEALTHCHECK":
		if len(in.Args) > 0 {
			add(in.Args[0].Span, Keyword, 0)
		}
	}
	for _, w := range in.Args {
		if strings.ContainsAny(w.Text[:1], `"'`) && !strings.Contains(w.Text, "$") {
			add(w.Span, String, 0)
		}
	}
}
