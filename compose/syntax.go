package compose

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// maxSyntaxErrors bounds how many syntax errors Parse reports, and so how
// many times it repairs and parses the content again.
const maxSyntaxErrors = 20

// Error codes of File.Errors.
const (
	CodeSyntax       = "yaml-syntax"
	CodeTab          = "yaml-tab-indent"
	CodeDuplicateKey = "yaml-duplicate-key"
	CodeUnknownAlias = "yaml-unknown-anchor"
)

var linePrefix = regexp.MustCompile(`^line \d+: `)

// parseTree decodes content into a node tree. On a syntax error it records
// the error at the offending token, blanks that part of a working copy
// (keeping every byte offset) and parses again, so the rest of the file is
// still modelled. It returns the tree and the working copy it came from.
func parseTree(content []byte) (root *yaml.Node, work []byte, errs []*Error) {
	work = content
	for attempt := 0; attempt <= maxSyntaxErrors; attempt++ {
		var doc yaml.Node
		err := unmarshal(work, &doc)
		if err == nil {
			return &doc, work, errs
		}
		if attempt == maxSyntaxErrors {
			break
		}
		located, repaired := locateError(work, err)
		errs = append(errs, located)
		if bytes.Equal(repaired, work) {
			break
		}
		work = repaired
	}
	return nil, work, errs
}

// unmarshal runs yaml.Unmarshal and turns a panic inside it into an error.
func unmarshal(content []byte, doc *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return yaml.Unmarshal(content, doc)
}

// yamlProblem returns the message of a yaml.v3 error without its "yaml: "
// and "line N: " prefixes, whose line is often that of an enclosing node.
func yamlProblem(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	return linePrefix.ReplaceAllString(msg, "")
}

// locateError finds the token that err is about, and returns the Error and
// a copy of work in which that problem is blanked out with spaces.
func locateError(work []byte, err error) (*Error, []byte) {
	problem := yamlProblem(err)
	lt := newLineTable(work)
	if name, ok := strings.CutPrefix(problem, "unknown anchor '"); ok {
		name = strings.TrimSuffix(name, "' referenced")
		if span, found := findAlias(work, name); found {
			return &Error{Span: span, Code: CodeUnknownAlias, Message: fmt.Sprintf("unknown anchor `%s`: no `&%s` is defined before this alias", name, name)},
				blank(work, position.Span{Start: span.Start - 1, End: span.End})
		}
	}
	line := problemLine(lt, problem)
	start, end := lt.starts[line], lt.lineEnd(line)
	text := work[start:end]
	switch {
	case strings.Contains(problem, "tab"), strings.HasPrefix(problem, "found character that cannot start any token") && bytes.IndexByte(text, '\t') >= 0:
		span := tabRun(text, start)
		repaired := bytes.Clone(work)
		for i := start; i < end; i++ {
			if repaired[i] == '\t' {
				repaired[i] = ' '
			}
		}
		return &Error{Span: span, Code: CodeTab, Message: "tab character in indentation: YAML allows only spaces"}, repaired
	case isEOFProblem(problem):
		span := openerSpan(text, start, problem)
		return &Error{Span: span, Code: CodeSyntax, Message: eofMessage(work, span, problem)},
			blank(work, position.Span{Start: span.Start, End: end})
	case strings.HasPrefix(problem, "mapping values are not allowed"):
		span := colonSpan(text, start)
		return &Error{Span: span, Code: CodeSyntax, Message: fmt.Sprintf("unexpected `%s`: a plain value cannot contain \": \"; quote the value or put the key on its own line", work[span.Start:span.End])},
			blank(work, blockSpan(lt, line))
	}
	span := firstToken(text, start)
	return &Error{Span: span, Code: CodeSyntax, Message: fmt.Sprintf("invalid YAML at `%s`: %s; check its indentation", work[span.Start:span.End], problem)},
		blank(work, blockSpan(lt, line))
}

