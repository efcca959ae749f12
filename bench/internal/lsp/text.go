package lsp

import (
	"net/url"
	"path/filepath"
	"sort"
	"unicode/utf8"
)

// Position is an LSP position: a 0-based line and a character offset in
// UTF-16 code units.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is an LSP range of two Positions, end exclusive.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Text is the content of one document with its line starts, for turning
// byte offsets into Positions. Lines end at "\n", "\r\n" or a lone "\r".
type Text struct {
	Content    string
	lineStarts []int // byte offset of each line's first byte
}

// NewText indexes the line starts of content.
func NewText(content string) *Text {
	starts := []int{0}
	for i := 0; i < len(content); i++ {
		switch content[i] {
		case '\r':
			if i+1 < len(content) && content[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case '\n':
			starts = append(starts, i+1)
		}
	}
	return &Text{Content: content, lineStarts: starts}
}

// Position returns the Position of a byte offset. An offset past the end is
// clamped to the end, and an offset inside a UTF-8 sequence counts the
// whole rune before it.
func (t *Text) Position(offset int) Position {
	offset = max(0, min(offset, len(t.Content)))
	line := sort.Search(len(t.lineStarts), func(i int) bool { return t.lineStarts[i] > offset }) - 1
	character := 0
	for i := t.lineStarts[line]; i < offset; {
		r, size := utf8.DecodeRuneInString(t.Content[i:])
		if r >= 0x10000 {
			character += 2
		} else {
			character++
		}
		i += size
	}
	return Position{Line: line, Character: character}
}

// FileURI returns the file:// URI of an OS path, made absolute.
func FileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	return u.String()
}
