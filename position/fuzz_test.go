package position_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"unicode/utf16"

	"github.com/stackls/stackls/position"
)

// maxFuzzContent caps the content a fuzz input checks, in bytes. The
// checks convert every offset of a line, each in time linear in the
// line's length, so they take time quadratic in it.
const maxFuzzContent = 1024

var encodings = []position.Encoding{position.UTF16, position.UTF8, position.UTF32}

// addSeeds adds the files of the example workspaces and inputs with BOMs,
// CRLF, invalid UTF-8 and characters outside the BMP.
func addSeeds(f *testing.F, add func(content []byte)) {
	for _, s := range []string{
		"",
		" ",
		"\n",
		"\r\n",
		"\r",
		"\r\r\n\n",
		"\ufeff# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<STEP\necho ok\nSTEP\n",
		"\xef\xbb\xbfFROM alpine\r\nRUN echo é\r\n",
		"services:\r\n  wéb:\r\n    image: nginx\r\n",
		"a𝄞b\n𝄞\r\n\t😀x",
		"\xff\xfe\x00bin\x00ary\n\x80\xbf",
		"é\xc3",
		"\xe2\x82\n\xf0\x9f\x98",
		"#!/bin/sh\nexec \"$@\"\n",
		"A=1\nB = two \nexport C=\"x\ny\"",
		"FROM alpine:3.20",
		"services:\n  web:\n    image: nginx",
	} {
		add([]byte(s))
	}
	filepath.WalkDir(filepath.Join("..", "examples"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if content, err := os.ReadFile(path); err == nil && len(content) <= maxFuzzContent {
			add(content)
		}
		return nil
	})
}

// refLine is one line of content as the reference model splits it.
type refLine struct {
	start, end int   // byte offsets of the line's text, without "\r\n" or "\n"
	boundaries []int // offsets in [start, end] where a character starts, and end
	// units[enc][i] is the length in enc of the text from start to
	// boundaries[i].
	units [3][]int
}

// refLines splits content the plain way: lines end at "\n", a "\r" right
// before the "\n" belongs to the line end, and characters are what ranging
// over a Go string yields (one per invalid byte). Lengths come from the
// standard library's conversions, one character at a time.
func refLines(content []byte) []refLine {
	var lines []refLine
	start := 0
	for i := 0; i <= len(content); i++ {
		if i < len(content) && content[i] != '\n' {
			continue
		}
		end := i
		if i < len(content) && end > start && content[end-1] == '\r' {
			end--
		}
		line := refLine{start: start, end: end}
		for j := range string(content[start:end]) {
			line.boundaries = append(line.boundaries, start+j)
		}
		line.boundaries = append(line.boundaries, end)
		for _, enc := range encodings {
			total := 0
			for k, b := range line.boundaries {
				if k > 0 {
					total += refUnits(string(content[line.boundaries[k-1]:b]), enc)
				}
				line.units[enc] = append(line.units[enc], total)
			}
		}
		lines = append(lines, line)
		start = i + 1
	}
	return lines
}

// refUnits counts the characters of text in enc, through the standard
// library's conversions.
func refUnits(text string, enc position.Encoding) int {
	switch enc {
	case position.UTF8:
		return len(text)
	case position.UTF32:
		return len([]rune(text))
	}
	return len(utf16.Encode([]rune(text)))
}

// refPosition is the reference for Mapper.OffsetPosition.
func refPosition(lines []refLine, offset int, enc position.Encoding) position.Position {
	n := sort.Search(len(lines), func(i int) bool { return lines[i].start > offset }) - 1
	line := lines[n]
	offset = min(offset, line.end)
	if enc == position.UTF8 {
		return position.Position{Line: n, Character: offset - line.start}
	}
	i := sort.Search(len(line.boundaries), func(i int) bool { return line.boundaries[i] > offset }) - 1
	return position.Position{Line: n, Character: line.units[enc][i]}
}

// refOffset is the reference for Mapper.PositionOffset: the first
// character boundary whose prefix holds at least pos.Character units.
func refOffset(lines []refLine, pos position.Position, enc position.Encoding) (int, bool) {
	if pos.Line < 0 || pos.Line >= len(lines) || pos.Character < 0 {
		return 0, false
	}
	line := lines[pos.Line]
	if enc == position.UTF8 {
		if pos.Character > line.end-line.start {
			return 0, false
		}
		return line.start + pos.Character, true
	}
	units := line.units[enc]
	i := sort.SearchInts(units, pos.Character)
	if i == len(units) {
		return 0, false
	}
	return line.boundaries[i], true
}

