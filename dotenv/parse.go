package dotenv

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	composedotenv "github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/stackls/stackls/position"
)

// This file finds where each statement of a .env file starts and ends,
// following the statement rules of compose-go's dotenv parser (v2.16):
//
//   - blank space, including line breaks, between statements is skipped,
//     and a statement that starts with "#" is a comment up to the line end;
//   - "export" and blank space before a key are dropped;
//   - a key ends at "=", ":" or a line break; it may hold letters, digits
//     and "_.-[]", and blank space around it is trimmed;
//   - a key ended by a line break has no value and is inherited;
//   - a quoted value runs to the matching quote, backslash escapes
//     included, and what follows the quote starts the next statement;
//   - an unquoted value runs to the line end, cut before " #".
//
// compose-go computes each value (escapes and ${VAR} expansion against the
// keys before it) from the statement's text, so the two always agree.
// Unlike compose-go, which stops at the first error, Parse records the error
// and goes on with the next line.

// Parse parses content. It never fails: problems are reported in
// File.Errors and the entries around them are still read.
func Parse(content []byte) *File {
	f := &File{Content: content}
	p := &parser{file: f, vars: map[string]string{}}
	start := 0
	if bytes.HasPrefix(content, []byte("\ufeff")) {
		start = 3
	}
	for off := start; off < len(content); {
		off = p.statement(off)
	}
	return f
}

type parser struct {
	file *File
	vars map[string]string // values of the entries read so far
}

// statement reads the statement at or after off and returns the offset
// where the next one may start.
func (p *parser) statement(off int) int {
	content := p.file.Content
	off = skipFunc(content, off, unicode.IsSpace)
	if off >= len(content) {
		return off
	}
	if content[off] == '#' {
		return lineEnd(content, off)
	}

	stmtStart := off
	if isExport(content[off:]) {
		off = skipFunc(content, off+len("export"), isSpace)
	}
	keyStart := off
	keyEnd, next, stop, err := scanKey(content, off)
	if err != nil {
		p.errorf(position.Span{Start: keyEnd, End: keyEnd + runeLen(content, keyEnd)}, "%v", err)
		return nextLine(content, keyEnd)
	}
	if stop < 0 { // no "=", ":" or line break before the end: compose-go reads an empty key
		keyEnd, next = keyStart, keyStart
	}
	keyEnd = trimRightFunc(content, keyStart, keyEnd, unicode.IsSpace)
	key := string(content[keyStart:keyEnd])
	entry := &Entry{Key: key, KeySpan: position.Span{Start: keyStart, End: keyEnd}, Line: bytes.Count(content[:keyStart], []byte("\n"))}
	if strings.Contains(key, " ") {
		p.errorf(entry.KeySpan, "invalid key %q: a key cannot contain a space", key)
		return nextLine(content, keyStart)
	}

	if stop == '\n' {
		entry.Inherited = true
		entry.Span = position.Span{Start: stmtStart, End: keyEnd}
		entry.ValueSpan = position.Span{Start: keyEnd, End: keyEnd}
		p.file.Entries = append(p.file.Entries, entry)
		return next
	}
	return p.value(entry, stmtStart, skipFunc(content, next, isSpace))
}

// value reads the value of entry, which starts at off, and returns the
// offset after it.
func (p *parser) value(entry *Entry, stmtStart, off int) int {
	content := p.file.Content
	var after int
	if off < len(content) && (content[off] == '"' || content[off] == '\'') {
		end, ok := quotedEnd(content, off)
		if !ok {
			lineEnd := lineEnd(content, off)
			p.errorf(position.Span{Start: off, End: lineEnd}, "unterminated quoted value: add the closing %c", content[off])
			return nextLine(content, off)
		}
		entry.Quote = content[off]
		entry.ValueSpan = position.Span{Start: off, End: end}
		after = end
	} else {
		lineEnd := lineEnd(content, off)
		valueEnd := lineEnd
		if i := bytes.Index(content[off:lineEnd], []byte(" #")); i >= 0 {
			valueEnd = off + i
		}
		valueEnd = trimRightFunc(content, off, valueEnd, unicode.IsSpace)
		entry.ValueSpan = position.Span{Start: off, End: valueEnd}
		after = nextLine(content, lineEnd)
	}
	entry.Span = position.Span{Start: stmtStart, End: entry.ValueSpan.End}
	entry.Value = p.evaluate(entry, content[stmtStart:entry.ValueSpan.End])
	p.vars[entry.Key] = entry.Value
	p.file.Entries = append(p.file.Entries, entry)
	return after
}

