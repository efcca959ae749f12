package compose

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// scalarEnd returns the offset just past the source text of scalar n, which
// starts at start.
func scalarEnd(content []byte, start int, n *yaml.Node) int {
	if start >= len(content) {
		return len(content)
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0 && content[start] == '"':
		return doubleQuotedEnd(content, start)
	case n.Style&yaml.SingleQuotedStyle != 0 && content[start] == '\'':
		return singleQuotedEnd(content, start)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return blockScalarEnd(content, start)
	}
	if n.Value == "" {
		return start
	}
	return plainEnd(content, start, n.Value)
}

func doubleQuotedEnd(content []byte, start int) int {
	for i := start + 1; i < len(content); i++ {
		switch content[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(content)
}

func singleQuotedEnd(content []byte, start int) int {
	for i := start + 1; i < len(content); i++ {
		if content[i] != '\'' {
			continue
		}
		if i+1 < len(content) && content[i+1] == '\'' {
			i++
			continue
		}
		return i + 1
	}
	return len(content)
}

// blockScalarEnd returns the end of a literal or folded block scalar whose
// indicator ("|" or ">") is at start: the end of its last non-empty line,
// or the end of the header line when the body is empty.
func blockScalarEnd(content []byte, start int) int {
	end := lineEndAt(content, start)
	indent := -1
	for off := nextLine(content, end); off < len(content); {
		lineEnd := lineEndAt(content, off)
		spaces := 0
		for off+spaces < lineEnd && content[off+spaces] == ' ' {
			spaces++
		}
		if off+spaces == lineEnd { // blank line: part of the body only if more follows
			off = nextLine(content, lineEnd)
			continue
		}
		if indent < 0 {
			indent = spaces
		}
		if spaces < indent || spaces == 0 {
			break
		}
		end = lineEnd
		off = nextLine(content, lineEnd)
	}
	return end
}

// lineEndAt returns the offset of the "\r" or "\n" that ends the line
// holding off, or the content length.
func lineEndAt(content []byte, off int) int {
	for off < len(content) && content[off] != '\n' && content[off] != '\r' {
		off++
	}
	return off
}

// nextLine returns the offset of the line after the line break at off.
func nextLine(content []byte, off int) int {
	if off < len(content) && content[off] == '\r' {
		off++
	}
	if off < len(content) && content[off] == '\n' {
		off++
	}
	return off
}

// plainEnd returns the end of a plain scalar with the given value. A plain
// scalar has no escapes, so its source is its value except that line
// breaks and the indentation after them are folded into one space (or
// into "\n" for each empty line).
func plainEnd(content []byte, start int, value string) int {
	i, j := start, 0
	for j < len(value) && i < len(content) {
		switch {
		case content[i] == value[j]:
			i++
			j++
		case isBlankOrBreak(content[i]):
			i++
		case value[j] == ' ' || value[j] == '\n':
			j++
		default:
			return fallbackPlainEnd(content, start)
		}
	}
	return i
}

func isBlankOrBreak(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// fallbackPlainEnd returns the end of the run of text on the line that
// stops at a comment or a ": " separator. It is used when the value cannot
// be matched against the source, which does not happen for valid YAML.
func fallbackPlainEnd(content []byte, start int) int {
	end := start
	for end < len(content) && content[end] != '\n' && content[end] != '\r' {
		if content[end] == '#' && end > start && (content[end-1] == ' ' || content[end-1] == '\t') {
			break
		}
		if content[end] == ':' && (end+1 == len(content) || isBlankOrBreak(content[end+1])) {
			break
		}
		_, size := utf8.DecodeRune(content[end:])
		end += size
	}
	for end > start && (content[end-1] == ' ' || content[end-1] == '\t') {
		end--
	}
	return end
}
