package makefile

import (
	"bytes"
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// findComposeCalls returns the docker compose invocations of every recipe
// line of f, in source order.
func findComposeCalls(f *File) []*ComposeCall {
	var calls []*ComposeCall
	earlier := earlierAssignments(f)
	global := globalValues(f)
	for _, rule := range f.Rules {
		var x *expander
		for _, r := range rule.Recipes {
			if !bytes.Contains([]byte(r.Text), []byte("compose")) && !strings.Contains(r.Text, "$") {
				continue
			}
			if x == nil {
				x = newRuleExpander(f, global, rule.Targets)
			}
			var out expanded
			x.referenced = map[string]bool{}
			x.expand(&out, mapped{text: []byte(r.Text), src: r.src}, &frame{})
			referenced := x.referenced
			x.referenced = nil
			found := recipeCalls(&out, r)
			addAlternatives(x, earlier, referenced, r, &out, found)
			calls = append(calls, found...)
		}
	}
	return calls
}

// addAlternatives expands the recipe line r again with each earlier
// assignment of each variable that the file sets more than once, and
// attaches the calls found to the matching calls of the last assignment.
// x is the expander of r's rule, and referenced the names that expanding
// r met: an assignment of any other variable cannot change r, so it is
// skipped without expanding r again.
func addAlternatives(x *expander, earlier []*Var, referenced map[string]bool, r *Recipe, last *expanded, calls []*ComposeCall) {
	if len(calls) == 0 {
		return
	}
	for _, v := range earlier {
		if !referenced[v.Name] {
			continue
		}
		saved, had := x.values[v.Name]
		x.values[v.Name] = &varValue{pieces: []mapped{{text: []byte(v.Value), src: v.src}}}
		var out expanded
		x.expand(&out, mapped{text: []byte(r.Text), src: r.src}, &frame{})
		if had {
			x.values[v.Name] = saved
		} else {
			delete(x.values, v.Name)
		}
		if sameSources(&out, last) {
			continue // the recipe does not use the variable
		}
		alternatives := recipeCalls(&out, r)
		if len(alternatives) != len(calls) {
			continue
		}
		for i, c := range calls {
			c.Alternatives = append(c.Alternatives, alternatives[i])
		}
	}
}

// earlierAssignments returns the global plain assignments ("=", ":=")
// that a later plain assignment of the same variable replaces.
func earlierAssignments(f *File) []*Var {
	last := map[string]*Var{}
	for _, v := range f.Vars {
		if v.Targets == nil && isPlainAssignment(v.Op) {
			last[v.Name] = v
		}
	}
	var out []*Var
	for _, v := range f.Vars {
		if v.Targets == nil && isPlainAssignment(v.Op) && last[v.Name] != v {
			out = append(out, v)
		}
	}
	return out
}

func isPlainAssignment(op string) bool {
	return op == "=" || op == ":=" || op == "::=" || op == ":::="
}

// sameSources reports whether two expansions have the same bytes from the
// same places of the content.
func sameSources(a, b *expanded) bool {
	if !bytes.Equal(a.text, b.text) || len(a.src) != len(b.src) {
		return false
	}
	for i := range a.src {
		if a.src[i] != b.src[i] {
			return false
		}
	}
	return true
}

// recipeCalls parses the expanded recipe line as bash and returns its
// docker compose calls.
func recipeCalls(out *expanded, r *Recipe) []*ComposeCall {
	text := out.text
	if n := len(recipePrefix(text)); n > 0 {
		text = bytes.Repeat([]byte{' '}, n) // keep offsets, drop "@", "-" and "+"
		text = append(text, out.text[n:]...)
	}
	if !bytes.Contains(text, []byte("compose")) || bytes.IndexByte(text, 0) >= 0 {
		return nil // the shell lexer drops NUL bytes, which would shift Spans
	}
	// NOTE: on a syntax error the statements before it are still searched,
	// so that a half-typed line keeps its calls.
	file, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(text), "")
	if file == nil || err != nil && len(file.Stmts) == 0 {
		return nil
	}

	var calls []*ComposeCall
	dir := ""
	syntax.Walk(file, func(node syntax.Node) bool {
		call, ok := node.(*syntax.CallExpr)
		if !ok {
			return true
		}
		args := make([]shellWord, len(call.Args))
		for i, w := range call.Args {
			args[i] = literalWord(w)
		}
		if len(args) >= 1 && args[0].literal && args[0].value == "cd" {
			dir = changeDir(dir, args[1:])
			return true
		}
		if c := composeCall(out, args); c != nil {
			c.Recipe, c.Rule, c.Dir = r, r.Rule, dir
			calls = append(calls, c)
		}
		return true
	})
	return calls
}

