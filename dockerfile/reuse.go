package dockerfile

import (
	"bytes"
	"sort"
	"sync"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/stackls/stackls/internal/bytediff"
	"github.com/stackls/stackls/position"
)

// An edit changes a few lines of a long Dockerfile, so Parse copies the
// instructions before and after the change from the File it returned for
// an earlier version, instead of scanning their lines again. The scan of a
// chunk (see buildkit.go) depends only on its lines, the escape character
// and whether parser directives are still read. So a chunk that lies in
// the text that both versions start with, or end with, scans the same in
// both, at shifted offsets.

// minReuseBytes is the content length from which Parse keeps a File for
// the next parse to copy from: below it, scanning costs too little to gain.
// Tests set it to 0.
var minReuseBytes = 16 << 10

// recentFiles keeps the last Files that Parse returned for long content.
var recentFiles = &recentCache{}

// recentCache is a small list of Files to copy chunks from. It is safe for
// concurrent use; the Files themselves are not changed once Parse returns.
type recentCache struct {
	mu    sync.Mutex
	files [2]cachedFile // guarded by mu; the most recent first
}

// cachedFile is a cached File and a private copy of the content it was built
// from. A caller that changes the bytes it gave Parse afterwards changes
// File.Content too; the copy shows that, and such a File is not used
// again.
type cachedFile struct {
	f       *File
	content []byte
}