// problemLine returns the first 0-based line at which a prefix of the
// content fails with the same problem as the whole content.
func problemLine(lt *lineTable, problem string) int {
	lo, hi := 0, len(lt.starts)-1
	for lo < hi {
		mid := (lo + hi) / 2
		var doc yaml.Node
		err := unmarshal(lt.content[:lt.lineEnd(mid)], &doc)
		if err != nil && yamlProblem(err) == problem {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// isEOFProblem reports whether a problem is an unterminated quoted scalar
// or flow collection, which the parser only notices at a later token.
func isEOFProblem(problem string) bool {
	return strings.Contains(problem, "end of stream") || strings.Contains(problem, "expected ',' or")
}

func eofMessage(work []byte, span position.Span, problem string) string {
	switch opener := string(work[span.Start:min(span.Start+1, span.End)]); opener {
	case "[":
		return "unclosed `[`: expected `,` or `]`"
	case "{":
		return "unclosed `{`: expected `,` or `}`"
	case `"`, "'":
		return fmt.Sprintf("unterminated quoted string: add the closing `%s`", opener)
	}
	return "unexpected end of file: " + problem
}

// openerSpan returns the Span of the last quote or bracket on the line that
// is not closed on that line, or the line's first token.
func openerSpan(text []byte, start int, problem string) position.Span {
	var stack []int
	var quote byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
				stack = stack[:len(stack)-1]
			}
		case c == '#' && (i == 0 || text[i-1] == ' '):
			i = len(text)
		case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" \t:-[{,", text[i-1]) >= 0):
			quote = c
			stack = append(stack, i)
		case c == '[' || c == '{':
			stack = append(stack, i)
		case (c == ']' || c == '}') && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) == 0 {
		return firstToken(text, start)
	}
	at := stack[len(stack)-1]
	if strings.Contains(problem, "end of stream") && quote == 0 {
		at = stack[0]
	}
	return position.Span{Start: start + at, End: start + at + 1}
}

// colonSpan returns the Span of the ":" that starts a second mapping value
// on the line, or of the key before the only such ":".
func colonSpan(text []byte, start int) position.Span {
	var colons []int
	for i, c := range text {
		if c == '#' && (i == 0 || text[i-1] == ' ') {
			break
		}
		if c == ':' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t') {
			colons = append(colons, i)
		}
	}
	switch len(colons) {
	case 0:
		return firstToken(text, start)
	case 1:
		return firstToken(text, start)
	}
	return position.Span{Start: start + colons[1], End: start + colons[1] + 1}
}

// firstToken returns the Span of the first word on the line, without a
// trailing ":" of a key; an empty Span at the line's end when it is blank.
func firstToken(text []byte, start int) position.Span {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	j := i
	for j < len(text) && text[j] != ' ' && text[j] != '\t' {
		if text[j] == ':' && j > i && (j+1 == len(text) || text[j+1] == ' ') {
			break
		}
		j++
	}
	return position.Span{Start: start + i, End: start + j}
}

// tabRun returns the Span of the first run of tabs on the line.
func tabRun(text []byte, start int) position.Span {
	i := bytes.IndexByte(text, '\t')
	if i < 0 {
		return firstToken(text, start)
	}
	j := i
	for j < len(text) && text[j] == '\t' {
		j++
	}
	return position.Span{Start: start + i, End: start + j}
}

// blockSpan returns the Span of a line and the lines after it that are
// indented deeper, which belong to it.
func blockSpan(lt *lineTable, line int) position.Span {
	indent := indentOf(lt.content[lt.starts[line]:lt.lineEnd(line)])
	end := lt.lineEnd(line)
	for next := line + 1; next < len(lt.starts); next++ {
		text := lt.content[lt.starts[next]:lt.lineEnd(next)]
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		if indentOf(text) <= indent {
			break
		}
		end = lt.lineEnd(next)
	}
	return position.Span{Start: lt.starts[line], End: end}
}

func indentOf(text []byte) int {
	n := 0
	for n < len(text) && (text[n] == ' ' || text[n] == '\t') {
		n++
	}
	return n
}

// blank returns a copy of work with the bytes of span, except line breaks,
// replaced by spaces.
func blank(work []byte, span position.Span) []byte {
	out := bytes.Clone(work)
	for i := max(span.Start, 0); i < min(span.End, len(out)); i++ {
		if out[i] != '\n' && out[i] != '\r' {
			out[i] = ' '
		}
	}
	return out
}

// findAlias returns the Span of the name of the first alias "*name" in the
// content.
func findAlias(content []byte, name string) (position.Span, bool) {
	token := []byte("*" + name)
	for from := 0; ; {
		i := bytes.Index(content[from:], token)
		if i < 0 {
			return position.Span{}, false
		}
		at := from + i
		end := at + len(token)
		if (at == 0 || strings.IndexByte(" \t\n[{,", content[at-1]) >= 0) && anchorNameEnd(content, at+1) == end {
			return position.Span{Start: at + 1, End: end}, true
		}
		from = end
	}
}
