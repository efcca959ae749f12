package shell

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/stackls/stackls/position"
	"mvdan.cc/sh/v3/syntax"
)

// Parse parses content as dialect. It never fails: problems are reported in
// File.Errors, and the model holds what could be read before the first
// syntax error.
//
// A POSIX script that uses bash constructs is read with bash's grammar, so
// that its commands and variables are still modelled, and each construct
// becomes an Error with its Feature set.
func Parse(content []byte, dialect Dialect) *File {
	f := &File{Content: content, Dialect: dialect, Shebang: parseShebang(content)}
	src := parserInput(content)

	tree, errs := parseTree(src, dialect)
	if tree != nil {
		c := &collector{f: f, src: src, stmtOf: map[syntax.Command]*syntax.Stmt{}}
		c.collect(tree)
	}
	f.Errors = errs
	sort.SliceStable(f.Errors, func(i, j int) bool { return f.Errors[i].Span.Start < f.Errors[j].Span.Start })
	return f
}

// SyntaxTree parses f's content again and returns the mvdan.cc/sh tree,
// with comments kept, that f's model was built from. It uses the same
// dialect fallback, masks and parser input, so every node's offset is a
// byte offset into f.Content. After a syntax error, the tree contains the
// statements before it. It returns nil for a nil f.
func SyntaxTree(f *File) *syntax.File {
	if f == nil {
		return nil
	}
	tree, _ := parseTree(parserInput(f.Content), f.Dialect, syntax.KeepComments(true))
	return tree
}

// parserInput returns content as mvdan.cc/sh can read it, with every
// offset into the result the same offset into content. A leading UTF-8
// byte order mark becomes three spaces, so that the parser reads "#!" as a
// comment. A NUL byte, which the parser skips without counting, becomes a
// space. Each byte that is not part of valid UTF-8 becomes invalidByte,
// because the parser stops at the first such byte.
//
// NOTE: a Word's Literal is read from the result, so it holds invalidByte
// where content holds a byte that is not UTF-8.
func parserInput(content []byte) []byte {
	hasBOM := bytes.HasPrefix(content, []byte(bom))
	if !hasBOM && bytes.IndexByte(content, 0) < 0 && utf8.Valid(content) {
		return content
	}
	src := append([]byte(nil), content...)
	if hasBOM {
		copy(src, "   ")
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			src[i] = invalidByte
		case r == 0:
			src[i] = ' '
		}
		i += size
	}
	return src
}

// invalidByte replaces a byte that is not UTF-8 in the parser input. A
// "?" is a glob character inside a word, so it neither ends the word nor
// starts a quote. After "$" it reads as "$?", which names no variable.
const invalidByte = '?'

const bom = "\xef\xbb\xbf"

// variants maps each Dialect to the mvdan.cc/sh language variant.
var variants = map[Dialect]syntax.LangVariant{
	POSIX:  syntax.LangPOSIX,
	Bash:   syntax.LangBash,
	MirBSD: syntax.LangMirBSDKorn,
	Zsh:    syntax.LangZsh,
}

// parseTree parses src and returns the tree to model (possibly partial)
// and the errors found.
func parseTree(src []byte, dialect Dialect, options ...syntax.ParserOption) (*syntax.File, []*Error) {
	variant, ok := variants[dialect]
	if !ok {
		variant = syntax.LangPOSIX
	}
	tree, err := parseWith(src, variant, options...)
	switch {
	case err == nil && dialect == POSIX:
		return tree, posixCommandFeatures(tree, src)
	case err == nil:
		return tree, nil
	case dialect != POSIX:
		return tree, []*Error{syntaxError(src, err)}
	}

	// POSIX sh rejects the script. When bash reads it, report the bash
	// constructs, every one and not only the first, and model bash's tree.
	bashTree, bashErr := parseWith(src, syntax.LangBash, options...)
	if bashErr != nil && !errorAfter(bashErr, err) {
		return tree, append(posixCommandFeatures(tree, src), syntaxError(src, err))
	}
	errs := bashFeatures(bashTree, src)
	var langErr syntax.LangError
	if errors.As(err, &langErr) && !covers(errs, int(langErr.Pos.Offset())) {
		errs = append(errs, langError(src, langErr))
	}
	if len(errs) == 0 {
		errs = append(errs, syntaxError(src, err))
	}
	if bashErr != nil {
		errs = append(errs, syntaxError(src, bashErr))
	}
	return bashTree, errs
}

// errorAfter reports whether parser error a lies after parser error b,
// which means that the parse that failed with a got further.
func errorAfter(a, b error) bool {
	return errorOffset(a) > errorOffset(b)
}

func errorOffset(err error) int {
	var parseErr syntax.ParseError
	if errors.As(err, &parseErr) {
		return int(parseErr.Pos.Offset())
	}
	var langErr syntax.LangError
	if errors.As(err, &langErr) {
		return int(langErr.Pos.Offset())
	}
	return -1
}

