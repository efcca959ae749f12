package dockerfile

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode"

	"github.com/stackls/stackls/position"
)

// argForm is the way buildkit reads an instruction's arguments.
type argForm int

const (
	formWords       argForm = iota // quote-aware words (ARG, ENV, LABEL, and the model's view of single strings)
	formBlanks                     // blank-separated words, quotes ignored (FROM, EXPOSE)
	formJSONList                   // exec form, or blank-separated words (ADD, COPY, VOLUME)
	formJSONString                 // exec form, or one shell string (RUN, CMD, ENTRYPOINT, SHELL)
	formHealthcheck                // a type word, then exec form or a shell string
)

var argForms = map[string]argForm{
	"ADD": formJSONList, "COPY": formJSONList, "VOLUME": formJSONList,
	"RUN": formJSONString, "CMD": formJSONString, "ENTRYPOINT": formJSONString, "SHELL": formJSONString,
	"FROM": formBlanks, "EXPOSE": formBlanks,
	"HEALTHCHECK": formHealthcheck,
}

// heredocKeywords are the instructions that take heredocs.
var heredocKeywords = map[string]bool{"RUN": true, "COPY": true, "ADD": true}

// parseInstruction fills in the keyword, flags, arguments and heredocs of
// an instruction whose Line is complete, and reads its heredoc bodies.
func (s *scanner) parseInstruction(in *Instruction) {
	s.splitLine(in, 0)
	if in.KeywordSpan.Len() > 0 {
		in.Span.Start = in.KeywordSpan.Start
	}
	if !in.canHaveHeredocs() || !strings.Contains(in.Line, "<<") {
		return
	}
	s.readHeredocs(in)
}

// splitLine reads the keyword, flags and arguments of in.Line from byte
// from on; ONBUILD reads its trigger from its arguments the same way.
func (s *scanner) splitLine(in *Instruction, from int) {
	kwStart, kwEnd, rest := splitKeyword(in.Line, from)
	in.Keyword = strings.ToUpper(in.Line[kwStart:kwEnd])
	in.KeywordSpan = in.LineSpan(kwStart, kwEnd)
	end := len(strings.TrimRightFunc(in.Line, unicode.IsSpace))
	if rest > end {
		rest = end
	}
	flags, argsStart := extractFlags(in.Line, rest, end, s.f.Escape)
	for _, tok := range flags {
		in.Flags = append(in.Flags, in.newFlag(tok))
	}
	for argsStart < end && unicode.IsSpace(rune(in.Line[argsStart])) {
		argsStart++
	}
	if argsStart > end || (len(flags) == 0 && rest == end) {
		argsStart = end
	}
	in.ArgsStart = argsStart
	s.splitArgs(in, argsStart, end)
}

// newFlag returns the Flag of a flag word: its name before the first "="
// and its value after it.
func (in *Instruction) newFlag(tok flagToken) *Flag {
	fl := &Flag{Span: in.LineSpan(tok.start, tok.end)}
	nameStart := tok.start + 2
	raw := in.Line[tok.start:tok.end]
	eq := strings.IndexByte(raw, '=')
	name, value, hasValue := strings.Cut(strings.TrimPrefix(tok.value, "--"), "=")
	fl.Name, fl.Value, fl.HasValue = name, value, hasValue
	if eq < 0 {
		fl.NameSpan = in.LineSpan(nameStart, tok.end)
		fl.ValueSpan = in.LineSpan(tok.end, tok.end)
		return fl
	}
	fl.NameSpan = in.LineSpan(nameStart, tok.start+eq)
	fl.ValueSpan = in.LineSpan(tok.start+eq+1, tok.end)
	return fl
}

// splitArgs reads the arguments in Line[from:to] in the form the keyword
// takes.
func (s *scanner) splitArgs(in *Instruction, from, to int) {
	switch argForms[in.Keyword] {
	case formBlanks:
		s.addWords(in, splitBlanks(s.words[:0], in.Line, from, to))
	case formJSONList:
		if !s.tryJSON(in, from, to) {
			s.addWords(in, splitBlanks(s.words[:0], in.Line, from, to))
		}
	case formJSONString:
		if !s.tryJSON(in, from, to) {
			s.addWords(in, splitWords(s.words[:0], in.Line, from, to, s.f.Escape))
		}
	case formHealthcheck:
		s.splitHealthcheck(in, from, to)
	default:
		s.addWords(in, splitWords(s.words[:0], in.Line, from, to, s.f.Escape))
		s.checkNameValues(in)
		if in.Keyword == "ONBUILD" && from < to {
			trigger := s.newInstruction()
			trigger.Line, trigger.pieces, trigger.Span = in.Line, in.pieces, in.Span
			s.splitLine(trigger, from)
			in.Trigger = trigger
		}
	}
}

