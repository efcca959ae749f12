package compose

import (
	"fmt"

	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// Parse parses content. It never fails: problems are reported in
// File.Errors and the rest of the file is still modelled. Every Span in the
// model is a byte offset into content, BOM and CRLF included.
//
// Parse keeps its most recent results and returns the same File again for
// equal content. When content differs from a kept result inside one entry
// of a top-level mapping, such as one service, Parse parses only that
// entry and reuses the nodes of the rest (see reparse).
func Parse(content []byte) *File {
	if f := recent.find(content); f != nil {
		return f
	}
	f := parseFull(content)
	recent.add(f)
	return f
}

// parseFull parses the whole content.
func parseFull(content []byte) (f *File) {
	f = &File{Content: content, directives: hasDirective(content)}
	defer func() {
		if r := recover(); r != nil {
			// NOTE: a panic here is a bug in the model builder; the file is
			// reported as unreadable rather than taking the server down.
			f = &File{Content: content, lines: newLineTable(content), spans: map[*yaml.Node]position.Span{},
				Errors: []*Error{{Span: position.Span{End: min(len(content), 1)}, Code: CodeSyntax, Message: fmt.Sprintf("internal error while reading the compose file: %v", r)}}}
		}
	}()

	work, invalid := replaceInvalidUTF8(content)
	root, work, errs := parseTree(work)
	f.Errors = append(invalidUTF8Errors(content, invalid), errs...)
	f.lines = newLineTable(work)
	if root == nil {
		return f
	}

	f.spans = make(map[*yaml.Node]position.Span, countNodes(root))
	sp := &spanner{lt: f.lines, spans: f.spans}
	sp.walk(root)
	f.Anchors, f.Aliases = sp.anchors, sp.aliases
	if len(invalid) > 0 {
		f.restoreInvalidBytes(work, invalid)
	}
	f.doc = root
	if len(root.Content) > 0 && root.Content[0].Kind == yaml.MappingNode {
		f.Root = root.Content[0]
	}
	f.checkDuplicateKeys(root)
	f.build()
	return f
}

// countNodes returns the number of nodes in the tree under n, n included.
// An alias counts once: the node it points at is counted where it sits.
func countNodes(n *yaml.Node) int {
	count := 1
	for _, child := range n.Content {
		count += countNodes(child)
	}
	return count
}

// NodeSpan returns the Span of a node of f's tree: for a scalar its text
// with quotes, for a collection from its first to its last byte. Anchors
// and tags written before a node are not part of its Span. It returns the
// zero Span for a node of another tree.
func (f *File) NodeSpan(n *yaml.Node) position.Span {
	return f.spans[n]
}

// Line returns the 0-based line that holds offset, counting lines as YAML
// does.
func (f *File) Line(offset int) int {
	if f.lines == nil {
		return 0
	}
	return f.lines.lineOf(offset)
}

// checkDuplicateKeys records an Error for each key that appears twice in
// one mapping of the tree under n.
func (f *File) checkDuplicateKeys(n *yaml.Node) {
	if n == nil {
		return
	}
	f.checkMappingKeys(n)
	for _, child := range n.Content {
		f.checkDuplicateKeys(child)
	}
}

// checkMappingKeys records an Error for each key that appears twice in
// mapping n, and nothing for a node of another kind. Merge keys "<<" are
// left to the diagnostics, which explain them differently.
func (f *File) checkMappingKeys(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		return
	}
	var seen map[string]*yaml.Node // built only for mappings of more than smallMapping keys
	if len(n.Content) > 2*smallMapping {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		if key.Kind != yaml.ScalarNode || IsMergeKey(key) {
			continue
		}
		first := firstKey(n, i, seen)
		if first == nil {
			continue
		}
		firstSpan := f.NodeSpan(first)
		f.Errors = append(f.Errors, &Error{
			Span:    f.NodeSpan(key),
			Code:    CodeDuplicateKey,
			Message: fmt.Sprintf("duplicate key `%s`: it is already defined on line %d", key.Value, f.Line(firstSpan.Start)+1),
			Related: &firstSpan,
		})
	}
}

// smallMapping is the number of keys up to which checkDuplicateKeys
// compares keys pairwise instead of building a map.
const smallMapping = 16

// firstKey returns the earlier scalar key of mapping n, other than a merge
// key, that has the value of the key at index i, or nil when there is
// none. seen, when not nil, maps the value of each key before i to its
// first key, and firstKey adds the key at i to it.
func firstKey(n *yaml.Node, i int, seen map[string]*yaml.Node) *yaml.Node {
	key := n.Content[i]
	if seen != nil {
		if first, dup := seen[key.Value]; dup {
			return first
		}
		seen[key.Value] = key
		return nil
	}
	for j := 0; j < i; j += 2 {
		if k := n.Content[j]; k.Kind == yaml.ScalarNode && !IsMergeKey(k) && k.Value == key.Value {
			return k
		}
	}
	return nil
}