// FuzzMapper compares every conversion of the Mapper, in every encoding,
// with the reference model above, on arbitrary bytes.
func FuzzMapper(f *testing.F) {
	addSeeds(f, func(content []byte) { f.Add(content) })
	f.Fuzz(func(t *testing.T, content []byte) {
		if len(content) > maxFuzzContent {
			content = content[:maxFuzzContent]
		}
		m := position.NewMapper(content)
		lines := refLines(content)
		if got := m.LineCount(); got != len(lines) {
			t.Fatalf("content %q: LineCount() = %d, want %d", content, got, len(lines))
		}
		for _, enc := range encodings {
			checkOffsets(t, m, content, lines, enc)
			checkPositions(t, m, content, lines, enc)
		}
		checkOutOfRange(t, m, content)
	})
}

// checkOffsets converts every offset to a Position and back.
func checkOffsets(t *testing.T, m *position.Mapper, content []byte, lines []refLine, enc position.Encoding) {
	t.Helper()
	for offset := 0; offset <= len(content); offset++ {
		got, err := m.OffsetPosition(offset, enc)
		if err != nil {
			t.Fatalf("content %q: OffsetPosition(%d, %v): %v", content, offset, enc, err)
		}
		if want := refPosition(lines, offset, enc); got != want {
			t.Fatalf("content %q: OffsetPosition(%d, %v) = %+v, want %+v", content, offset, enc, got, want)
		}
		back, err := m.PositionOffset(got, enc)
		if err != nil {
			t.Fatalf("content %q: PositionOffset(%+v, %v) of offset %d: %v", content, got, enc, offset, err)
		}
		if back > offset || m.OffsetLine(back) != got.Line {
			t.Fatalf("content %q: offset %d -> %+v -> %d in %v; want an offset at or before it on line %d", content, offset, got, back, enc, got.Line)
		}
		if again, _ := m.OffsetPosition(back, enc); again != got {
			t.Fatalf("content %q: offset %d -> %+v -> %d -> %+v in %v, not stable", content, offset, got, back, again, enc)
		}
	}
}

// checkPositions converts every character of every line, and one past
// each line's end, to an offset.
func checkPositions(t *testing.T, m *position.Mapper, content []byte, lines []refLine, enc position.Encoding) {
	t.Helper()
	for n, line := range lines {
		units := line.units[enc][len(line.units[enc])-1]
		for char := 0; char <= units+1; char++ {
			pos := position.Position{Line: n, Character: char}
			got, err := m.PositionOffset(pos, enc)
			want, ok := refOffset(lines, pos, enc)
			switch {
			case ok && err != nil:
				t.Fatalf("content %q: PositionOffset(%+v, %v): %v, want %d", content, pos, enc, err, want)
			case !ok && err == nil:
				t.Fatalf("content %q: PositionOffset(%+v, %v) = %d, want an error past the line end", content, pos, enc, got)
			case !ok && !errors.Is(err, position.ErrOutOfRange):
				t.Fatalf("content %q: PositionOffset(%+v, %v) error %v does not wrap ErrOutOfRange", content, pos, enc, err)
			case ok && got != want:
				t.Fatalf("content %q: PositionOffset(%+v, %v) = %d, want %d", content, pos, enc, got, want)
			}
			clamped := m.ClampPositionOffset(pos, enc)
			if ok && clamped != want || !ok && clamped != line.end {
				t.Fatalf("content %q: ClampPositionOffset(%+v, %v) = %d, want %d (line end %d)", content, pos, enc, clamped, want, line.end)
			}
		}
	}
}

// checkOutOfRange feeds offsets and positions outside the content.
func checkOutOfRange(t *testing.T, m *position.Mapper, content []byte) {
	t.Helper()
	for _, offset := range []int{-1, len(content) + 1, 1 << 40} {
		if _, err := m.OffsetPosition(offset, position.UTF16); !errors.Is(err, position.ErrOutOfRange) {
			t.Fatalf("content %q: OffsetPosition(%d) error = %v, want ErrOutOfRange", content, offset, err)
		}
	}
	lineCount := m.LineCount()
	for _, pos := range []position.Position{{Line: -1}, {Line: lineCount}, {Line: 1 << 40, Character: 1 << 40}, {Line: 0, Character: -1}} {
		if _, err := m.PositionOffset(pos, position.UTF16); !errors.Is(err, position.ErrOutOfRange) {
			t.Fatalf("content %q: PositionOffset(%+v) error = %v, want ErrOutOfRange", content, pos, err)
		}
		if got := m.ClampPositionOffset(pos, position.UTF16); got < 0 || got > len(content) {
			t.Fatalf("content %q: ClampPositionOffset(%+v) = %d, outside the content", content, pos, got)
		}
	}
	if _, err := m.LineSpan(lineCount); !errors.Is(err, position.ErrOutOfRange) {
		t.Fatalf("content %q: LineSpan(%d) error = %v, want ErrOutOfRange", content, lineCount, err)
	}
}

