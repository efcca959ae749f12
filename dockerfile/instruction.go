package dockerfile

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stackls/stackls/position"
)

// piece is a run of bytes of an Instruction's Line that is contiguous in
// the content.
type piece struct {
	line    int // offset in Line
	content int // offset in File.Content
	n       int // length in bytes
}

// addPiece appends content[start:end] to the pieces of in. The caller
// builds Line from the pieces with buildLine once all are added.
func (in *Instruction) addPiece(start, end int) {
	line := 0
	if n := len(in.pieces); n > 0 {
		line = in.pieces[n-1].line + in.pieces[n-1].n
	} else {
		in.pieces = in.piece0[:0]
	}
	in.pieces = append(in.pieces, piece{line: line, content: start, n: end - start})
}

// buildLine sets Line from the pieces. text is the content as a string,
// which a one-line instruction's Line shares.
func (in *Instruction) buildLine(content []byte, text string) {
	if len(in.pieces) == 1 {
		p := in.pieces[0]
		in.Line = text[p.content : p.content+p.n]
		return
	}
	var b strings.Builder
	if n := len(in.pieces); n > 0 {
		b.Grow(in.pieces[n-1].line + in.pieces[n-1].n)
	}
	for _, p := range in.pieces {
		b.Write(content[p.content : p.content+p.n])
	}
	in.Line = b.String()
}

// Offset returns the content offset of byte i of Line. An i at or past the
// end of Line maps to the end of the last piece.
func (in *Instruction) Offset(i int) int {
	if len(in.pieces) == 0 {
		return in.Span.Start
	}
	k := sort.Search(len(in.pieces), func(k int) bool { return in.pieces[k].line+in.pieces[k].n > i })
	if k == len(in.pieces) {
		last := in.pieces[len(in.pieces)-1]
		return last.content + last.n
	}
	p := in.pieces[k]
	if i < p.line {
		i = p.line
	}
	return p.content + i - p.line
}

// LineSpan returns the content Span of the bytes [i, j) of Line. When they
// cross a continuation, the Span covers the line break between them.
func (in *Instruction) LineSpan(i, j int) position.Span {
	if j <= i {
		at := in.Offset(i)
		return position.Span{Start: at, End: at}
	}
	return position.Span{Start: in.Offset(i), End: in.Offset(j-1) + 1}
}

// LineIndex returns the byte of Line at the content offset, or -1 when the
// offset is not part of Line (a comment or line break inside the
// continuation, or outside the instruction). The end of a piece maps to the
// end of that piece in Line.
func (in *Instruction) LineIndex(offset int) int {
	for _, p := range in.pieces {
		if p.content <= offset && offset <= p.content+p.n {
			return p.line + offset - p.content
		}
	}
	return -1
}

// ArgsText returns the arguments as one string of Line, from ArgsStart to
// the end of Line without trailing blanks.
func (in *Instruction) ArgsText() string {
	end := len(strings.TrimRightFunc(in.Line, unicode.IsSpace))
	if in.ArgsStart >= end {
		return ""
	}
	return in.Line[in.ArgsStart:end]
}

// ArgsSpan returns the content Span of ArgsText.
func (in *Instruction) ArgsSpan() position.Span {
	end := len(strings.TrimRightFunc(in.Line, unicode.IsSpace))
	if in.ArgsStart >= end {
		return in.LineSpan(end, end)
	}
	return in.LineSpan(in.ArgsStart, end)
}

// Flag returns the flag called name, or nil.
func (in *Instruction) Flag(name string) *Flag {
	for _, fl := range in.Flags {
		if fl.Name == name {
			return fl
		}
	}
	return nil
}

// isLineBlank reports whether b is a blank that buildkit's reWhitespace
// pattern ([\t\v\f\r ]) splits on.
func isLineBlank(b byte) bool {
	return b == ' ' || b == '\t' || b == '\v' || b == '\f' || b == '\r'
}

// splitKeyword finds the keyword in line[from:] as buildkit's splitCommand
// does, and returns its bounds and where the rest starts.
func splitKeyword(line string, from int) (kwStart, kwEnd, rest int) {
	trimmed := strings.TrimRightFunc(line, unicode.IsSpace)
	kwStart = from + (len(line[from:]) - len(strings.TrimLeftFunc(line[from:], unicode.IsSpace)))
	if kwStart > len(trimmed) {
		kwStart = len(trimmed)
	}
	kwEnd = kwStart
	for kwEnd < len(trimmed) && !isLineBlank(trimmed[kwEnd]) {
		kwEnd++
	}
	rest = kwEnd
	for rest < len(trimmed) && isLineBlank(trimmed[rest]) {
		rest++
	}
	return kwStart, kwEnd, rest
}