// changeDir returns the folder after "cd ARGS" run in dir, relative to the
// Makefile's folder. An absolute or unknown folder gives "".
func changeDir(dir string, args []shellWord) string {
	if len(args) == 0 || !args[0].literal || path.IsAbs(args[0].value) || args[0].value == "-" {
		return ""
	}
	next := path.Clean(path.Join(dir, args[0].value))
	if next == "." {
		return ""
	}
	return next
}

// shellWord is one shell word of an expanded recipe line.
type shellWord struct {
	value   string
	literal bool // no parameter, command or arithmetic expansion
	// start and end bound the word's text in the expanded line, quotes
	// excluded when the whole word is quoted.
	start, end int
	// aligned is true when value equals the expanded text [start, end),
	// so that a part of value maps to a part of the Span.
	aligned bool
}

// literalWord returns the value of w with quotes and escapes removed.
func literalWord(w *syntax.Word) shellWord {
	sw := shellWord{literal: true, start: int(w.Pos().Offset()), end: int(w.End().Offset())}
	var b strings.Builder
	for i, part := range w.Parts {
		start, end := int(part.Pos().Offset()), int(part.End().Offset())
		switch part := part.(type) {
		case *syntax.Lit:
			b.WriteString(unescape(part.Value, false))
		case *syntax.SglQuoted:
			b.WriteString(part.Value)
			start, end = start+1, end-1
			if part.Dollar {
				start++
			}
		case *syntax.DblQuoted:
			for _, inner := range part.Parts {
				lit, ok := inner.(*syntax.Lit)
				if !ok {
					sw.literal = false
					continue
				}
				b.WriteString(unescape(lit.Value, true))
			}
			start, end = start+1, end-1
			if part.Dollar {
				start++
			}
		default:
			sw.literal = false
		}
		if i == 0 {
			sw.start = start
		}
		if i == len(w.Parts)-1 {
			sw.end = end
		}
	}
	sw.value = b.String()
	sw.aligned = sw.end-sw.start == len(sw.value)
	return sw
}

// unescape removes the backslashes of a shell literal; inside double
// quotes only before the characters that bash unescapes there.
func unescape(s string, quoted bool) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		next := s[i+1]
		switch {
		case next == '\n':
			i++
		case !quoted || strings.IndexByte("\"\\$`", next) >= 0:
			b.WriteByte(next)
			i++
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// word returns the Word for the bytes [start, end) of out, or nil when
// they map to no place in the content.
func (out *expanded) word(text string, start, end int) *Word {
	span, ok := out.span(start, end)
	if !ok {
		return nil
	}
	return &Word{Text: text, Span: span}
}

// wholeWord returns the Word for sw.
func (out *expanded) wholeWord(sw shellWord) *Word {
	return out.word(sw.value, sw.start, sw.end)
}

// tailWord returns the Word for sw.value[skip:], such as the value of
// "--file=x": exact when sw is aligned, else the whole word's Span.
func (out *expanded) tailWord(sw shellWord, skip int) *Word {
	if sw.aligned {
		return out.word(sw.value[skip:], sw.start+skip, sw.end)
	}
	w := out.wholeWord(sw)
	if w != nil {
		w.Text = sw.value[skip:]
	}
	return w
}
