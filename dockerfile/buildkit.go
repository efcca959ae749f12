package dockerfile

import (
	"bytes"
	"errors"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// attachNodes parses the content with buildkit's parser and attaches each
// top-level node to the instruction that starts on its line. buildkit stops
// at its first error and then returns no nodes, so when the whole content
// fails, each instruction is parsed again on its own, with the comment
// lines before it and the escape directive in force. That finds every
// error, not only the first, in time linear in the content.
func (s *scanner) attachNodes() {
	nodes, _, err := s.parseLines(0, len(s.lines), false)
	if err == nil {
		byLine := make(map[int]*Instruction, len(s.f.Instructions))
		for _, in := range s.f.Instructions {
			byLine[in.first+1] = in
		}
		for _, node := range nodes {
			if in := byLine[node.StartLine]; in != nil {
				in.Node = node
			}
		}
		return
	}
	from := 0
	for _, in := range s.f.Instructions {
		nodes, errLines, err := s.parseLines(from, in.last+1, true)
		from = in.last + 1
		if err != nil {
			if errLines[0] >= 0 {
				s.addBuildkitError(err, errLines)
			}
			continue
		}
		for _, node := range nodes {
			if node.StartLine == in.first+1 {
				in.Node = node
			}
		}
	}
}

// parseLines runs buildkit's parser on the lines [from, to) and
// returns its nodes with lines rebased to 1-based lines of the content.
// With chunk set, the parse starts with the escape directive in force and
// reads the directive lines of the chunk as comments. On error it also
// returns the 0-based indexes of the lines the error covers.
func (s *scanner) parseLines(from, to int, chunk bool) ([]*parser.Node, [2]int, error) {
	var buf bytes.Buffer
	prefix := 0
	if chunk {
		// The first line keeps the escape directive; "#" then ends the
		// directives, so that no comment of the chunk becomes one.
		if s.f.Escape != '\\' {
			buf.WriteString("# escape=" + string(s.f.Escape) + "\n")
			prefix++
		}
		buf.WriteString("#\n")
		prefix++
	}
	start, end := s.f.BOM, len(s.f.Content)
	if from < len(s.lines) {
		start = s.lines[from].start
	}
	if to < len(s.lines) {
		end = s.lines[to].start
	}
	buf.Write(s.f.Content[start:end])
	shift := from - prefix // a chunk line plus shift is a content line, both 1-based

	res, err := parser.Parse(&buf)
	var nodes []*parser.Node
	if res != nil && res.AST != nil {
		for _, node := range res.AST.Children {
			node.StartLine += shift
			node.EndLine += shift
			nodes = append(nodes, node)
		}
	}
	if err == nil {
		return nodes, [2]int{}, nil
	}
	var located *parser.LocationError
	if !errors.As(err, &located) || len(located.Locations) == 0 || len(located.Locations[0]) == 0 {
		return nodes, [2]int{-1, -1}, err
	}
	ranges := located.Locations[0]
	// Errors in directive and continuation lines carry the 0-based index
	// of the line as their line, the others a 1-based line.
	first := max(ranges[0].Start.Line, 1)
	lines := [2]int{first + shift - 1, max(ranges[len(ranges)-1].End.Line, first) + shift - 1}
	return nodes, lines, err
}

// addBuildkitError records a buildkit parse error that the scanner has not
// already reported in the same instruction. Errors outside instructions
// concern directives, which the scanner reports itself.
func (s *scanner) addBuildkitError(err error, lines [2]int) {
	var at *Instruction
	for _, in := range s.f.Instructions {
		if in.first <= lines[0] && lines[0] <= in.last {
			at = in
			break
		}
	}
	if at == nil {
		return
	}
	for _, known := range s.f.Errors {
		if known.Span.Overlaps(at.Span) {
			return
		}
	}
	var located *parser.LocationError
	msg := err.Error()
	if errors.As(err, &located) {
		msg = located.Unwrap().Error()
	}
	s.addError(at.KeywordSpan, "%s", msg)
}
