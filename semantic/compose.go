package semantic

import (
	"bytes"
	"context"
	"sort"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
	"gopkg.in/yaml.v3"
)

// composeTokens returns the semantic tokens of a compose file. Keys are
// properties and service names are classes. Network, volume, secret and
// config names are namespaces, marked as declarations where defined.
// Anchors and aliases are macros and "${VAR}" references are variables.
// Numbers are numbers, booleans and null are keywords, and other values
// are strings.
func composeTokens(ctx context.Context, f *workspace.File) ([]Token, error) {
	model := f.Compose()
	if model == nil {
		return nil, nil
	}
	t := &composeTokenizer{model: model}
	for _, r := range model.Refs() { // sorted by offset
		tok := Token{Span: r.Span, Type: Namespace}
		if r.Kind == compose.KindService {
			tok.Type = Class
		}
		if r.Definition {
			tok.Modifiers = Declaration
		}
		t.names = append(t.names, tok)
	}
	for _, a := range model.Anchors {
		t.tokens = append(t.tokens, Token{Span: position.Span{Start: a.Span.Start - 1, End: a.Span.End}, Type: Macro, Modifiers: Declaration})
	}
	for _, a := range model.Aliases {
		t.tokens = append(t.tokens, Token{Span: position.Span{Start: a.Span.Start - 1, End: a.Span.End}, Type: Macro})
	}
	if model.Root != nil {
		t.walk(model.Root, false)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t.tokens = append(t.tokens, commentTokens(model.Content)...)
	return t.tokens, nil
}

type composeTokenizer struct {
	model  *compose.File
	names  []Token // tokens of service and resource names, sorted by offset
	tokens []Token
}

func (t *composeTokenizer) walk(n *yaml.Node, isKey bool) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			t.walk(n.Content[i], true)
			t.walk(n.Content[i+1], false)
		}
	case yaml.SequenceNode:
		for _, child := range n.Content {
			t.walk(child, false)
		}
	case yaml.ScalarNode:
		t.scalar(n, isKey)
	}
}

// scalar adds the tokens of one scalar: a name it holds, or its value,
// split around "${...}" references.
func (t *composeTokenizer) scalar(n *yaml.Node, isKey bool) {
	span := t.model.NodeSpan(n)
	if span.Len() == 0 {
		return
	}
	found := false
	first := sort.Search(len(t.names), func(i int) bool { return t.names[i].Span.Start >= span.Start })
	for _, tok := range t.names[first:] {
		if tok.Span.Start >= span.End {
			break
		}
		if tok.Span.End <= span.End {
			t.tokens = append(t.tokens, tok)
			found = true
		}
	}
	if found {
		return // a value such as "db:alias" shows only the name
	}
	if isKey {
		t.tokens = append(t.tokens, Token{Span: span, Type: Property})
		return
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		t.tokens = append(t.tokens, Token{Span: span, Type: Number})
		return
	case "!!bool", "!!null":
		t.tokens = append(t.tokens, Token{Span: span, Type: Keyword})
		return
	}
	t.stringTokens(n, span)
}

// stringTokens adds a string's tokens, with its references as variables.
func (t *composeTokenizer) stringTokens(n *yaml.Node, span position.Span) {
	if !strings.Contains(n.Value, "$") {
		t.tokens = append(t.tokens, Token{Span: span, Type: String})
		return
	}
	whole, exact := t.model.SubSpan(n, 0, len(n.Value))
	if !exact {
		t.tokens = append(t.tokens, Token{Span: span, Type: String})
		return
	}
	from := span.Start
	for _, ref := range interp.Refs(n.Value) {
		refSpan := ref.Span.Shift(whole.Start)
		if refSpan.Start > from {
			t.tokens = append(t.tokens, Token{Span: position.Span{Start: from, End: refSpan.Start}, Type: String})
		}
		t.tokens = append(t.tokens, Token{Span: refSpan, Type: Variable})
		from = refSpan.End
	}
	if from < span.End {
		t.tokens = append(t.tokens, Token{Span: position.Span{Start: from, End: span.End}, Type: String})
	}
}

// commentTokens returns a token for each "#" comment that starts a line or
// follows blank space, outside quoted text.
func commentTokens(content []byte) []Token {
	var out []Token
	for off := 0; off < len(content); {
		end := bytes.IndexByte(content[off:], '\n')
		if end < 0 {
			end = len(content)
		} else {
			end += off
		}
		if i := commentStart(content[off:end]); i >= 0 {
			commentEnd := end
			if commentEnd > off && content[commentEnd-1] == '\r' {
				commentEnd--
			}
			out = append(out, Token{Span: position.Span{Start: off + i, End: commentEnd}, Type: Comment})
		}
		off = end + 1
	}
	return out
}

// commentStart returns the index of the "#" that starts a comment on the
// line, or -1.
func commentStart(line []byte) int {
	var quote byte
	for i, c := range line {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.IndexByte(" :-[{,", line[i-1]) >= 0 {
				quote = c
			}
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		}
	}
	return -1
}