// parseWith runs the mvdan.cc/sh parser, with the associative array keys
// that it rejects masked (parseMaskingSubscripts). The tree it returns
// holds the statements before the first error.
func parseWith(src []byte, variant syntax.LangVariant, options ...syntax.ParserOption) (*syntax.File, error) {
	return parseMaskingSubscripts(src, variant, options...)
}

func parseOnce(src []byte, variant syntax.LangVariant, options ...syntax.ParserOption) (*syntax.File, error) {
	parser := syntax.NewParser(append([]syntax.ParserOption{syntax.Variant(variant)}, options...)...)
	return parser.Parse(bytes.NewReader(src), "")
}

// covers reports whether one of errs holds offset.
func covers(errs []*Error, offset int) bool {
	for _, e := range errs {
		if e.Span.Start <= offset && offset < e.Span.End {
			return true
		}
	}
	return false
}

// syntaxError converts a parser error to an Error whose Span covers the
// word at the error's position.
func syntaxError(src []byte, err error) *Error {
	var parseErr syntax.ParseError
	if errors.As(err, &parseErr) {
		return &Error{Span: tokenSpan(src, int(parseErr.Pos.Offset())), Message: parseErr.Text}
	}
	var langErr syntax.LangError
	if errors.As(err, &langErr) {
		return langError(src, langErr)
	}
	return &Error{Span: position.Span{}, Message: err.Error()}
}

// langError converts a construct that the parser's variant lacks.
func langError(src []byte, err syntax.LangError) *Error {
	message := err.Error()
	if i := strings.Index(message, ": "); i >= 0 {
		message = message[i+2:]
	}
	if i := strings.Index(message, "; tried parsing as"); i >= 0 {
		message = message[:i] + ", not " + dialectOf(err.LangUsed) + " syntax"
	}
	return &Error{Span: tokenSpan(src, int(err.Pos.Offset())), Message: message, Feature: err.Feature}
}

// dialectOf names a parser variant as the Dialect it stands for.
func dialectOf(variant syntax.LangVariant) string {
	for dialect, v := range variants {
		if v == variant {
			if dialect == POSIX {
				return "POSIX sh"
			}
			return dialect.String()
		}
	}
	return variant.String()
}

// tokenSpan returns the Span of the token that starts at offset: up to the
// next blank, line end or operator, and at least one byte unless offset is
// at a line end or past the content.
func tokenSpan(src []byte, offset int) position.Span {
	if offset < 0 {
		offset = 0
	}
	if offset >= len(src) {
		return position.Span{Start: len(src), End: len(src)}
	}
	end := offset
	for end < len(src) && !bytes.ContainsRune([]byte(" \t\r\n;&|()<>"), rune(src[end])) {
		end++
	}
	if end == offset && src[offset] != '\n' && src[offset] != '\r' {
		end++
	}
	return position.Span{Start: offset, End: end}
}

// nodeSpan returns the Span of a node in src, and false when the parser
// recovered the node and its positions are not in the source. The parser
// counts a "\r" before "\n" and a backslash-newline that end a word as
// part of it; the Span leaves them out.
func nodeSpan(src []byte, n syntax.Node) (position.Span, bool) {
	start, end := n.Pos(), n.End()
	if !start.IsValid() || !end.IsValid() {
		return position.Span{}, false
	}
	span := position.Span{Start: int(start.Offset()), End: int(end.Offset())}
	if span.End > len(src) || span.Start > span.End {
		return position.Span{}, false
	}
	return trimLineEnd(src, span), true
}

// nameSpan returns the Span of the name that node n holds, such as a
// variable's name. Inside backquotes the parser can report a node one
// byte too long, over an escape that follows it, so the Span is cut to
// the name when the content starts with it there. It returns false when
// the content at n does not hold name.
func nameSpan(content []byte, n syntax.Node, name string) (position.Span, bool) {
	span, ok := nodeSpan(content, n)
	if !ok || span.Start+len(name) > len(content) || string(content[span.Start:span.Start+len(name)]) != name {
		return position.Span{}, false
	}
	span.End = span.Start + len(name)
	return span, true
}

// trimLineEnd removes a trailing "\r" that a "\n" follows and trailing
// backslash-newlines from span.
func trimLineEnd(src []byte, span position.Span) position.Span {
	for span.End > span.Start {
		tail := src[span.Start:span.End]
		next := byte(0)
		if span.End < len(src) {
			next = src[span.End]
		}
		switch {
		case bytes.HasSuffix(tail, []byte("\\\r\n")):
			span.End -= 3
		case bytes.HasSuffix(tail, []byte("\\\n")):
			span.End -= 2
		case tail[len(tail)-1] == '\r' && next == '\n':
			span.End--
		default:
			return span
		}
	}
	return span
}