// add keeps f for later parses when its content is long enough.
func (c *recentCache) add(f *File) {
	if len(f.Content) < minReuseBytes || f.tooLong {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files[0].f != f {
		c.files[1], c.files[0] = c.files[0], cachedFile{f: f, content: bytes.Clone(f.Content)}
	}
}

// match returns how to copy from the kept File that shares the most text
// with the content of f at its start and end, or nil when none shares at
// least half of it.
func (c *recentCache) match(f *File) *reuse {
	if len(f.Content) < minReuseBytes {
		return nil
	}
	c.mu.Lock()
	files := c.files
	c.mu.Unlock()
	var best *reuse
	for _, cached := range files {
		old := cached.f
		if old == nil || len(old.Instructions) == 0 || !bytes.Equal(old.Content, cached.content) {
			continue
		}
		prefix := bytediff.CommonPrefix(old.Content, f.Content)
		n := min(len(old.Content), len(f.Content)) - prefix
		suffix := bytediff.CommonSuffix(old.Content[len(old.Content)-n:], f.Content[len(f.Content)-n:])
		if (prefix+suffix)*2 < len(f.Content) || best != nil && prefix+suffix <= best.prefix+best.suffix {
			continue
		}
		best = &reuse{old: old, prefix: prefix, suffix: suffix, delta: len(f.Content) - len(old.Content)}
	}
	return best
}

// reuse is the earlier File that a parse copies chunks from.
type reuse struct {
	old    *File
	prefix int // bytes that both contents start with
	suffix int // bytes that both contents end with, not overlapping prefix
	delta  int // the new content's length minus the old one's
	next   int // the old instruction whose chunk the prefix may hold next; -1 when the prefix is done
}

// reuseChunks copies the chunks of the old File that start on the line
// the scanner is at, and reports whether it copied any. From the start of
// the content, it copies the chunks that lie in the common prefix. Past
// the change, at a line where an old chunk started in the common suffix,
// it copies that chunk and all after it, and then stops reusing.
func (s *scanner) reuseChunks() bool {
	r := s.reuse
	old := r.old
	if r.next >= 0 && r.next < len(old.Instructions) {
		in := old.Instructions[r.next]
		if in.chunkLine == s.i && in.chunk.End <= r.prefix && isClosed(old, in) {
			if r.next == 0 {
				s.startAfterDirectives(old)
			}
			s.copyChunks(old, r.next, r.next+1, 0, 0)
			r.next++
			return true
		}
	}
	r.next = -1

	at := s.lines[s.i].start
	if len(s.f.Instructions) == 0 || s.f.Escape != old.Escape || at < len(s.f.Content)-r.suffix {
		return false
	}
	k := sort.Search(len(old.Instructions), func(k int) bool { return old.Instructions[k].chunk.Start >= at-r.delta })
	if k == 0 || k == len(old.Instructions) || old.Instructions[k].chunk.Start != at-r.delta {
		return false
	}
	s.copyChunks(old, k, len(old.Instructions), r.delta, s.i-old.Instructions[k].chunkLine)
	s.reuse = nil
	return true
}

// isClosed reports whether an instruction ends with a line end and does
// not reach the end of the content still open: a continuation or a
// heredoc that more text would extend.
func isClosed(f *File, in *Instruction) bool {
	if in.OpenEnd || in.chunk.End == 0 || f.Content[in.chunk.End-1] != '\n' {
		return false
	}
	for _, doc := range in.Heredocs {
		if !doc.Terminated {
			return false
		}
	}
	return true
}

// startAfterDirectives sets the scanner's state after the first chunk of
// old: its escape character and parser directives, and a directive parser
// that reads no more directives.
func (s *scanner) startAfterDirectives(old *File) {
	s.setEscape(old.Escape)
	s.f.Directives = append(s.f.Directives, old.Directives...)
	s.directives.ParseLine(nil) // a line that is no directive ends them
}

// copyChunks copies the chunks of the old instructions [from, to), with
// their comments and the scanner's errors, moved by delta bytes and
// lineDelta lines, and moves the scanner past them.
func (s *scanner) copyChunks(old *File, from, to, delta, lineDelta int) {
	start, end := old.Instructions[from].chunk.Start, old.Instructions[to-1].chunk.End
	inChunks := func(span position.Span) bool {
		return start <= span.Start && (span.Start < end || span.Start == end && end == len(old.Content))
	}
	i := sort.Search(len(old.Comments), func(i int) bool { return old.Comments[i].Start >= start })
	for ; i < len(old.Comments) && inChunks(old.Comments[i]); i++ {
		s.f.Comments = append(s.f.Comments, old.Comments[i].Shift(delta))
	}
	i = sort.Search(len(old.Errors), func(i int) bool { return old.Errors[i].Span.Start >= start })
	for ; i < len(old.Errors) && inChunks(old.Errors[i].Span); i++ {
		if e := old.Errors[i]; !e.buildkit {
			s.f.Errors = append(s.f.Errors, &Error{Span: e.Span.Shift(delta), Message: e.Message})
		}
	}
	first := len(s.f.Instructions)
	for _, in := range old.Instructions[from:to] {
		s.f.Instructions = append(s.f.Instructions, s.copyInstruction(in, delta, lineDelta))
	}
	s.copied += to - from
	// The first chunk starts where the scanner's current chunk started:
	// comment lines that the scanner read before may belong to it.
	s.f.Instructions[first].chunkLine = s.chunkLine
	s.f.Instructions[first].chunk.Start = s.lineOffset(s.chunkLine)
	last := s.f.Instructions[len(s.f.Instructions)-1]
	s.i = last.last + 1
	s.chunkLine = s.i
}

// copyInstruction returns a copy of the old instruction moved by delta
// bytes and lineDelta lines, without what Parse adds after the scan: its
// node, stage and variables. Strings that are parts of the old content
// are taken from the new one, so that the copy does not keep the old
// content alive.
func (s *scanner) copyInstruction(old *Instruction, delta, lineDelta int) *Instruction {
	in := s.newInstruction()
	*in = *old
	in.Node, in.node, in.Stage, in.decls = nil, parser.Node{}, -1, nil
	in.first += lineDelta
	in.last += lineDelta
	in.chunkLine += lineDelta
	in.chunk = in.chunk.Shift(delta)
	in.Span = in.Span.Shift(delta)
	in.KeywordSpan = in.KeywordSpan.Shift(delta)
	in.EmptyLines = shiftSpans(old.EmptyLines, delta)

	in.pieces = in.piece0[:1]
	if len(old.pieces) > 1 {
		in.pieces = make([]piece, len(old.pieces))
	}
	for i, p := range old.pieces {
		p.content += delta
		in.pieces[i] = p
	}
	in.piece0[0] = in.pieces[0]
	if len(in.pieces) == 1 {
		p := in.pieces[0]
		in.Line = s.src[p.content : p.content+p.n]
		in.Keyword = s.sameText(old.Keyword, in.KeywordSpan.Start, p.content, in.Line)
	}
	in.Flags = copyFlags(old.Flags, delta)
	in.Args = s.copyWords(in, old.Args, delta)
	in.Heredocs = copyHeredocs(old.Heredocs, delta)
	if t := old.Trigger; t != nil {
		// The trigger shares the Line and pieces of its ONBUILD and has
		// no lines or chunk of its own.
		in.Trigger = s.copyInstruction(t, delta, lineDelta)
		in.Trigger.Line, in.Trigger.pieces, in.Trigger.piece0 = in.Line, in.pieces, t.piece0
		in.Trigger.first, in.Trigger.last, in.Trigger.chunkLine, in.Trigger.chunk = t.first, t.last, t.chunkLine, t.chunk
	}
	return in
}

// sameText returns text, or the bytes of line, which starts at the
// content offset lineStart, that are equal to it at the content offset
// at: a string that may share the old content is replaced by its copy in
// the new one.
func (s *scanner) sameText(text string, at, lineStart int, line string) string {
	i := at - lineStart
	if i >= 0 && i+len(text) <= len(line) && line[i:i+len(text)] == text {
		return line[i : i+len(text)]
	}
	return text
}

// copyWords copies words of an instruction moved by delta bytes. For a
// one-line instruction, whose Line is a part of the content, each Text,
// and each Value equal to its Text, comes from the new Line.
func (s *scanner) copyWords(in *Instruction, words []*Word, delta int) []*Word {
	if len(words) == 0 {
		return words
	}
	slab, ptrs := s.newWords(len(words))
	for i, w := range words {
		slab[i] = Word{Text: w.Text, Value: w.Value, Span: w.Span.Shift(delta)}
		if len(in.pieces) == 1 {
			slab[i].Text = s.sameText(w.Text, slab[i].Span.Start, in.pieces[0].content, in.Line)
			if w.Value == w.Text {
				slab[i].Value = slab[i].Text
			}
		}
		ptrs[i] = &slab[i]
	}
	return ptrs
}

func copyFlags(flags []*Flag, delta int) []*Flag {
	if len(flags) == 0 {
		return flags
	}
	slab := make([]Flag, len(flags))
	out := make([]*Flag, len(flags))
	for i, fl := range flags {
		slab[i] = *fl
		slab[i].Span, slab[i].NameSpan, slab[i].ValueSpan = fl.Span.Shift(delta), fl.NameSpan.Shift(delta), fl.ValueSpan.Shift(delta)
		out[i] = &slab[i]
	}
	return out
}

func copyHeredocs(docs []*Heredoc, delta int) []*Heredoc {
	if len(docs) == 0 {
		return docs
	}
	slab := make([]Heredoc, len(docs))
	out := make([]*Heredoc, len(docs))
	for i, doc := range docs {
		slab[i] = *doc
		slab[i].OpenerSpan, slab[i].BodySpan, slab[i].EndSpan = doc.OpenerSpan.Shift(delta), doc.BodySpan.Shift(delta), doc.EndSpan.Shift(delta)
		out[i] = &slab[i]
	}
	return out
}

func shiftSpans(spans []position.Span, delta int) []position.Span {
	if len(spans) == 0 || delta == 0 {
		return spans
	}
	out := make([]position.Span, len(spans))
	for i, span := range spans {
		out[i] = span.Shift(delta)
	}
	return out
}
