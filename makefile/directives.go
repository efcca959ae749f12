package makefile

import (
	"bytes"

	"github.com/stackls/stackls/position"
)

// directiveKeywords are the words that start a directive line.
var directiveKeywords = map[string]struct{}{
	"ifeq": {}, "ifneq": {}, "ifdef": {}, "ifndef": {}, "else": {}, "endif": {},
	"include": {}, "-include": {}, "sinclude": {},
	"define": {}, "endef": {}, "undefine": {},
	"override": {}, "export": {}, "unexport": {}, "private": {}, "vpath": {},
}

// modifiers are the words that may come before an assignment or define.
type modifiers struct {
	override, export bool
}

// directive parses m when it starts with a directive keyword. It returns
// the index of the line after the statement and true, or false when m is
// not a directive.
func (p *parser) directive(m mapped, last int) (int, bool) {
	var mods modifiers
	stmtStart := m.spanAt(0, len(m.text)).Start
	for {
		word, rest := firstWord(m.text)
		keyword := string(word)
		if _, ok := directiveKeywords[keyword]; !ok {
			if mods == (modifiers{}) {
				return 0, false
			}
			p.rule = nil
			if p.assignmentWith(m, mods, nil) {
				p.f.Vars[len(p.f.Vars)-1].Span.Start = stmtStart // include the modifiers
			} else {
				p.collectRefs(m) // export NAME ...
			}
			return last + 1, true
		}
		kw := &Word{Text: keyword, Span: m.spanAt(0, len(word))}
		restAt := len(m.text) - len(bytes.TrimLeft(rest, " \t"))
		rest = m.text[restAt:]
		if isAssignmentOp(rest) {
			return 0, false // a variable named like a keyword: "export = 1"
		}
		p.f.Directives = append(p.f.Directives, kw)
		args := m.slice(restAt, len(m.text))

		switch keyword {
		case "override", "export", "private":
			mods.override = mods.override || keyword == "override"
			mods.export = mods.export || keyword == "export"
			if len(rest) == 0 {
				return last + 1, true
			}
			m = args
			continue
		case "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif":
			p.conditional(kw, args)
		case "include", "-include", "sinclude":
			p.rule = nil
			p.f.Includes = append(p.f.Includes, words(args)...)
			p.collectRefs(args)
		case "define":
			p.rule = nil
			return p.define(kw, args, mods, last), true
		case "endef":
			p.errorf(kw.Span, "\"endef\" has no matching \"define\"")
		default: // unexport, undefine, vpath
			p.collectRefs(args)
		}
		return last + 1, true
	}
}

// isAssignmentOp reports whether text starts with an assignment operator.
func isAssignmentOp(text []byte) bool {
	for _, op := range []string{"=", ":=", "::=", ":::=", "?=", "+=", "!="} {
		if bytes.HasPrefix(text, []byte(op)) {
			return true
		}
	}
	return false
}

// conditional tracks the nesting of ifeq, ifneq, ifdef, ifndef, else and
// endif. Both branches of a conditional are parsed.
func (p *parser) conditional(kw *Word, args mapped) {
	switch kw.Text {
	case "else":
		p.elseDirective(kw, args)
	case "endif":
		if len(p.conds) == 0 {
			p.errorf(kw.Span, "\"endif\" has no matching \"ifeq\", \"ifneq\", \"ifdef\" or \"ifndef\"")
			return
		}
		p.conds = p.conds[:len(p.conds)-1]
	default:
		p.conds = append(p.conds, kw)
		p.collectRefs(args)
	}
}

func (p *parser) elseDirective(kw *Word, args mapped) {
	if len(p.conds) == 0 {
		p.errorf(kw.Span, "\"else\" has no matching \"ifeq\", \"ifneq\", \"ifdef\" or \"ifndef\"")
		return
	}
	word, _ := firstWord(args.text)
	switch string(word) {
	case "ifeq", "ifneq", "ifdef", "ifndef":
		p.f.Directives = append(p.f.Directives, &Word{Text: string(word), Span: args.spanAt(0, len(word))})
		p.collectRefs(args.slice(len(word), len(args.text)))
	}
}

// define parses "define NAME [op]" and its body up to the matching
// "endef", and returns the index of the line after "endef".
func (p *parser) define(kw *Word, args mapped, mods modifiers, headerLast int) int {
	name, rest := firstWord(args.text)
	v := &Var{
		Name:     string(name),
		NameSpan: args.spanAt(0, len(name)),
		Op:       "=",
		Span:     position.Span{Start: kw.Span.Start, End: p.lines[headerLast].end},
		Override: mods.override,
		Export:   mods.export,
		Define:   true,
	}
	if op := bytes.TrimSpace(rest); len(op) > 0 {
		v.Op = string(op)
	}
	if len(name) == 0 {
		p.errorf(kw.Span, "\"define\" needs a variable name")
	}
	p.f.Vars = append(p.f.Vars, v)

	depth := 1
	var body mapped
	for i := headerLast + 1; i < len(p.lines); i++ {
		ln := p.lines[i]
		word, _ := firstWord(bytes.TrimLeft(p.content[ln.start:ln.end], " \t"))
		switch string(word) {
		case "define":
			depth++
		case "endef":
			depth--
		}
		if depth == 0 {
			at := ln.start + bytes.Index(p.content[ln.start:ln.end], []byte("endef"))
			p.f.Directives = append(p.f.Directives, &Word{Text: "endef", Span: position.Span{Start: at, End: at + 5}})
			v.Span.End = ln.end
			p.setDefineBody(v, body)
			return i + 1
		}
		if len(body.text) > 0 {
			body.appendByte('\n', p.lines[i-1].end)
		}
		body.appendRange(p.content, ln.start, ln.end)
	}
	p.errorf(kw.Span, "\"define %s\" has no matching \"endef\"", v.Name)
	v.Span.End = len(p.content)
	p.setDefineBody(v, body)
	return len(p.lines)
}

func (p *parser) setDefineBody(v *Var, body mapped) {
	v.Value = string(body.text)
	v.src = body.src
	v.ValueSpan = position.Span{Start: v.NameSpan.End, End: v.NameSpan.End}
	if len(body.text) > 0 {
		v.ValueSpan = body.spanAt(0, len(body.text))
	}
	p.collectRefs(body)
}
