package makefile

import "bytes"

// functions are the names of make's built-in functions, as of GNU make 4.4.
var functions = map[string]struct{}{
	"subst": {}, "patsubst": {}, "strip": {}, "findstring": {}, "filter": {},
	"filter-out": {}, "sort": {}, "word": {}, "wordlist": {}, "words": {},
	"firstword": {}, "lastword": {}, "dir": {}, "notdir": {}, "suffix": {},
	"basename": {}, "addsuffix": {}, "addprefix": {}, "join": {}, "wildcard": {},
	"realpath": {}, "abspath": {}, "error": {}, "warning": {}, "info": {},
	"shell": {}, "origin": {}, "flavor": {}, "foreach": {}, "if": {}, "or": {},
	"and": {}, "intcmp": {}, "call": {}, "eval": {}, "file": {}, "value": {},
	"let": {}, "guile": {},
}

// nameFunctions are the functions whose first argument names a variable.
var nameFunctions = map[string]struct{}{"call": {}, "value": {}, "origin": {}, "flavor": {}}

// collectRefs records every variable reference in m, nested ones too.
func (p *parser) collectRefs(m mapped) {
	for k := 0; k < len(m.text); k++ {
		if m.text[k] != '$' || k+1 >= len(m.text) {
			continue
		}
		next := m.text[k+1]
		switch {
		case next == '$':
			k++
		case next == '(' || next == '{':
			end := matchBracket(m.text, k+1)
			if end < 0 {
				p.errorf(m.spanAt(k, k+2), "unterminated variable reference: %q has no closing %q", string(m.text[k:k+2]), closerOf(next))
				return
			}
			p.bracketRef(m, k, end)
			k = end
		case isNameByte(next) && !(next >= '0' && next <= '9'):
			p.f.Refs = append(p.f.Refs, &Ref{Name: string(next), NameSpan: m.spanAt(k+1, k+2), Span: m.spanAt(k, k+2)})
			k++
		default: // automatic variables such as $@ and $<
			k++
		}
	}
}

func closerOf(open byte) string {
	if open == '{' {
		return "}"
	}
	return ")"
}

// bracketRef records the reference or function call m.text[k:end+1].
func (p *parser) bracketRef(m mapped, k, end int) {
	inner := m.slice(k+2, end)
	n := 0
	for n < len(inner.text) && !isBlank(inner.text[n]) && inner.text[n] != ':' && inner.text[n] != ',' && inner.text[n] != '$' {
		n++
	}
	name := string(inner.text[:n])
	_, isFunction := functions[name]
	switch {
	case n < len(inner.text) && inner.text[n] == '$':
		// A computed name such as $(FOO_$(ARCH)): only its parts are references.
		p.collectRefs(inner)
		return
	case isFunction && n < len(inner.text) && isBlank(inner.text[n]):
		args := inner.slice(n, len(inner.text))
		if _, ok := nameFunctions[name]; ok {
			p.functionNameArg(args)
		}
		p.collectRefs(args)
		return
	case n > 0:
		p.f.Refs = append(p.f.Refs, &Ref{Name: name, NameSpan: inner.spanAt(0, n), Span: m.spanAt(k, end+1)})
	}
	p.collectRefs(inner.slice(n, len(inner.text)))
}

// functionNameArg records the first argument of $(call NAME,...) and
// similar functions as a reference to the variable NAME.
func (p *parser) functionNameArg(args mapped) {
	start := len(args.text) - len(bytes.TrimLeft(args.text, " \t"))
	end := start
	for end < len(args.text) && isNameByte(args.text[end]) {
		end++
	}
	if end > start && (end == len(args.text) || args.text[end] == ',' || isBlank(args.text[end])) {
		p.f.Refs = append(p.f.Refs, &Ref{Name: string(args.text[start:end]), NameSpan: args.spanAt(start, end), Span: args.spanAt(start, end)})
	}
}

// isNameByte reports whether c may appear in a variable name that stackls
// resolves. Make allows almost any byte, but names in practice use these.
func isNameByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
