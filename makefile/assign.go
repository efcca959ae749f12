package makefile

import (
	"bytes"

	"github.com/stackls/stackls/position"
)

// findAssignment finds the assignment operator of text, skipping $(...)
// and ${...}. It returns the operator's bounds, or false when a rule
// colon or nothing comes first.
func findAssignment(text []byte) (opStart, opEnd int, ok bool) {
	for k := 0; k < len(text); k++ {
		switch text[k] {
		case '$':
			k = skipReference(text, k)
		case '=':
			if k > 0 && (text[k-1] == '?' || text[k-1] == '+' || text[k-1] == '!') {
				return k - 1, k + 1, true
			}
			return k, k + 1, true
		case ':':
			n := 1
			for k+n < len(text) && text[k+n] == ':' && n < 3 {
				n++
			}
			if k+n < len(text) && text[k+n] == '=' {
				return k, k + n + 1, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// skipReference returns the index of the last byte of the reference that
// starts with the "$" at text[k]: the closing bracket of $(...), the
// character of $X, or k itself for a "$" at the end.
func skipReference(text []byte, k int) int {
	if k+1 >= len(text) {
		return k
	}
	if text[k+1] == '(' || text[k+1] == '{' {
		if end := matchBracket(text, k+1); end > 0 {
			return end
		}
		return len(text) - 1
	}
	return k + 1
}

// findTopLevel returns the index of the first c in text outside $(...)
// and ${...}, or -1.
func findTopLevel(text []byte, c byte) int {
	for k := 0; k < len(text); k++ {
		switch text[k] {
		case '$':
			k = skipReference(text, k)
		case c:
			return k
		}
	}
	return -1
}

// assignmentWith parses m as an assignment with the given modifiers, for
// targets when it is target-specific. It returns false when m is not an
// assignment.
func (p *parser) assignmentWith(m mapped, mods modifiers, targets []*Word) bool {
	opStart, opEnd, ok := findAssignment(m.text)
	if !ok {
		return false
	}
	name := trimRight(m.slice(0, opStart))
	value := m.slice(opEnd, len(m.text))
	value = value.slice(len(value.text)-len(bytes.TrimLeft(value.text, " \t")), len(value.text))

	v := &Var{
		Name:     string(name.text),
		NameSpan: m.spanAt(0, len(name.text)),
		Op:       string(m.text[opStart:opEnd]),
		Value:    string(value.text),
		Span:     m.spanAt(0, len(m.text)),
		Override: mods.override,
		Export:   mods.export,
		Targets:  targets,
		src:      value.src,
	}
	v.ValueSpan = value.spanAt(0, len(value.text))
	if len(value.text) == 0 {
		end := m.spanAt(opStart, opEnd).End
		v.ValueSpan = position.Span{Start: end, End: end}
	}
	if len(name.text) == 0 {
		p.errorf(m.spanAt(opStart, opEnd), "assignment %q has no variable name before it", v.Op)
	}
	if v.Name == ".RECIPEPREFIX" && targets == nil {
		p.prefix = '\t'
		if len(value.text) > 0 {
			p.prefix = value.text[0]
		}
	}
	p.f.Vars = append(p.f.Vars, v)
	p.collectRefs(name)
	p.collectRefs(value)
	return true
}

// assignmentOrRule parses a logical line that is not a directive.
func (p *parser) assignmentOrRule(m mapped, tabbed bool, last int) {
	if p.assignmentWith(m, modifiers{}, nil) {
		return
	}
	colon := findTopLevel(m.text, ':')
	if colon < 0 {
		if m.text[0] != '$' { // a lone $(eval ...) or $(info ...) is valid
			span := m.spanAt(0, len(m.text))
			if tabbed {
				p.errorf(span, "recipe line before the first rule: a line starting with a tab needs a rule \"target: prerequisites\" above it")
			} else {
				p.errorf(span, "missing separator: expected a rule \"target: prerequisites\" or an assignment \"NAME = value\"")
			}
		}
		p.collectRefs(m)
		return
	}
	p.rule = p.ruleHeader(m, colon)
}

// ruleHeader parses the targets and prerequisites of a rule line whose
// first colon is at m.text[colon], and returns the rule, or nil for a
// target-specific assignment.
func (p *parser) ruleHeader(m mapped, colon int) *Rule {
	header := m.spanAt(0, len(m.text))
	r := &Rule{Targets: words(m.slice(0, colon)), HeaderSpan: header, Span: header}
	p.collectRefs(m.slice(0, colon))
	if len(r.Targets) == 0 {
		p.errorf(m.spanAt(colon, colon+1), "rule has no target before \":\"")
	}
	after := colon + 1
	if after < len(m.text) && m.text[after] == ':' {
		r.DoubleColon = true
		after++
	}
	rest := m.slice(after, len(m.text))

	if p.targetAssignment(rest, r.Targets) {
		return nil
	}
	if semi := findTopLevel(rest.text, ';'); semi >= 0 {
		p.inlineRecipe(r, rest.slice(semi+1, len(rest.text)))
		rest = rest.slice(0, semi)
	}
	if second := findTopLevel(rest.text, ':'); second >= 0 {
		if pattern := words(rest.slice(0, second)); len(pattern) > 0 {
			r.TargetPattern = pattern[0]
		}
		p.collectRefs(rest.slice(0, second))
		rest = rest.slice(second+1, len(rest.text))
	}
	p.collectRefs(rest)
	orderOnly := false
	for _, w := range words(rest) {
		if w.Text == "|" {
			orderOnly = true
			continue
		}
		r.Prereqs = append(r.Prereqs, w)
		if orderOnly {
			r.OrderOnly = append(r.OrderOnly, w)
		}
	}
	p.f.Rules = append(p.f.Rules, r)
	return r
}

// targetAssignment parses "targets: [override|export|private] NAME = value"
// and reports whether rest was one.
func (p *parser) targetAssignment(rest mapped, targets []*Word) bool {
	opStart, _, ok := findAssignment(rest.text)
	if !ok {
		return false
	}
	if semi := findTopLevel(rest.text, ';'); semi >= 0 && semi < opStart {
		return false
	}
	var mods modifiers
	for {
		trimmed := bytes.TrimLeft(rest.text, " \t")
		rest = rest.slice(len(rest.text)-len(trimmed), len(rest.text))
		word, after := firstWord(rest.text)
		switch string(word) {
		case "override", "export", "private":
			if isAssignmentOp(bytes.TrimLeft(after, " \t")) {
				return p.assignmentWith(rest, mods, targets)
			}
			p.f.Directives = append(p.f.Directives, &Word{Text: string(word), Span: rest.spanAt(0, len(word))})
			mods.override = mods.override || string(word) == "override"
			mods.export = mods.export || string(word) == "export"
			rest = rest.slice(len(word), len(rest.text))
		default:
			return p.assignmentWith(rest, mods, targets)
		}
	}
}

// inlineRecipe adds the recipe after ";" on a rule line.
func (p *parser) inlineRecipe(r *Rule, m mapped) {
	m = m.slice(len(m.text)-len(bytes.TrimLeft(m.text, " \t")), len(m.text))
	span := m.spanAt(0, len(m.text))
	r.Recipes = append(r.Recipes, &Recipe{
		Text:     string(m.text),
		Span:     span,
		TextSpan: span,
		Prefix:   recipePrefix(m.text),
		Rule:     r,
		src:      m.src,
	})
	p.collectRefs(m)
}
