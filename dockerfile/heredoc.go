package dockerfile

import (
	"bytes"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"

	"github.com/stackls/stackls/position"
)

// noEnv is an empty variable set for buildkit's shell lexer.
type noEnv struct{}

func (noEnv) Get(string) (string, bool) { return "", false }
func (noEnv) Keys() []string            { return nil }

// readHeredocs finds the heredoc openers of in.Line as buildkit does (its
// shell lexer splits the line into raw words, and parser.ParseHeredoc reads
// each) and then reads their bodies from the lines that follow, in order.
func (s *scanner) readHeredocs(in *Instruction) {
	lex := shell.NewLex('\\')
	lex.RawQuotes = true
	lex.RawEscapes = true
	lex.SkipUnsetEnv = true
	words, _ := lex.ProcessWords(in.Line, noEnv{})

	cursor := 0
	var found []*Heredoc
	for _, word := range words {
		doc, err := parser.ParseHeredoc(word)
		at := strings.Index(in.Line[cursor:], word)
		span := in.LineSpan(0, 0)
		if at >= 0 {
			span = in.LineSpan(cursor+at, cursor+at+len(word))
			cursor += at + len(word)
		}
		if err != nil {
			s.addError(span, "invalid heredoc delimiter %s: %v; close the quote around the delimiter word", word, err)
			return
		}
		if doc == nil {
			continue
		}
		found = append(found, &Heredoc{
			Name: doc.Name, Expand: doc.Expand, Chomp: doc.Chomp,
			FileDescriptor: doc.FileDescriptor, OpenerSpan: span,
		})
	}
	for _, doc := range found {
		s.readBody(in, doc)
		in.Heredocs = append(in.Heredocs, doc)
		in.Span.End = doc.EndSpan.End
	}
}

// readBody reads the lines of one heredoc body up to its terminator: a line
// that equals the delimiter word, after its leading tabs are removed for
// "<<-".
func (s *scanner) readBody(in *Instruction, doc *Heredoc) {
	bodyStart := len(s.f.Content)
	if s.i < len(s.lines) {
		bodyStart = s.lines[s.i].start
	}
	for s.i < len(s.lines) {
		line := s.lines[s.i]
		s.i++
		text := s.text(line)
		if doc.Chomp {
			text = bytes.TrimLeft(text, "\t")
		}
		if string(text) == doc.Name {
			doc.Terminated = true
			doc.BodySpan = position.Span{Start: bodyStart, End: line.start}
			doc.EndSpan = position.Span{Start: line.start, End: line.end}
			return
		}
	}
	end := len(s.f.Content)
	doc.BodySpan = position.Span{Start: bodyStart, End: end}
	doc.EndSpan = position.Span{Start: end, End: end}
	s.addError(doc.OpenerSpan, "the heredoc %s is not terminated; end it with a line that contains only %s", doc.Name, doc.Name)
}

// Body returns the text of a heredoc body in content, line ends included.
func (doc *Heredoc) Body(content []byte) string {
	return string(content[doc.BodySpan.Start:doc.BodySpan.End])
}
