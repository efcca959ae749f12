package compose

import (
	"bytes"
	"unicode/utf8"
)

// The checks in this file read the text of a block that reparse would
// parse alone, and decline what parsing alone might read differently.

// quietText reports whether the text of a block is plain enough to parse
// alone: valid UTF-8 with "\n" or "\r\n" line breaks only, no comment, and
// no line indented less than indent, where the first line that is not
// blank is indented exactly indent. An empty text is the block of a
// removed entry.
func quietText(text []byte, indent int) bool {
	if !utf8.Valid(text) || bytes.Contains(text, []byte("\u2028")) || bytes.Contains(text, []byte("\u2029")) ||
		bytes.Contains(text, []byte("\u0085")) || bytes.Contains(text, []byte("\ufeff")) || hasComment(text) || hasExplicitKey(text) {
		return false
	}
	first := true
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if bytes.IndexByte(line, '\r') >= 0 {
			return false
		}
		if onlySpaces(line) {
			continue
		}
		lineIndent := len(line) - len(bytes.TrimLeft(line, " "))
		if lineIndent < indent || first && lineIndent != indent {
			return false
		}
		first = false
	}
	return true
}

// hasComment reports whether text may hold a comment: a "#" at the start
// or after a space or tab. It may also report a "#" inside a quoted
// string, which only makes reparse decline.
func hasComment(text []byte) bool {
	for i, c := range text {
		if c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n') {
			return true
		}
	}
	return false
}

// hasExplicitKey reports whether text may hold an explicit key "? key".
// yaml.v3 places the empty value of an explicit key that has no ":" line
// at the next token, which may lie after the block. It may also report a
// "?" inside a value, which only makes reparse decline.
func hasExplicitKey(text []byte) bool {
	for i, c := range text {
		if c == '?' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t' || text[i+1] == '\r' || text[i+1] == '\n') {
			return true
		}
	}
	return false
}

// hasDirective reports whether a line starts with "%", as a YAML directive
// such as %TAG does, which changes how the whole document reads. A block
// that reparse accepts has no line that starts with "%", so a reparsed
// content has directives only when its base has.
func hasDirective(content []byte) bool {
	return bytes.HasPrefix(content, []byte("%")) || bytes.Contains(content, []byte("\n%"))
}

// endsLine reports whether the bytes before end end a line, so that what
// follows end starts a line: end is the start or the end of the content,
// or follows a "\n".
func endsLine(content []byte, end int) bool {
	return end == 0 || end == len(content) || content[end-1] == '\n'
}

func onlySpaces(text []byte) bool {
	for _, c := range text {
		if c != ' ' {
			return false
		}
	}
	return true
}

// lineStartOf returns the offset of the start of the line that holds off,
// with lines broken at "\n".
func lineStartOf(content []byte, off int) int {
	return bytes.LastIndexByte(content[:off], '\n') + 1
}

// lineBefore returns the line that ends just before start, a line start,
// or nil for the first line.
func lineBefore(content []byte, start int) []byte {
	if start == 0 {
		return nil
	}
	return content[lineStartOf(content, start-1) : start-1]
}
