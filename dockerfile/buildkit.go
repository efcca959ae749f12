package dockerfile

import (
	"bytes"
	"errors"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// A chunk is the run of lines that buildkit reads for one instruction: the
// comment and blank lines after the previous instruction, then the
// instruction's own lines and heredoc bodies. buildkit carries no state
// from one instruction to the next except the escape character and the
// comments before it, so parsing a chunk on its own gives the node that a
// parse of the whole content gives, with lines shifted. Parse keeps the
// chunks' nodes in a cache, so that after an edit only the changed chunks
// go through buildkit's parser again.

// attachNodes attaches buildkit's node to each instruction, as a parse of
// the whole content with buildkit's parser gives it. buildkit stops at its
// first error and then returns no nodes, so when the whole content fails,
// each instruction is parsed again on its own, with the comment lines
// before it and the escape directive in force. That finds every error, not
// only the first, in time linear in the content.
func (s *scanner) attachNodes() {
	if len(s.f.Instructions) == 0 {
		return
	}
	if !s.tooLong {
		// Parsing chunks one by one costs more per line than one parse of
		// the whole content, so a mostly new content is parsed whole.
		b := s.lookupChunks(false)
		outcome := chunksDiffer
		if b.misses*chunkParseRatio <= len(b.texts) {
			outcome = s.attachChunks(b)
		}
		if outcome == chunksAttached || outcome == chunksDiffer && s.attachWhole() {
			return
		}
	}
	s.attachEach()
}

// chunkParseRatio is the number of chunks that Parse must find in the
// cache for each chunk that it parses on its own. With fewer, it parses
// the whole content. Tests set it to 0 to parse every chunk on its own.
var chunkParseRatio = 4

// attachWhole parses the whole content with buildkit's parser and attaches
// each top-level node to the instruction that starts on its line. It
// reports false when buildkit rejects the content. When every instruction
// gets a node that covers exactly its lines, the nodes go into the cache as
// chunks.
func (s *scanner) attachWhole() bool {
	nodes, _, err := s.parseLines(0, len(s.lines), false)
	if err != nil {
		return false
	}
	byLine := make(map[int]*Instruction, len(s.f.Instructions))
	for _, in := range s.f.Instructions {
		byLine[in.first+1] = in
	}
	for _, node := range nodes {
		if in := byLine[node.StartLine]; in != nil {
			in.attach(node, 0)
		}
	}
	if len(nodes) == len(s.f.Instructions) {
		s.storeWhole()
	}
	return true
}

// storeWhole puts the node of each instruction into the cache as the
// result of its chunk, unless a node does not cover exactly the lines of
// its instruction. An instruction whose chunk is cached already gets the
// cached node, which is the same but for its lines, so that instructions
// with the same text share their nodes.
func (s *scanner) storeWhole() {
	results := make([]*chunkResult, len(s.f.Instructions))
	from := 0
	for i, in := range s.f.Instructions {
		if in.Node == nil || in.Node.StartLine != in.first+1 || in.Node.EndLine != in.last+1 {
			return
		}
		rel := *in.Node
		rel.StartLine -= from
		rel.EndLine -= from
		results[i] = &chunkResult{nodes: []*parser.Node{&rel}}
		from = in.last + 1
	}
	batch := s.chunkKeys(false)
	nodeCache.store(batch.modes, batch.texts, results)
	from = 0
	for i, in := range s.f.Instructions {
		if node := results[i].nodes[0]; node.Next != in.Node.Next {
			in.attach(node, from)
		}
		from = in.last + 1
	}
}

// attachEach parses each instruction's chunk on its own, as attachWhole's
// fallback, and reports buildkit's errors.
func (s *scanner) attachEach() {
	batch := s.lookupChunks(true)
	from := 0
	for i, in := range s.f.Instructions {
		res := batch.results[i]
		if res == nil {
			res = batch.parse(s, i, from)
		}
		if res.err != nil {
			if res.located {
				s.addBuildkitError(res.err, [2]int{res.errLines[0] + from, res.errLines[1] + from})
			}
		} else {
			for _, node := range res.nodes {
				if node.StartLine+from == in.first+1 {
					in.attach(node, from)
				}
			}
		}
		from = in.last + 1
	}
	if batch.misses > 0 {
		nodeCache.store(batch.modes, batch.texts, batch.results)
	}
}

// attach sets the instruction's Node to a copy of a cached node with its
// lines moved down by n. The copy shares the rest of the node with the
// cache.
func (in *Instruction) attach(node *parser.Node, n int) {
	in.node = *node
	in.node.StartLine += n
	in.node.EndLine += n
	in.Node = &in.node
}

// shifted returns a copy of a node with its lines moved down by n.
func shifted(node *parser.Node, n int) *parser.Node {
	c := *node
	c.StartLine += n
	c.EndLine += n
	return &c
}

// chunkResult is buildkit's parse of one chunk. Node lines are 1-based
// lines of the chunk, and errLines are 0-based lines of the chunk.
type chunkResult struct {
	nodes    []*parser.Node
	err      error
	located  bool   // err has a line range
	errLines [2]int // the lines that err covers, when located
}

// parseChunk runs buildkit's parser on the lines [from, to). With chunk
// set, the parse starts with the escape directive in force and reads the
// directive lines of the chunk as comments, as a chunk after the first
// one needs.
func (s *scanner) parseChunk(from, to int, chunk bool) *chunkResult {
	nodes, lines, err := s.parseLines(from, to, chunk)
	res := &chunkResult{err: err}
	if err != nil {
		res.located = lines[0] >= 0
		res.errLines = [2]int{lines[0] - from, lines[1] - from}
		return res
	}
	for _, node := range nodes {
		res.nodes = append(res.nodes, shifted(node, -from))
	}
	return res
}

// parseLines runs buildkit's parser on the lines [from, to) and
// returns its nodes with lines rebased to 1-based lines of the content.
// With chunk set, the parse starts with the escape directive in force and
// reads the directive lines of the chunk as comments. On error it also
// returns the 0-based indexes of the lines the error covers, or -1 when
// the error has no location.
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
	start, end := s.lineOffset(from), s.lineOffset(to)
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

// lineOffset returns the content offset where line i starts, or the end of
// the content for i past the last line.
func (s *scanner) lineOffset(i int) int {
	if i < len(s.lines) {
		return s.lines[i].start
	}
	if len(s.lines) == 0 {
		return s.f.BOM
	}
	return len(s.f.Content)
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
	s.f.Errors[len(s.f.Errors)-1].buildkit = true
}
