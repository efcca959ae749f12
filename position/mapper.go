package position

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"unicode/utf8"
)

// Encoding is the unit a client counts characters in.
type Encoding int

const (
	// UTF16 counts UTF-16 code units; it is the LSP default.
	UTF16 Encoding = iota
	// UTF8 counts bytes.
	UTF8
	// UTF32 counts Unicode code points.
	UTF32
)

// String returns the LSP name of the encoding ("utf-16", "utf-8", "utf-32").
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	default:
		return "utf-16"
	}
}

// Position is a 0-based line and a 0-based character counted in the
// client's Encoding.
type Position struct {
	Line      int
	Character int
}

// Range is a pair of Positions; End is exclusive.
type Range struct {
	Start Position
	End   Position
}

// ErrOutOfRange is wrapped by conversions whose input lies outside the
// content.
var ErrOutOfRange = errors.New("position out of range")

// Mapper converts byte offsets of one file's content to Positions and back.
// It is safe for concurrent use; the line table is built on first use.
type Mapper struct {
	content []byte

	once       sync.Once
	lineStarts []int // offset of the first byte of each line
	nonASCII   bool  // whether any byte is >= 0x80
}

// NewMapper returns a Mapper for content. The Mapper keeps content and
// expects it never to change.
func NewMapper(content []byte) *Mapper { return &Mapper{content: content} }

func (m *Mapper) init() {
	m.once.Do(func() {
		m.lineStarts = append(m.lineStarts, 0)
		for i, b := range m.content {
			if b == '\n' {
				m.lineStarts = append(m.lineStarts, i+1)
			} else if b >= utf8.RuneSelf {
				m.nonASCII = true
			}
		}
	})
}

// LineCount returns the number of lines; content that ends with "\n" has an
// empty last line.
func (m *Mapper) LineCount() int {
	m.init()
	return len(m.lineStarts)
}

// lineEnd returns the offset where line's text ends, before "\r\n" or "\n".
func (m *Mapper) lineEnd(line int) int {
	end := len(m.content)
	if line+1 < len(m.lineStarts) {
		end = m.lineStarts[line+1] - 1 // the "\n"
		if end > m.lineStarts[line] && m.content[end-1] == '\r' {
			end--
		}
	}
	return end
}

// LineSpan returns the Span of line's text without its line ending.
func (m *Mapper) LineSpan(line int) (Span, error) {
	m.init()
	if line < 0 || line >= len(m.lineStarts) {
		return Span{}, fmt.Errorf("line %d of %d: %w", line, len(m.lineStarts), ErrOutOfRange)
	}
	return Span{m.lineStarts[line], m.lineEnd(line)}, nil
}

// OffsetLine returns the 0-based line that holds offset.
func (m *Mapper) OffsetLine(offset int) int {
	m.init()
	return sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > offset }) - 1
}

// OffsetPosition converts a byte offset to a Position. An offset inside a
// multi-byte character or between "\r" and "\n" maps to the position of
// that character's start or of the "\r".
func (m *Mapper) OffsetPosition(offset int, enc Encoding) (Position, error) {
	m.init()
	if offset < 0 || offset > len(m.content) {
		return Position{}, fmt.Errorf("offset %d of %d: %w", offset, len(m.content), ErrOutOfRange)
	}
	line := m.OffsetLine(offset)
	start := m.lineStarts[line]
	if end := m.lineEnd(line); offset > end {
		offset = end
	}
	return Position{Line: line, Character: m.countUnits(start, offset, enc)}, nil
}

// countUnits counts the characters of content[start:end] in enc.
func (m *Mapper) countUnits(start, end int, enc Encoding) int {
	if enc == UTF8 || !m.nonASCII {
		return end - start
	}
	n := 0
	for i := start; i < end; {
		r, size := utf8.DecodeRune(m.content[i:])
		if i+size > end {
			break // offset inside a character: stop at its start
		}
		n++
		if enc == UTF16 && r >= 0x10000 && r != utf8.RuneError {
			n++
		}
		i += size
	}
	return n
}

// PositionOffset converts a Position to a byte offset. A character past the
// end of its line is an error, as is a line past the last one.
func (m *Mapper) PositionOffset(pos Position, enc Encoding) (int, error) {
	m.init()
	if pos.Line < 0 || pos.Line >= len(m.lineStarts) || pos.Character < 0 {
		return 0, fmt.Errorf("line %d of %d: %w", pos.Line, len(m.lineStarts), ErrOutOfRange)
	}
	start, end := m.lineStarts[pos.Line], m.lineEnd(pos.Line)
	offset, n := start, 0
	for n < pos.Character {
		if offset >= end {
			return 0, fmt.Errorf("character %d past the end of line %d: %w", pos.Character, pos.Line, ErrOutOfRange)
		}
		r, size := utf8.DecodeRune(m.content[offset:])
		switch {
		case enc == UTF8:
			size = 1 // count bytes, even inside a character
		case enc == UTF16 && r >= 0x10000 && r != utf8.RuneError:
			n++ // surrogate pair; a position between the halves rounds up
		}
		n++
		offset += size
	}
	return offset, nil
}

// ClampPositionOffset is PositionOffset with out-of-range input moved to
// the nearest valid offset: a character past the line's end maps to the
// line's end, a line past the last maps to the end of the content.
func (m *Mapper) ClampPositionOffset(pos Position, enc Encoding) int {
	m.init()
	if pos.Line < 0 {
		return 0
	}
	if pos.Line >= len(m.lineStarts) {
		return len(m.content)
	}
	if pos.Character < 0 {
		pos.Character = 0
	}
	offset, err := m.PositionOffset(pos, enc)
	if err != nil {
		return m.lineEnd(pos.Line)
	}
	return offset
}

// SpanRange converts a Span to a Range.
func (m *Mapper) SpanRange(s Span, enc Encoding) (Range, error) {
	start, err := m.OffsetPosition(s.Start, enc)
	if err != nil {
		return Range{}, err
	}
	end, err := m.OffsetPosition(s.End, enc)
	if err != nil {
		return Range{}, err
	}
	return Range{Start: start, End: end}, nil
}

// RangeSpan converts a Range to a Span.
func (m *Mapper) RangeSpan(r Range, enc Encoding) (Span, error) {
	start, err := m.PositionOffset(r.Start, enc)
	if err != nil {
		return Span{}, err
	}
	end, err := m.PositionOffset(r.End, enc)
	if err != nil {
		return Span{}, err
	}
	if end < start {
		return Span{}, fmt.Errorf("range end before start: %w", ErrOutOfRange)
	}
	return Span{start, end}, nil
}