// evaluate returns the value compose-go reads from one statement, with
// the entries before it as the variables it may expand.
func (p *parser) evaluate(entry *Entry, statement []byte) string {
	lookup := func(name string) (string, bool) {
		value, ok := p.vars[name]
		return value, ok
	}
	vars, err := composedotenv.UnmarshalBytesWithLookup(statement, lookup)
	if err != nil {
		p.errorf(entry.ValueSpan, "invalid value of %s: %v", entry.Key, err)
		return string(p.file.Content[entry.ValueSpan.Start:entry.ValueSpan.End])
	}
	return vars[entry.Key]
}

func (p *parser) errorf(span position.Span, format string, args ...any) {
	p.file.Errors = append(p.file.Errors, &Error{Span: span, Message: fmt.Sprintf(format, args...)})
}

// scanKey scans a key from off. It returns the offset of the byte that
// stopped it, the offset after that byte, and the byte ('=', ':' or '\n');
// stop is -1 when the content ended first. An invalid character is an
// error and keyEnd is its offset.
func scanKey(content []byte, off int) (keyEnd, next int, stop int, err error) {
	for i := off; i < len(content); {
		r, size := utf8.DecodeRune(content[i:])
		switch {
		case isSpace(r):
		case r == '=' || r == ':' || r == '\n':
			return i, i + 1, int(r), nil
		case r == '_' || r == '.' || r == '-' || r == '[' || r == ']', unicode.IsLetter(r), unicode.IsNumber(r):
		default:
			return i, i, 0, fmt.Errorf("unexpected character %q in variable name %q", string(r), firstLine(content[off:]))
		}
		i += size
	}
	return len(content), len(content), -1, nil
}

// quotedEnd returns the offset after the quote that closes the quoted
// value at off, skipping quotes escaped with a backslash.
func quotedEnd(content []byte, off int) (int, bool) {
	quote := content[off]
	escaped := false
	for i := off + 1; i < len(content); i++ {
		switch c := content[i]; {
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == quote:
			return i + 1, true
		}
	}
	return len(content), false
}

// isExport reports whether text starts with "export" and blank space, as
// compose-go's regexp `^export\s+` matches it.
func isExport(text []byte) bool {
	return len(text) > len("export") && bytes.HasPrefix(text, []byte("export")) && strings.IndexByte(" \t\n\f\r", text[len("export")]) >= 0
}

// isSpace reports whether r is blank space other than a line break, as
// compose-go's dotenv parser defines it.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\v', '\f', '\r', ' ', 0x85, 0xA0:
		return true
	}
	return false
}

func skipFunc(content []byte, off int, skip func(rune) bool) int {
	for off < len(content) {
		r, size := utf8.DecodeRune(content[off:])
		if !skip(r) {
			return off
		}
		off += size
	}
	return off
}

func trimRightFunc(content []byte, start, end int, trim func(rune) bool) int {
	for end > start {
		r, size := utf8.DecodeLastRune(content[start:end])
		if !trim(r) {
			break
		}
		end -= size
	}
	return end
}

func lineEnd(content []byte, off int) int {
	if i := bytes.IndexByte(content[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(content)
}

func nextLine(content []byte, off int) int {
	end := lineEnd(content, off)
	if end < len(content) {
		return end + 1
	}
	return end
}

func runeLen(content []byte, off int) int {
	if off >= len(content) {
		return 0
	}
	_, size := utf8.DecodeRune(content[off:])
	return size
}

func firstLine(text []byte) string {
	return string(text[:lineEnd(text, 0)])
}
