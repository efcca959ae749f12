package compose

import (
	"unicode/utf8"

	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// This file is the adapter between yaml.v3 positions and byte offsets.
//
// yaml.v3 gives each node a 1-based line and a 1-based column counted in
// characters (runes), where a line ends at "\n", "\r\n", "\r", U+0085,
// U+2028 or U+2029 and a leading UTF-8 BOM is not counted. It gives no end
// position, so the end of each node is found by scanning the source from
// its start with the rules of the node's style.

// lineTable holds the byte offset of the first byte of each line, with
// lines broken as YAML breaks them.
type lineTable struct {
	content []byte
	starts  []int
}

func newLineTable(content []byte) *lineTable {
	start := 0
	if len(content) >= 3 && content[0] == 0xef && content[1] == 0xbb && content[2] == 0xbf {
		start = 3
	}
	lt := &lineTable{content: content, starts: []int{start}}
	for i := start; i < len(content); {
		n := breakLen(content, i)
		if n > 0 {
			i += n
			lt.starts = append(lt.starts, i)
			continue
		}
		i++
	}
	return lt
}

// breakLen returns the length in bytes of the line break at i, or 0.
func breakLen(content []byte, i int) int {
	switch c := content[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(content) && content[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xc2 && i+1 < len(content) && content[i+1] == 0x85:
		return 2
	case c == 0xe2 && i+2 < len(content) && content[i+1] == 0x80 && (content[i+2] == 0xa8 || content[i+2] == 0xa9):
		return 3
	}
	return 0
}

// moved returns the lineTable of content, which equals lt's content except
// that the bytes [start, end) became delta bytes longer. start must be a
// line start, and end must be a line start or the end of both contents.
// The lines before start are kept, those after end moved, and only the
// changed bytes are scanned.
func (lt *lineTable) moved(content []byte, start, end, delta int) *lineTable {
	first := lt.lineOf(start)
	out := &lineTable{content: content, starts: make([]int, 0, len(lt.starts)+8)}
	out.starts = append(out.starts, lt.starts[:first+1]...)
	for i := start; i < end+delta; {
		if n := breakLen(content, i); n > 0 {
			i += n
			out.starts = append(out.starts, i)
			continue
		}
		i++
	}
	for _, s := range lt.starts[first+1:] {
		if s > end {
			out.starts = append(out.starts, s+delta)
		}
	}
	return out
}

// offset returns the byte offset of a 1-based line and 1-based character
// column, clamped to the content.
func (lt *lineTable) offset(line, column int) int {
	if line < 1 {
		return 0
	}
	if line > len(lt.starts) {
		return len(lt.content)
	}
	off := lt.starts[line-1]
	for c := 1; c < column && off < len(lt.content); c++ {
		if breakLen(lt.content, off) > 0 {
			break
		}
		_, size := utf8.DecodeRune(lt.content[off:])
		off += size
	}
	return off
}

// lineOf returns the 0-based line that holds offset.
func (lt *lineTable) lineOf(offset int) int {
	lo, hi := 0, len(lt.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if lt.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// lineEnd returns the offset of the line break that ends the 0-based line,
// or the content length on the last line.
func (lt *lineTable) lineEnd(line int) int {
	if line+1 < len(lt.starts) {
		end := lt.starts[line+1]
		for end > lt.starts[line] && (lt.content[end-1] == '\n' || lt.content[end-1] == '\r') {
			end--
		}
		if end == lt.starts[line+1] { // U+0085, U+2028 or U+2029
			for end > lt.starts[line] && breakLen(lt.content, end-1) == 0 && lt.content[end-1] >= 0x80 {
				end--
			}
		}
		return end
	}
	return len(lt.content)
}

// spanner computes and stores the Span of every node of one tree.
type spanner struct {
	lt      *lineTable
	spans   map[*yaml.Node]position.Span
	anchors []*Anchor
	aliases []*Alias
}

// walk records the Span of n and its descendants and returns n's Span.
func (sp *spanner) walk(n *yaml.Node) position.Span {
	if n == nil {
		return position.Span{}
	}
	if span, ok := sp.spans[n]; ok {
		return span
	}
	start := sp.lt.offset(n.Line, n.Column)
	if n.Kind != yaml.DocumentNode {
		start = sp.skipProperties(n, start)
	}
	var span position.Span
	switch n.Kind {
	case yaml.ScalarNode:
		span = position.Span{Start: start, End: scalarEnd(sp.lt.content, start, n)}
	case yaml.AliasNode:
		end := anchorNameEnd(sp.lt.content, start+1)
		span = position.Span{Start: start, End: end}
		sp.aliases = append(sp.aliases, &Alias{Name: n.Value, Span: position.Span{Start: start + 1, End: end}, Node: n, Target: n.Alias})
	case yaml.DocumentNode, yaml.MappingNode, yaml.SequenceNode:
		span = sp.walkCollection(n, start)
	}
	sp.spans[n] = span
	return span
}

// walkCollection records the Spans of a collection's children and returns
// the collection's own Span.
func (sp *spanner) walkCollection(n *yaml.Node, start int) position.Span {
	span := position.Span{Start: start, End: start}
	for _, child := range n.Content {
		childSpan := sp.walk(child)
		if childSpan.End > span.End {
			span.End = childSpan.End
		}
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		span.Start = sp.spans[n.Content[0]].Start
	}
	if n.Style&yaml.FlowStyle != 0 {
		span.End = flowEnd(sp.lt.content, span.End, n.Kind)
	}
	return span
}

// skipProperties moves past the anchor and tag written before a node's
// content, records the anchor, and returns the offset of the content.
func (sp *spanner) skipProperties(n *yaml.Node, off int) int {
	content := sp.lt.content
	for off < len(content) && (content[off] == '&' || content[off] == '!') {
		end := anchorNameEnd(content, off+1)
		if content[off] == '&' && n.Anchor != "" && string(content[off+1:end]) == n.Anchor {
			sp.anchors = append(sp.anchors, &Anchor{Name: n.Anchor, Span: position.Span{Start: off + 1, End: end}, Node: n})
		} else {
			end = tokenEnd(content, off)
		}
		next := skipBlank(content, end)
		if next >= len(content) || n.Kind == yaml.ScalarNode && n.Value == "" && !startsScalar(content, next, n) {
			return end // an empty value: the node sits just after its properties
		}
		off = next
	}
	return off
}

// startsScalar reports whether the text at off is the start of the empty
// scalar n, rather than the next key or entry.
func startsScalar(content []byte, off int, n *yaml.Node) bool {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return content[off] == '"'
	case n.Style&yaml.SingleQuotedStyle != 0:
		return content[off] == '\''
	}
	return false
}

// skipBlank returns the offset of the next byte that is not a space, tab,
// line break or part of a comment.
func skipBlank(content []byte, off int) int {
	for off < len(content) {
		switch content[off] {
		case ' ', '\t', '\r', '\n':
			off++
		case '#':
			for off < len(content) && content[off] != '\n' {
				off++
			}
		default:
			return off
		}
	}
	return off
}

// anchorNameEnd returns the end of an anchor or alias name starting at
// off. yaml.v3 reads such names as ASCII letters, digits, "_" and "-".
func anchorNameEnd(content []byte, off int) int {
	for off < len(content) {
		c := content[off]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return off
		}
		off++
	}
	return off
}

// tokenEnd returns the end of the run of non-blank bytes starting at off.
func tokenEnd(content []byte, off int) int {
	for off < len(content) {
		switch content[off] {
		case ' ', '\t', '\r', '\n':
			return off
		}
		off++
	}
	return off
}

// flowEnd returns the offset just past the bracket that closes a flow
// collection whose last child ends at off.
func flowEnd(content []byte, off int, kind yaml.Kind) int {
	closer := byte(']')
	if kind == yaml.MappingNode {
		closer = '}'
	}
	for off < len(content) {
		switch c := content[off]; {
		case c == closer:
			return off + 1
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':' || c == '[' || c == '{':
			off++
		case c == '#':
			off = skipBlank(content, off)
		default:
			return off
		}
	}
	return off
}
