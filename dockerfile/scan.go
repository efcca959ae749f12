package dockerfile

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/stackls/stackls/position"
)

// physLine is one physical line of the content. Offsets are bytes into
// File.Content.
type physLine struct {
	start int // first byte
	end   int // end of the text, before the trailing "\r" and "\n" bytes
	next  int // first byte of the next line
}

// scanner replays buildkit's parser.Parse line rules over the content and
// fills the File's Directives, Instructions, Comments and Errors.
type scanner struct {
	f          *File
	lines      []physLine
	i          int // index of the next line to read
	directives parser.DirectiveParser
	tooLong    bool         // a line is longer than buildkit reads
	words      []wordBounds // reused by addWords
	reuse      *reuse       // the chunks of an earlier parse to copy; nil when none
	copied     int          // the number of instructions copied from reuse
	chunkLine  int          // the first line of the next instruction's chunk
	src        string       // File.Content as a string

	// The scanner allocates instructions and words in blocks, which
	// costs less than one allocation each.
	instructionBlock []Instruction
	wordBlock        []Word
	argBlock         []*Word
}

// maxLine is the longest line, line end included, that buildkit's scanner
// reads (bufio.MaxScanTokenSize); a longer line stops buildkit's parse.
const maxLine = bufio.MaxScanTokenSize

func newScanner(f *File) *scanner {
	if bytes.HasPrefix(f.Content, []byte("\xef\xbb\xbf")) {
		f.BOM = 3
	}
	s := &scanner{f: f, lines: splitLines(f.Content, f.BOM), src: string(f.Content)}
	s.setEscape('\\')
	return s
}

// splitLines splits content from offset start into physical lines. A last
// line without a line end counts; an empty content has no lines.
func splitLines(content []byte, start int) []physLine {
	lines := make([]physLine, 0, bytes.Count(content[start:], []byte("\n"))+1)
	for start < len(content) {
		next := len(content)
		if i := bytes.IndexByte(content[start:], '\n'); i >= 0 {
			next = start + i + 1
		}
		end := next
		for end > start && (content[end-1] == '\n' || content[end-1] == '\r') {
			end--
		}
		lines = append(lines, physLine{start: start, end: end, next: next})
		start = next
	}
	return lines
}

// setEscape sets the escape character, which continuation looks for.
func (s *scanner) setEscape(escape byte) {
	s.f.Escape = escape
}

// lastLineSpan returns the Span of the last line scanned, where buildkit
// reports a file without instructions.
func (s *scanner) lastLineSpan() position.Span {
	if len(s.lines) == 0 {
		return position.Span{Start: s.f.BOM, End: s.f.BOM}
	}
	last := s.lines[len(s.lines)-1]
	return position.Span{Start: last.start, End: last.end}
}

func (s *scanner) text(l physLine) []byte { return s.f.Content[l.start:l.end] }

func (s *scanner) addError(span position.Span, format string, args ...any) {
	s.f.Errors = append(s.f.Errors, &Error{Span: span, Message: fmt.Sprintf(format, args...)})
}

// scan reads every logical line of the content.
func (s *scanner) scan() {
	for s.i < len(s.lines) {
		if s.reuse != nil && s.reuseChunks() {
			continue
		}
		line := s.lines[s.i]
		s.i++
		if line.next-line.start > maxLine {
			s.tooLong = true
			s.addError(position.Span{Start: line.start, End: line.end}, "the line is %d bytes long; buildkit reads lines of at most %d bytes", line.next-line.start, maxLine-1)
		}
		start := line.start + leadingSpace(s.text(line))
		text := s.f.Content[start:line.end]
		isDirective := s.directive(line, text)
		if isComment(text) {
			if !isDirective {
				s.f.Comments = append(s.f.Comments, position.Span{Start: start, End: line.end})
			}
			continue
		}
		pieceEnd, continued := s.continuation(start, line.end)
		if !continued && pieceEnd == start {
			continue // an empty line
		}
		in := s.newInstruction()
		in.first = s.i - 1
		in.addPiece(start, pieceEnd)
		last := line
		if continued {
			last, in.OpenEnd = s.continueLines(in, last)
		}
		in.buildLine(s.f.Content, s.src)
		in.Span = position.Span{Start: start, End: last.end}
		s.f.Instructions = append(s.f.Instructions, in)
		s.parseInstruction(in)
		in.last = s.i - 1
		in.chunkLine = s.chunkLine
		in.chunk = position.Span{Start: s.lineOffset(s.chunkLine), End: s.lineOffset(s.i)}
		s.chunkLine = s.i
	}
}

// blockSize is the largest number of instructions or words in one block.
const blockSize = 128

// newInstruction returns a new Instruction, before any stage.
func (s *scanner) newInstruction() *Instruction {
	if len(s.instructionBlock) == cap(s.instructionBlock) {
		// Each instruction starts on a line of its own, so the lines left
		// bound the instructions left, but for ONBUILD triggers.
		n := min(blockSize, len(s.lines)-s.i+2)
		s.instructionBlock = make([]Instruction, 0, n)
	}
	n := len(s.instructionBlock)
	s.instructionBlock = s.instructionBlock[:n+1] // zeroed by make
	in := &s.instructionBlock[n]
	in.Stage = -1
	return in
}

