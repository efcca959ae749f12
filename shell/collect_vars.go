package shell

import (
	"strings"

	"github.com/stackls/stackls/position"
	"mvdan.cc/sh/v3/syntax"
)

// param records the variable a parameter expansion reads, and the one it
// sets for "${A:=x}". Special and positional parameters ($@, $1, $?) are
// not variables and are left out.
func (c *collector) param(n *syntax.ParamExp) {
	if n.Index != nil {
		c.arithm(n.Index)
	}
	if n.Slice != nil {
		c.arithm(n.Slice.Offset)
		c.arithm(n.Slice.Length)
	}
	if n.Param == nil || n.Names != 0 || !isName(n.Param.Value) {
		return
	}
	span, ok := nameSpan(c.f.Content, n.Param, n.Param.Value)
	if !ok {
		return
	}
	use := &VarRef{Name: n.Param.Value, Span: span}
	if n.Exp != nil {
		switch n.Exp.Op {
		case syntax.DefaultUnset, syntax.DefaultUnsetOrNull,
			syntax.ErrorUnset, syntax.ErrorUnsetOrNull:
			use.HasDefault = true
		case syntax.AssignUnset, syntax.AssignUnsetOrNull:
			use.HasDefault = true
			def := &VarRef{Name: n.Param.Value, Span: span, HasDefault: true, Value: c.word(n.Exp.Word)}
			c.f.VarDefs = append(c.f.VarDefs, def)
		}
	}
	c.f.VarUses = append(c.f.VarUses, use)
}

// arithm records the variables an arithmetic expression reads by bare name,
// such as "n" in "$((n + 1))". "$n" inside it is a ParamExp, which the main
// walk records.
//
// TODO: "n" on the left of "=" or "+=" in arithmetic sets n; it is
// recorded as a use only.
func (c *collector) arithm(expr syntax.ArithmExpr) {
	if expr == nil {
		return
	}
	syntax.Walk(expr, func(node syntax.Node) bool {
		switch n := node.(type) {
		case *syntax.CmdSubst, *syntax.ParamExp:
			return false
		case *syntax.Word:
			if lit := singleLit(n); lit != nil && isName(lit.Value) {
				if span, ok := nameSpan(c.f.Content, lit, lit.Value); ok {
					c.f.VarUses = append(c.f.VarUses, &VarRef{Name: lit.Value, Span: span})
				}
			}
		}
		return true
	})
}

// function records a function definition.
func (c *collector) function(n *syntax.FuncDecl) {
	if n.Name == nil {
		return
	}
	span, ok := nodeSpan(c.src, n)
	nameSpan, nameOK := nodeSpan(c.src, n.Name)
	if ok && nameOK {
		// The name as written: the parser read a copy in which bytes that
		// are not UTF-8 were replaced.
		name := string(c.f.Content[nameSpan.Start:nameSpan.End])
		c.f.Functions = append(c.f.Functions, &Function{Name: name, NameSpan: nameSpan, Span: span})
	}
}

// heredoc records the body of a here-document redirect.
func (c *collector) heredoc(n *syntax.Redirect) {
	if (n.Op != syntax.Hdoc && n.Op != syntax.DashHdoc) || n.Hdoc == nil {
		return
	}
	body, ok := nodeSpan(c.src, n.Hdoc)
	if !ok {
		return
	}
	quoted := false
	if n.Word != nil {
		for _, part := range n.Word.Parts {
			switch p := part.(type) {
			case *syntax.SglQuoted, *syntax.DblQuoted:
				quoted = true
			case *syntax.Lit:
				for i := 0; i < len(p.Value); i++ {
					if p.Value[i] == '\\' {
						quoted = true
					}
				}
			}
		}
	}
	if n.Word != nil {
		delimiter, _ := wordLiteral(n.Word)
		body = withoutDelimiter(c.src, body, delimiter)
	}
	c.f.Heredocs = append(c.f.Heredocs, &Heredoc{Body: body, Quoted: quoted})
}

// withoutDelimiter returns body without its last line when that line is
// the here-document's delimiter, which the parser counts as part of it.
func withoutDelimiter(src []byte, body position.Span, delimiter string) position.Span {
	text := string(src[body.Start:body.End])
	lineStart := strings.LastIndexByte(text, '\n') + 1
	last := strings.TrimRight(strings.TrimLeft(text[lineStart:], "\t"), "\r")
	if last == delimiter {
		body.End = body.Start + lineStart
	}
	return body
}

// word converts a word; nil when the parser recovered it.
func (c *collector) word(w *syntax.Word) *Word {
	if w == nil {
		return nil
	}
	span, ok := nodeSpan(c.src, w)
	if !ok {
		return nil
	}
	literal, dynamic := wordLiteral(w)
	return &Word{Literal: literal, Dynamic: dynamic, Span: span}
}

// isName reports whether s is a shell variable name.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		letter := b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
		if !letter && (i == 0 || b < '0' || b > '9') {
			return false
		}
	}
	return true
}
