// Package semantic classifies the words of a file for semantic
// highlighting: keywords, flags, variables, strings, comments and names.
package semantic

import (
	"context"
	"sort"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Type is a token type. The server announces Types in this order as the
// legend, so a Type's value is its index in the legend.
type Type int

// Token types.
const (
	Keyword Type = iota
	Parameter
	Variable
	String
	Comment
	Class // stage and service names
	Property
	Number
	Operator
	Function
	Macro // parser directives
	Namespace
)

// TypeNames are the LSP names of the Types, in legend order.
var TypeNames = []string{"keyword", "parameter", "variable", "string", "comment", "class", "property", "number", "operator", "function", "macro", "namespace"}

// Modifier is a bit set of token modifiers, in legend order.
type Modifier int

// Token modifiers.
const (
	Declaration Modifier = 1 << iota
	Readonly
	DefaultLibrary
)

// ModifierNames are the LSP names of the Modifiers, in legend order.
var ModifierNames = []string{"declaration", "readonly", "defaultLibrary"}

// Token is one classified Span. Tokens may span lines; the server splits
// them for clients without multiline token support.
type Token struct {
	Span      position.Span
	Type      Type
	Modifiers Modifier
}

// Tokens returns the tokens of the file at uri, sorted by offset and not
// overlapping.
func Tokens(ctx context.Context, snap *workspace.Snapshot, uri position.URI) ([]Token, error) {
	f := snap.File(uri)
	if f == nil || f.Skipped != "" {
		return nil, nil
	}
	var tokens []Token
	var err error
	switch f.Kind {
	case workspace.KindDockerfile:
		tokens, err = dockerfileTokens(ctx, f)
	case workspace.KindCompose:
		tokens, err = composeTokens(ctx, f)
	case workspace.KindShell:
		tokens, err = shellTokens(ctx, f)
	case workspace.KindMakefile:
		tokens, err = makefileTokens(ctx, f)
	}
	if err != nil {
		return nil, err
	}
	sort.SliceStable(tokens, func(i, j int) bool { return tokens[i].Span.Start < tokens[j].Span.Start })
	return removeOverlaps(tokens), nil
}

// removeOverlaps drops each token that starts before the previous one ends.
func removeOverlaps(tokens []Token) []Token {
	kept := tokens[:0]
	end := 0
	for _, tok := range tokens {
		if tok.Span.Start < end || tok.Span.Len() <= 0 {
			continue
		}
		kept = append(kept, tok)
		end = tok.Span.End
	}
	return kept
}