// flagToken is a flag word found by extractFlags: its bounds in Line and
// its text with quotes and escapes removed.
type flagToken struct {
	start, end int
	value      string
}

// extractFlags reads the "--flag" words at line[from:to] as buildkit's
// extractBuilderFlags does and returns them and where the arguments start.
// A lone "--" ends the flags and is dropped.
func extractFlags(line string, from, to int, escape byte) ([]flagToken, int) {
	var flags []flagToken
	var word strings.Builder
	inWord, inQuote, blankOK := false, false, false
	var quote byte
	start := from
	emit := func(end int) {
		if word.String() != "--" && (blankOK || word.Len() > 0) {
			flags = append(flags, flagToken{start: start, end: end, value: word.String()})
		}
		word.Reset()
		blankOK = false
	}
	for pos := from; pos < to; pos++ {
		ch := line[pos]
		switch {
		case !inWord && !inQuote:
			if unicode.IsSpace(rune(ch)) {
				continue
			}
			if ch != '-' || pos+1 == to || line[pos+1] != '-' {
				return flags, pos
			}
			inWord, start = true, pos
			word.WriteByte(ch)
		case inWord:
			if unicode.IsSpace(rune(ch)) {
				inWord = false
				if word.String() == "--" {
					return flags, pos
				}
				emit(pos)
				continue
			}
			if ch == '\'' || ch == '"' {
				quote, blankOK, inWord, inQuote = ch, true, false, true
				continue
			}
			if ch == escape {
				if pos+1 == to {
					continue
				}
				pos++
				ch = line[pos]
			}
			word.WriteByte(ch)
		default: // inside quotes
			if ch == quote {
				inQuote, inWord = false, true
				continue
			}
			if ch == escape {
				if pos+1 == to {
					inQuote, inWord = false, true
					continue
				}
				pos++
				ch = line[pos]
			}
			word.WriteByte(ch)
		}
	}
	if inWord || inQuote {
		emit(to)
	}
	return flags, to
}

// wordBounds is a word found in Line.
type wordBounds struct{ start, end int }

// splitBlanks splits line[from:to] on runs of buildkit's reWhitespace
// blanks, ignoring quotes, as FROM, EXPOSE and shell-form COPY do. It
// appends the words to words.
func splitBlanks(words []wordBounds, line string, from, to int) []wordBounds {
	for i := from; i < to; {
		for i < to && isLineBlank(line[i]) {
			i++
		}
		start := i
		for i < to && !isLineBlank(line[i]) {
			i++
		}
		if i > start {
			words = append(words, wordBounds{start, i})
		}
	}
	return words
}

// splitWords splits line[from:to] into words as buildkit's parseWords does:
// blanks separate words except inside quotes, and the escape character
// keeps the next character in the word. It appends the words to words.
func splitWords(words []wordBounds, line string, from, to int, escape byte) []wordBounds {
	inWord, inQuote := false, false
	var quote rune
	start := from
	for pos := from; pos < to; {
		ch, width := utf8.DecodeRuneInString(line[pos:to])
		switch {
		case !inWord && !inQuote:
			if unicode.IsSpace(ch) {
				pos += width
				continue
			}
			inWord, start = true, pos
			continue
		case inWord:
			if unicode.IsSpace(ch) {
				words = append(words, wordBounds{start, pos})
				inWord = false
				pos += width
				continue
			}
			if ch == '\'' || ch == '"' {
				quote, inWord, inQuote = ch, false, true
			} else if ch == rune(escape) && pos+width < to {
				pos += width
				_, width = utf8.DecodeRuneInString(line[pos:to])
			}
		default:
			if ch == quote {
				inQuote, inWord = false, true
			} else if ch == rune(escape) && quote != '\'' && pos+width < to {
				pos += width
				_, width = utf8.DecodeRuneInString(line[pos:to])
			}
		}
		pos += width
	}
	if inWord || inQuote {
		words = append(words, wordBounds{start, to})
	}
	return words
}

// unquote removes quotes and escape characters from a word as a shell
// would, without expanding variables. Inside single quotes the escape
// character is literal.
func unquote(word string, escape byte) string {
	special := `'"\`
	if escape != '\\' {
		special = `'"` + "`"
	}
	if !strings.ContainsAny(word, special) {
		return word
	}
	var b strings.Builder
	var quote byte
	for i := 0; i < len(word); i++ {
		ch := word[i]
		switch {
		case quote == 0 && (ch == '\'' || ch == '"'):
			quote = ch
		case quote != 0 && ch == quote:
			quote = 0
		case ch == escape && quote != '\'' && i+1 < len(word):
			i++
			b.WriteByte(word[i])
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}
