package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// wordLiteral returns the value of w after quote removal, and whether w
// holds an expansion whose value is unknown until run time. The literal
// then holds only the parts around the expansions.
func wordLiteral(w *syntax.Word) (literal string, dynamic bool) {
	var b strings.Builder
	for _, part := range w.Parts {
		if appendPart(&b, part, false) {
			dynamic = true
		}
	}
	return b.String(), dynamic
}

// appendPart writes the literal value of part to b and reports whether the
// part is an expansion.
func appendPart(b *strings.Builder, part syntax.WordPart, inDouble bool) (dynamic bool) {
	switch p := part.(type) {
	case *syntax.Lit:
		if inDouble {
			b.WriteString(unescapeDouble(p.Value))
		} else {
			b.WriteString(unescapeBare(p.Value))
		}
	case *syntax.SglQuoted:
		// TODO: $'...' escapes such as \n are kept as written.
		b.WriteString(p.Value)
	case *syntax.DblQuoted:
		for _, inner := range p.Parts {
			if appendPart(b, inner, true) {
				dynamic = true
			}
		}
	case *syntax.ExtGlob:
		b.WriteString(p.Op.String())
		if p.Pattern != nil {
			b.WriteString(p.Pattern.Value)
		}
		b.WriteString(")")
	default:
		return true // parameter, command, arithmetic or process expansion
	}
	return dynamic
}

// unescapeBare removes the backslashes of an unquoted literal: "\x" is "x"
// and a backslash-newline joins lines.
func unescapeBare(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == '\n' {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// unescapeDouble removes the backslashes that escape a character inside
// double quotes: only before $, `, ", \ and a newline; others stay.
func unescapeDouble(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\\n", s[i+1]) >= 0 {
			i++
			if s[i] == '\n' {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