// splitHealthcheck reads "HEALTHCHECK NONE" or "HEALTHCHECK CMD ...": the
// type word, then an exec form or a shell string.
func (s *scanner) splitHealthcheck(in *Instruction, from, to int) {
	sep := from
	for sep < to && !unicode.IsSpace(rune(in.Line[sep])) {
		sep++
	}
	if sep == from {
		return
	}
	s.addWords(in, append(s.words[:0], wordBounds{from, sep}))
	next := sep
	for next < to && unicode.IsSpace(rune(in.Line[next])) {
		next++
	}
	if !s.tryJSON(in, next, to) {
		s.addWords(in, splitWords(s.words[:0], in.Line, next, to, s.f.Escape))
	}
}

// addWords appends words of in.Line to in.Args. words may be s.words,
// which addWords keeps for the next call.
func (s *scanner) addWords(in *Instruction, words []wordBounds) {
	s.words = words
	if len(words) == 0 {
		return
	}
	slab, ptrs := s.newWords(len(words))
	for i, w := range words {
		text := in.Line[w.start:w.end]
		slab[i] = Word{Text: text, Value: unquote(text, s.f.Escape), Span: in.LineSpan(w.start, w.end)}
		ptrs[i] = &slab[i]
	}
	if in.Args == nil {
		in.Args = ptrs
		return
	}
	in.Args = append(in.Args, ptrs...)
}

// errNotStrings is buildkit's complaint about an exec form with a value
// that is not a string.
var errNotStrings = errors.New("not strings")

// tryJSON reads Line[from:to] as an exec form. It reports whether it is
// one; an array with a non-string value is an error, as in buildkit.
func (s *scanner) tryJSON(in *Instruction, from, to int) bool {
	text := in.Line[from:to]
	if !strings.HasPrefix(text, "[") {
		return false
	}
	words, err := jsonStrings(text)
	if errors.Is(err, errNotStrings) {
		s.addError(in.LineSpan(from, to), "the exec form %s has a value that is not a string; write every argument as a JSON string, such as [\"nginx\", \"-g\", \"daemon off;\"]", text)
		in.badJSON = true
		return false
	}
	if err != nil {
		return false
	}
	in.JSONForm = true
	for _, w := range words {
		in.Args = append(in.Args, &Word{Text: text[w.start:w.end], Value: w.value, Span: in.LineSpan(from+w.start, from+w.end)})
	}
	return true
}

// jsonWord is a string of a JSON array: its bounds in the text and its
// decoded value.
type jsonWord struct {
	start, end int
	value      string
}

// jsonStrings decodes text as a JSON array of strings and returns each
// string with its bounds. Like buildkit, it rejects trailing text.
func jsonStrings(text string) ([]jsonWord, error) {
	var values []any
	if err := json.Unmarshal([]byte(text), &values); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(text))
	if _, err := dec.Token(); err != nil { // "["
		return nil, err
	}
	var words []jsonWord
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		value, ok := tok.(string)
		if !ok {
			if _, delim := tok.(json.Delim); delim {
				break // the closing "]"
			}
			return nil, errNotStrings
		}
		start := before + strings.IndexByte(text[before:], '"')
		words = append(words, jsonWord{start: start, end: int(dec.InputOffset()), value: value})
	}
	if len(words) != len(values) {
		return nil, errNotStrings
	}
	return words, nil
}

// checkNameValues reports the ENV and LABEL forms that buildkit rejects:
// a single name with no value, or a list with a word that has no "=".
func (s *scanner) checkNameValues(in *Instruction) {
	if in.Keyword != "ENV" && in.Keyword != "LABEL" || len(in.Args) == 0 {
		return
	}
	if !strings.Contains(in.Args[0].Text, "=") {
		if len(splitBlanks(nil, in.Line, in.ArgsStart, len(in.Line))) < 2 {
			s.addError(in.Args[0].Span, "%s %s has no value; write %s %s=value", in.Keyword, in.Args[0].Text, in.Keyword, in.Args[0].Text)
			in.badArgs = true
		}
		return
	}
	for _, w := range in.Args {
		if !strings.Contains(w.Text, "=") {
			s.addError(w.Span, "%q in %s has no \"=\"; write each pair as name=value", w.Text, in.Keyword)
			in.badArgs = true
			return
		}
	}
}

// canHaveHeredocs reports whether buildkit looks for heredocs in the
// instruction: RUN, COPY and ADD in shell form, also behind ONBUILD.
func (in *Instruction) canHaveHeredocs() bool {
	target := in
	if in.Keyword == "ONBUILD" && in.Trigger != nil {
		target = in.Trigger
	}
	return heredocKeywords[target.Keyword] && !target.JSONForm && !target.badJSON
}

// lineEnd returns the Span of the bytes after the instruction's last word,
// used when nothing better marks an error.
func (in *Instruction) lineEnd() position.Span {
	return position.Span{Start: in.Span.End, End: in.Span.End}
}
