package compose

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// This file reparses one entry of a top-level mapping, such as one
// service, after an edit inside it, instead of the whole file.
//
// An entry's block runs from the start of its key's line to the start of
// the next entry's line (or of the next top-level key, or the end of the
// content). When the edit lies inside one block, the new text of that
// block is parsed alone and the nodes it gives replace the old entry.
// Every other node of the old tree is reused. The document, the root
// mapping and the section mapping are copied with the new entry spliced
// in, and the Spans of the nodes after the block move by the edit's
// length. reparse declines, so that Parse parses the whole content,
// whenever parsing the block alone might give another result than parsing
// the whole content. Syntax errors, anchors in the block, comments near
// it, flow style, tags, directives, unusual line breaks and indentation
// all make it decline.
//
// NOTE: a reused node keeps the Line of the content it was parsed from.
// Positions come from NodeSpan and File.Line, which are exact.

// anchorsKey is the key of the line reparse puts before a block to define
// the anchors that its aliases may name. Its value is dropped.
const anchorsKey = "stackls-reparse-anchors"

// block is the source of one entry of a top-level mapping.
type block struct {
	section    *yaml.Node // the top-level mapping the entry is in
	sectionAt  int        // index of the section's value in Root.Content
	pairAt     int        // index of the entry's key in section.Content
	start, end int        // byte range of the block in the old content
	indent     int        // column of the section's keys, from 0
}

// reparse returns the File of content, built from base by parsing again
// only the block of base that the edit e changes. It reports false when
// that does not give the result of parseFull.
func reparse(base *File, content []byte, e edit) (f *File, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			f, ok = nil, false
		}
	}()
	if base.Root == nil || base.doc == nil || len(base.Errors) > 0 || base.directives {
		return nil, false
	}
	b, found := base.findBlock(e)
	if !found || !base.quietBlock(b) {
		return nil, false
	}
	newEnd := b.end + e.delta()
	text := content[b.start:newEnd]
	if !endsLine(content, newEnd) || !quietText(text, b.indent) || hasComment(lineBefore(content, b.start)) {
		return nil, false
	}
	lines := base.lines.moved(content, b.start, b.end, e.delta())
	pairs, ok := base.parseBlock(text, b, lines.lineOf(b.start))
	if !ok {
		return nil, false
	}
	return base.splice(content, lines, b, e, pairs)
}

// findBlock returns the block of an entry of a top-level block mapping
// that holds every byte the edit changes.
func (f *File) findBlock(e edit) (block, bool) {
	root := f.Root
	for i := 1; i < len(root.Content); i += 2 {
		section := root.Content[i]
		if section.Kind != yaml.MappingNode || len(section.Content) < 2 {
			continue
		}
		sectionEnd := len(f.Content)
		if i+1 < len(root.Content) {
			sectionEnd = f.NodeSpan(root.Content[i+1]).Start
		}
		first := f.NodeSpan(section.Content[0]).Start
		if e.start < lineStartOf(f.Content, first) || e.start >= sectionEnd {
			continue
		}
		for j := 0; j+1 < len(section.Content); j += 2 {
			keyStart := f.NodeSpan(section.Content[j]).Start
			b := block{section: section, sectionAt: i, pairAt: j, start: lineStartOf(f.Content, keyStart), end: sectionEnd, indent: keyStart - lineStartOf(f.Content, keyStart)}
			if j+2 < len(section.Content) {
				b.end = lineStartOf(f.Content, f.NodeSpan(section.Content[j+2]).Start)
			}
			if e.start >= b.start && e.start < b.end {
				return b, e.oldEnd <= b.end
			}
		}
		return block{}, false
	}
	return block{}, false
}

// quietBlock reports whether the containers around b and the old block
// itself are plain enough to reparse the block alone. The containers must
// be in block style without anchors or tags, and the block must have no
// anchors or comments and start with its key after spaces only.
func (f *File) quietBlock(b block) bool {
	for _, n := range []*yaml.Node{f.doc, f.Root, b.section} {
		if n.Anchor != "" || n.Style != 0 || n.Kind == yaml.MappingNode && n.Tag != "!!map" {
			return false
		}
	}
	if b.indent == 0 || !onlySpaces(f.Content[b.start:b.start+b.indent]) || !endsLine(f.Content, b.end) {
		return false
	}
	for _, a := range f.Anchors {
		if a.Span.Start >= b.start && a.Span.Start < b.end {
			return false
		}
	}
	return quietText(f.Content[b.start:b.end], b.indent)
}

// parseBlock parses the new text of b alone and returns its key and value
// nodes, with each node's Line set for the new content, where the block
// starts on the 0-based line startLine. Aliases to anchors defined before
// the block point at those anchors' nodes in f. It reports false when the
// text does not parse as entries of b's section would.
func (f *File) parseBlock(text []byte, b block, startLine int) ([]*yaml.Node, bool) {
	if onlySpaces(bytes.ReplaceAll(bytes.ReplaceAll(text, []byte("\r"), nil), []byte("\n"), nil)) {
		return nil, true
	}
	anchors := f.anchorsBefore(b.start)
	var source []byte
	prefixLines := 0
	if len(anchors) > 0 {
		source = append(source, bytes.Repeat([]byte(" "), b.indent)...)
		source = append(source, anchorsKey+": ["...)
		for i, a := range anchors {
			if i > 0 {
				source = append(source, ", "...)
			}
			source = append(source, "&"+a.Name+" ~"...)
		}
		source = append(source, "]\n"...)
		prefixLines = 1
	}
	source = append(source, text...)

	var doc yaml.Node
	if err := unmarshal(source, &doc); err != nil || len(doc.Content) != 1 {
		return nil, false
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || m.Style != 0 || m.Anchor != "" || m.Tag != "!!map" {
		return nil, false
	}
	pairs := m.Content
	real := map[*yaml.Node]*yaml.Node{}
	if prefixLines > 0 {
		if len(pairs) < 2 || pairs[0].Value != anchorsKey || len(pairs[1].Content) != len(anchors) {
			return nil, false
		}
		for i, synthetic := range pairs[1].Content {
			real[synthetic] = anchors[i].Node
		}
		pairs = pairs[2:]
	}
	for i := 0; i < len(pairs); i += 2 {
		if key := pairs[i]; key.Kind != yaml.ScalarNode || key.Column != b.indent+1 {
			return nil, false
		}
	}
	for _, n := range pairs {
		if !adoptNodes(n, startLine-prefixLines, real) {
			return nil, false
		}
	}
	return pairs, true
}

// anchorsBefore returns, for each anchor name defined before offset, its
// last definition there, in source order.
func (f *File) anchorsBefore(offset int) []*Anchor {
	last := map[string]int{}
	var out []*Anchor
	for _, a := range f.Anchors {
		if a.Span.Start >= offset {
			break
		}
		if i, seen := last[a.Name]; seen {
			out[i] = a
			continue
		}
		last[a.Name] = len(out)
		out = append(out, a)
	}
	return out
}

// adoptNodes moves the Lines of n and its descendants by lineShift, points
// aliases of synthetic anchors at the real nodes, and reports false when a
// node defines an anchor, which a later alias outside the block could
// name.
func adoptNodes(n *yaml.Node, lineShift int, real map[*yaml.Node]*yaml.Node) bool {
	if n.Anchor != "" {
		return false
	}
	n.Line += lineShift
	if n.Kind == yaml.AliasNode {
		if target, ok := real[n.Alias]; ok {
			n.Alias = target
		}
	}
	for _, child := range n.Content {
		if !adoptNodes(child, lineShift, real) {
			return false
		}
	}
	return true
}