// scriptChanges decodes a fuzz script into content changes and returns
// them with the content a plain splice gives, and whether every change
// applies. Each change takes 5 bytes: flags, start line, start character,
// end line and end character. Lines and characters are reduced modulo the
// content's size so that most changes apply, and a byte of 255 stands for
// a position far past the end. The text of change i is part i of texts
// split at "|".
func scriptChanges(content []byte, script []byte, texts string, enc position.Encoding) ([]position.Change, []byte, bool) {
	parts := splitParts(texts)
	var changes []position.Change
	want, ok := content, true
	for i := 0; i+5 <= len(script) && i < 5*8; i += 5 {
		text := parts[(i/5)%len(parts)]
		if script[i]&1 == 1 {
			changes = append(changes, position.Change{Text: text})
			if ok {
				want = []byte(text)
			}
			continue
		}
		lines := refLines(want)
		pick := func(lineByte, charByte byte) position.Position {
			if lineByte == 255 || charByte == 255 {
				return position.Position{Line: int(lineByte) << 20, Character: int(charByte) << 20}
			}
			n := int(lineByte) % (len(lines) + 1)
			units := 0
			if n < len(lines) {
				units = lines[n].units[enc][len(lines[n].units[enc])-1]
			}
			return position.Position{Line: n, Character: int(charByte) % (units + 2)}
		}
		rng := position.Range{Start: pick(script[i+1], script[i+2]), End: pick(script[i+3], script[i+4])}
		changes = append(changes, position.Change{Range: &rng, Text: text})
		if !ok {
			continue
		}
		start, okStart := refOffset(lines, rng.Start, enc)
		end, okEnd := refOffset(lines, rng.End, enc)
		if !okStart || !okEnd || end < start {
			ok = false
			continue
		}
		next := append([]byte(nil), want[:start]...)
		next = append(next, text...)
		want = append(next, want[end:]...)
	}
	return changes, want, ok
}

func splitParts(texts string) []string {
	var parts []string
	from := 0
	for i := 0; i < len(texts); i++ {
		if texts[i] == '|' {
			parts = append(parts, texts[from:i])
			from = i + 1
		}
	}
	return append(parts, texts[from:])
}

// FuzzApplyChanges compares ApplyChanges with a splice of the content at
// the offsets of the reference model, for incremental and full changes,
// valid and invalid ranges, in every encoding.
func FuzzApplyChanges(f *testing.F) {
	scripts := [][]byte{
		{0, 0, 0, 0, 0},
		{0, 0, 1, 0, 3, 0, 1, 0, 1, 2},
		{1, 0, 0, 0, 0, 0, 0, 0, 9, 9},
		{0, 255, 0, 0, 0},
		{0, 0, 5, 0, 1},
		{0, 2, 0, 0, 0, 0, 9, 1, 9, 2, 0, 1, 1, 1, 1},
	}
	texts := []string{"", "x", "é\r\n|𝄞|", "\ufeff|\n|\r", "services:\n  db:\n|  "}
	n := 0
	addSeeds(f, func(content []byte) {
		for i := range 3 {
			f.Add(content, scripts[(n+i)%len(scripts)], texts[(n+i)%len(texts)], uint8(n+i))
		}
		n++
	})
	f.Fuzz(func(t *testing.T, content, script []byte, texts string, encByte uint8) {
		if len(content) > maxFuzzContent {
			content = content[:maxFuzzContent]
		}
		enc := encodings[int(encByte)%len(encodings)]
		changes, want, ok := scriptChanges(content, script, texts, enc)
		got, err := position.ApplyChanges(content, changes, enc)
		switch {
		case ok && err != nil:
			t.Fatalf("content %q, changes %s in %v: %v, want %q", content, describe(changes), enc, err, want)
		case !ok && err == nil:
			t.Fatalf("content %q, changes %s in %v = %q, want an error", content, describe(changes), enc, got)
		case !ok && !errors.Is(err, position.ErrOutOfRange):
			t.Fatalf("content %q, changes %s in %v: error %v does not wrap ErrOutOfRange", content, describe(changes), enc, err)
		case ok && string(got) != string(want):
			t.Fatalf("content %q, changes %s in %v = %q, want %q", content, describe(changes), enc, got, want)
		}
		if len(changes) > 0 && len(content) > 0 && len(got) > 0 && &got[0] == &content[0] {
			t.Fatalf("content %q: ApplyChanges returned the input's array, which the caller's File still holds", content)
		}
	})
}

func describe(changes []position.Change) string {
	out := "["
	for i, c := range changes {
		if i > 0 {
			out += " "
		}
		if c.Range == nil {
			out += "full"
		} else {
			out += fmt.Sprintf("%d:%d-%d:%d", c.Range.Start.Line, c.Range.Start.Character, c.Range.End.Line, c.Range.End.Character)
		}
		out += fmt.Sprintf("=%q", c.Text)
	}
	return out + "]"
}
