package compose

import (
	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// splice returns the File of content: f's tree with the entry of b
// replaced by pairs, f's Spans moved past the block, and the model built
// again. It reports false when the new tree has a duplicate key, whose
// error parseFull reports.
func (f *File) splice(content []byte, lines *lineTable, b block, e edit, pairs []*yaml.Node) (*File, bool) {
	if b.pairAt == 0 && len(pairs) == 0 {
		return nil, false // the section would start at a reused key, whose Line may be stale
	}
	section := *b.section
	section.Content = append(append(append([]*yaml.Node(nil), b.section.Content[:b.pairAt]...), pairs...), b.section.Content[b.pairAt+2:]...)
	root := *f.Root
	root.Content = append([]*yaml.Node(nil), f.Root.Content...)
	root.Content[b.sectionAt] = &section
	doc := *f.doc
	doc.Content = []*yaml.Node{&root}

	out := &File{Content: content, doc: &doc, Root: &root, lines: lines}
	var moved bool
	if out.spans, moved = f.movedSpans(b, e); !moved {
		return nil, false
	}
	sp := &spanner{lt: lines, spans: out.spans}
	for _, n := range pairs {
		sp.walk(n)
	}
	// A copied container starts where the old one did, before the block,
	// except a section whose first entry is the block: a block mapping
	// starts where its first key does. The Line of an older copy may be
	// stale, so the Span of an unmoved container is not computed from it.
	sectionStart := f.NodeSpan(b.section).Start
	if b.pairAt == 0 {
		section.Line, section.Column = pairs[0].Line, pairs[0].Column
		sectionStart = sp.skipProperties(&section, lines.offset(section.Line, section.Column))
	}
	out.spans[&section] = enclosingSpan(sectionStart, &section, out.spans)
	out.spans[&root] = enclosingSpan(f.NodeSpan(f.Root).Start, &root, out.spans)
	out.spans[&doc] = enclosingSpan(out.spans[&root].Start, &doc, out.spans)
	out.Anchors = f.movedAnchors(b, e)
	out.Aliases = f.movedAliases(b, e, sp.aliases)

	out.checkMappingKeys(&section)
	for _, n := range pairs {
		out.checkDuplicateKeys(n)
	}
	if len(out.Errors) > 0 {
		return nil, false
	}
	out.build()
	return out, true
}

// enclosingSpan returns the Span of a block collection n that starts at
// start, from the Spans of its children, as spanner.walkCollection does.
func enclosingSpan(start int, n *yaml.Node, spans map[*yaml.Node]position.Span) position.Span {
	span := position.Span{Start: start, End: start}
	for _, child := range n.Content {
		span.End = max(span.End, spans[child].End)
	}
	return span
}

// movedSpans returns the Spans of f's nodes outside block b, those after it
// moved by the edit. The nodes of the old block and the containers that
// splice copies are left out. It reports false when a node before the
// block reaches into it: a block scalar with an empty body, whose Span
// scalarEnd stretches over the more indented lines after it, would get
// another Span from the new text.
func (f *File) movedSpans(b block, e edit) (map[*yaml.Node]position.Span, bool) {
	spans := make(map[*yaml.Node]position.Span, len(f.spans))
	delta := e.delta()
	inBlock := 0
	for n, span := range f.spans {
		switch {
		case n == f.doc || n == f.Root || n == b.section:
		case span.Start < b.start:
			if span.End >= b.start {
				return nil, false
			}
			spans[n] = span
		case span.Start >= b.end:
			spans[n] = span.Shift(delta)
		default:
			inBlock++
		}
	}
	// Every node placed in the block must be a node of its entry, and the
	// reverse: an empty value that yaml.v3 places at the next token would
	// break either.
	if inBlock != countNodes(b.section.Content[b.pairAt])+countNodes(b.section.Content[b.pairAt+1]) {
		return nil, false
	}
	return spans, true
}

// movedAnchors returns f's anchors with those after block b moved by the
// edit; reparse applies only when the block has none.
func (f *File) movedAnchors(b block, e edit) []*Anchor {
	out := make([]*Anchor, 0, len(f.Anchors))
	for _, a := range f.Anchors {
		if a.Span.Start >= b.end {
			moved := *a
			moved.Span = moved.Span.Shift(e.delta())
			a = &moved
		}
		out = append(out, a)
	}
	return out
}

// movedAliases returns f's aliases before block b, then the aliases of the
// new block, then f's aliases after the block moved by the edit.
func (f *File) movedAliases(b block, e edit, inBlock []*Alias) []*Alias {
	out := make([]*Alias, 0, len(f.Aliases)+len(inBlock))
	for _, a := range f.Aliases {
		if a.Span.Start < b.start {
			out = append(out, a)
		}
	}
	out = append(out, inBlock...)
	for _, a := range f.Aliases {
		if a.Span.Start >= b.end {
			moved := *a
			moved.Span = moved.Span.Shift(e.delta())
			out = append(out, &moved)
		}
	}
	return out
}
