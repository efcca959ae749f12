package makefile

import (
	"bytes"
	"fmt"

	"github.com/stackls/stackls/position"
)

// parser reads a Makefile statement by statement.
type parser struct {
	f       *File
	content []byte
	lines   []line
	prefix  byte  // the recipe prefix, "\t" unless .RECIPEPREFIX sets another
	rule    *Rule // the rule whose recipe lines may follow; nil outside a rule
	conds   []*Word
}

func newParser(content []byte) *parser {
	return &parser{
		f:       &File{Content: content},
		content: content,
		lines:   splitLines(content),
		prefix:  '\t',
	}
}

func (p *parser) parse() {
	for i := 0; i < len(p.lines); {
		i = p.statement(i)
	}
	for _, cond := range p.conds {
		p.errorf(cond.Span, "%q has no matching \"endif\"", cond.Text)
	}
}

func (p *parser) errorf(span position.Span, format string, args ...any) {
	p.f.Errors = append(p.f.Errors, &Error{Span: span, Message: fmt.Sprintf(format, args...)})
}

// statement parses the statement that starts at physical line i and
// returns the index of the line after it.
func (p *parser) statement(i int) int {
	ln := p.lines[i]
	raw := p.content[ln.start:ln.end]
	if p.rule != nil && len(raw) > 0 && raw[0] == p.prefix {
		return p.recipe(i, 1, false)
	}

	m, last := p.logical(i)
	m = p.stripComment(m)
	text := bytes.TrimLeft(m.text, " \t")
	if len(text) == 0 {
		return last + 1
	}
	m = m.slice(len(m.text)-len(text), len(m.text))
	m = trimRight(m)

	if p.rule != nil && raw[0] == ' ' && !p.looksLikeMake(m) {
		indent := len(raw) - len(bytes.TrimLeft(raw, " \t"))
		return p.recipe(i, indent, true)
	}
	if next, ok := p.directive(m, last); ok {
		return next
	}
	p.rule = nil
	p.assignmentOrRule(m, raw[0] == p.prefix, last)
	return last + 1
}

// stripComment records the comment of a logical line and returns the text
// before it. A "#" inside $(...) still starts a comment, as in make.
func (p *parser) stripComment(m mapped) mapped {
	for k := 0; k < len(m.text); k++ {
		if m.text[k] == '\\' {
			k++
			continue
		}
		if m.text[k] == '#' {
			p.f.Comments = append(p.f.Comments, m.spanAt(k, len(m.text)))
			return m.slice(0, k)
		}
	}
	return m
}

func trimRight(m mapped) mapped {
	n := len(bytes.TrimRight(m.text, " \t"))
	return m.slice(0, n)
}

// looksLikeMake reports whether a space-indented line in a rule is makefile
// syntax (a comment, directive or assignment) rather than a recipe line
// that should have been indented with the recipe prefix.
func (p *parser) looksLikeMake(m mapped) bool {
	word, _ := firstWord(m.text)
	if _, ok := directiveKeywords[string(word)]; ok {
		return true
	}
	_, _, ok := findAssignment(m.text)
	return ok
}

// recipe parses the recipe line at physical line i, whose command starts
// skip bytes into the line, and returns the index of the line after it.
func (p *parser) recipe(i, skip int, spaceIndent bool) int {
	m, last := p.recipeLogical(i, skip)
	rule := p.rule
	r := &Recipe{
		Text:        string(m.text),
		Span:        position.Span{Start: p.lines[i].start, End: p.lines[last].end},
		TextSpan:    position.Span{Start: p.lines[i].start + skip, End: p.lines[last].end},
		SpaceIndent: spaceIndent,
		Prefix:      recipePrefix(m.text),
		Rule:        rule,
		src:         m.src,
	}
	rule.Recipes = append(rule.Recipes, r)
	rule.Span.End = r.Span.End
	p.collectRefs(m)
	return last + 1
}

// recipePrefix returns the "@", "-" and "+" flags at the start of text,
// with the blanks between them.
func recipePrefix(text []byte) string {
	n := 0
	for n < len(text) && (text[n] == '@' || text[n] == '-' || text[n] == '+' || isBlank(text[n])) {
		n++
	}
	for n > 0 && isBlank(text[n-1]) {
		n--
	}
	return string(text[:n])
}

// firstWord returns the first blank-separated word of text and the text
// after it.
func firstWord(text []byte) ([]byte, []byte) {
	n := 0
	for n < len(text) && !isBlank(text[n]) {
		n++
	}
	return text[:n], text[n:]
}

// words splits m into blank-separated words. A $(...) or ${...} is kept
// inside its word even when it holds blanks.
func words(m mapped) []*Word {
	var out []*Word
	for k := 0; k < len(m.text); {
		if isBlank(m.text[k]) {
			k++
			continue
		}
		start := k
		for k < len(m.text) && !isBlank(m.text[k]) {
			if m.text[k] == '$' && k+1 < len(m.text) && (m.text[k+1] == '(' || m.text[k+1] == '{') {
				if end := matchBracket(m.text, k+1); end > 0 {
					k = end + 1
					continue
				}
			}
			k++
		}
		out = append(out, &Word{Text: string(m.text[start:k]), Span: m.spanAt(start, k)})
	}
	return out
}

// matchBracket returns the index of the bracket that closes the one at
// text[open], counting nested brackets of the same kind as make does, or
// -1 when it is not closed.
func matchBracket(text []byte, open int) int {
	closer := byte(')')
	if text[open] == '{' {
		closer = '}'
	}
	depth := 0
	for k := open; k < len(text); k++ {
		switch text[k] {
		case text[open]:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}
