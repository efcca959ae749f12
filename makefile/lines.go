package makefile

import "github.com/stackls/stackls/position"

// line is one physical line: [start, end) without its line end, and the
// offset of the next line.
type line struct {
	start, end, next int
}

// splitLines splits content into physical lines. A line ends at "\n"; a
// "\r" just before it belongs to the line end. A leading UTF-8 BOM is not
// part of the first line.
func splitLines(content []byte) []line {
	var lines []line
	start := 0
	if len(content) >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF {
		start = 3
	}
	for start < len(content) {
		end, next := start, start
		for next < len(content) && content[next] != '\n' {
			next++
		}
		end = next
		if next < len(content) {
			next++ // the "\n"
			if end > start && content[end-1] == '\r' {
				end--
			}
		}
		lines = append(lines, line{start, end, next})
		start = next
	}
	return lines
}

// mapped is text that the parser rebuilt from the content, with the offset
// in the content of each of its bytes, or -1 for a byte that the parser
// made up, such as the space that replaces a backslash-newline.
type mapped struct {
	text []byte
	src  []int
}

func (m *mapped) appendRange(content []byte, start, end int) {
	for i := start; i < end; i++ {
		m.text = append(m.text, content[i])
		m.src = append(m.src, i)
	}
}

func (m *mapped) appendByte(b byte, src int) {
	m.text = append(m.text, b)
	m.src = append(m.src, src)
}

func (m mapped) slice(i, j int) mapped {
	return mapped{text: m.text[i:j], src: m.src[i:j]}
}

// span returns the content Span of the bytes [i, j) of m: from the first
// byte's origin to just past the last one's. It returns false when either
// end was made up by the parser or the range is empty.
func (m mapped) span(i, j int) (position.Span, bool) {
	if i >= j || i < 0 || j > len(m.src) {
		return position.Span{}, false
	}
	start, last := m.src[i], m.src[j-1]
	if start < 0 || last < start {
		return position.Span{}, false
	}
	return position.Span{Start: start, End: last + 1}, true
}

// spanAt returns the Span of [i, j) like span, and an empty Span at the
// origin of byte i (or the nearest known byte before it) when span fails.
func (m mapped) spanAt(i, j int) position.Span {
	if s, ok := m.span(i, j); ok {
		return s
	}
	for k := min(i, len(m.src)-1); k >= 0; k-- {
		if m.src[k] >= 0 {
			return position.Span{Start: m.src[k], End: m.src[k]}
		}
	}
	return position.Span{}
}

// trailingBackslashes counts the backslashes at the end of b.
func trailingBackslashes(b []byte) int {
	n := 0
	for n < len(b) && b[len(b)-1-n] == '\\' {
		n++
	}
	return n
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// continues reports whether the physical line ends with a backslash that
// joins it to the next one: an odd number of backslashes.
func (p *parser) continues(ln line) bool {
	return trailingBackslashes(p.content[ln.start:ln.end])%2 == 1
}

// logical joins the physical lines from lines[i] into one logical line of
// makefile syntax: each backslash-newline, with the blanks around it,
// becomes one space. It returns the text and the index of the last
// physical line used.
func (p *parser) logical(i int) (mapped, int) {
	var m mapped
	for {
		ln := p.lines[i]
		start := ln.start
		if len(m.text) > 0 {
			for start < ln.end && isBlank(p.content[start]) {
				start++
			}
		}
		if !p.continues(ln) || i+1 >= len(p.lines) {
			m.appendRange(p.content, start, ln.end)
			return m, i
		}
		end := ln.end - 1
		for end > start && isBlank(p.content[end-1]) {
			end--
		}
		m.appendRange(p.content, start, end)
		m.appendByte(' ', -1)
		i++
	}
}

// recipeLogical joins the physical lines from lines[i] into one recipe
// line. Backslash-newlines are kept, with the line end written "\n", and a
// recipe prefix at the start of a continuation line is dropped, as make
// does. skip is the number of bytes before the command on the first line.
func (p *parser) recipeLogical(i, skip int) (mapped, int) {
	var m mapped
	start := p.lines[i].start + skip
	for {
		ln := p.lines[i]
		m.appendRange(p.content, start, ln.end)
		if !p.continues(ln) || i+1 >= len(p.lines) {
			return m, i
		}
		m.appendByte('\n', ln.end)
		i++
		start = p.lines[i].start
		if start < p.lines[i].end && p.content[start] == p.prefix {
			start++
		}
	}
}