// newWords returns n new Words and a slice of n pointers to them, with no
// room to append without a copy.
func (s *scanner) newWords(n int) ([]Word, []*Word) {
	if n > blockSize {
		return make([]Word, n), make([]*Word, n)
	}
	if len(s.wordBlock)+n > cap(s.wordBlock) {
		// Blocks grow from 16 words, so that a short file does not hold
		// a long block.
		size := max(n, min(blockSize, 2*cap(s.wordBlock)), 16)
		s.wordBlock = make([]Word, 0, size)
		s.argBlock = make([]*Word, 0, size)
	}
	at, ptrAt := len(s.wordBlock), len(s.argBlock)
	s.wordBlock = s.wordBlock[:at+n]
	s.argBlock = s.argBlock[:ptrAt+n]
	return s.wordBlock[at : at+n : at+n], s.argBlock[ptrAt : ptrAt+n : ptrAt+n]
}

// continueLines appends the continuation lines of in, up to the first line
// that does not end with the escape character, and returns the last line
// that added text and whether the content ended while still continuing.
func (s *scanner) continueLines(in *Instruction, last physLine) (physLine, bool) {
	for s.i < len(s.lines) {
		line := s.lines[s.i]
		s.i++
		text := s.text(line)
		s.directive(line, text)
		if isComment(text) {
			start := line.start + leadingSpace(text)
			s.f.Comments = append(s.f.Comments, position.Span{Start: start, End: line.end})
			continue
		}
		if leadingSpace(text) == len(text) {
			in.EmptyLines = append(in.EmptyLines, position.Span{Start: line.start, End: line.end})
			continue
		}
		pieceEnd, continued := s.continuation(line.start, line.end)
		in.addPiece(line.start, pieceEnd)
		last = line
		if !continued {
			return last, false
		}
	}
	return last, true
}

// continuation reports whether the text in [start, end) ends with the
// escape character that continues the line, and where the text that
// buildkit keeps ends: before the escape character and its trailing blanks.
func (s *scanner) continuation(start, end int) (pieceEnd int, continued bool) {
	at, ok := continuationAt(s.f.Content[start:end], s.f.Escape)
	if !ok {
		return end, false
	}
	return start + at, true
}

// continuationAt finds the escape character that continues line: the last
// byte other than a space or tab, when it is the escape character and the
// byte before it is not. It returns its offset, where the regular
// expression "([^e])e[ \t]*$|^e[ \t]*$" for escape e ends its group.
func continuationAt(line []byte, escape byte) (int, bool) {
	i := len(line) - 1
	for i >= 0 && (line[i] == ' ' || line[i] == '\t') {
		i--
	}
	if i < 0 || line[i] != escape || i > 0 && line[i-1] == escape {
		return 0, false
	}
	return i, true
}

// directive feeds a line to buildkit's directive parser, as buildkit does
// for every line outside heredoc bodies, and records the directive it
// finds. It reports whether the line is a valid directive.
func (s *scanner) directive(line physLine, text []byte) bool {
	d, err := s.directives.ParseLine(text)
	lineSpan := position.Span{Start: line.start + leadingSpace(s.text(line)), End: line.end}
	if err != nil {
		span := lineSpan
		if dir := matchDirective(s.f.Content, lineSpan); dir != nil {
			span = dir.NameSpan
		}
		s.addError(span, "%s; remove the repeated directive", err.Error())
		return false
	}
	if d == nil {
		return false
	}
	dir := matchDirective(s.f.Content, lineSpan)
	if dir == nil {
		return false
	}
	dir.Name = d.Name
	dir.Value = d.Value
	if d.Name == "escape" {
		if d.Value != "`" && d.Value != `\` {
			span := dir.ValueSpan
			if strings.TrimSpace(d.Value) == "" {
				// A blank value: mark every blank after "=".
				eq := bytes.IndexByte(s.f.Content[dir.NameSpan.End:dir.Span.End], '=')
				span = position.Span{Start: dir.NameSpan.End + eq + 1, End: dir.Span.End}
			}
			s.addError(span, "invalid escape character %q; the escape directive takes ` or \\", d.Value)
			return false
		}
		s.setEscape(d.Value[0])
	}
	s.f.Directives = append(s.f.Directives, dir)
	return true
}

// directivePattern is buildkit's directive syntax after the "#" and the
// blanks that follow it.
var directivePattern = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`)

// matchDirective returns the Spans of a directive line, or nil when the
// line does not have the shape of one.
func matchDirective(content []byte, line position.Span) *Directive {
	text := content[line.Start:line.End]
	if len(text) == 0 || text[0] != '#' {
		return nil
	}
	rest := 1 + leadingSpace(text[1:])
	m := directivePattern.FindSubmatchIndex(text[rest:])
	if m == nil {
		return nil
	}
	base := line.Start + rest
	return &Directive{
		NameSpan:  position.Span{Start: base + m[2], End: base + m[3]},
		ValueSpan: position.Span{Start: base + m[4], End: base + m[5]},
		Span:      line,
	}
}

// leadingSpace returns the number of bytes of leading white space in text,
// as unicode.IsSpace decides it.
func leadingSpace(text []byte) int {
	return len(text) - len(bytes.TrimLeftFunc(text, unicode.IsSpace))
}

// isComment reports whether a line is a comment: its first non-blank byte
// is "#".
func isComment(text []byte) bool {
	i := leadingSpace(text)
	return i < len(text) && text[i] == '#'
}
