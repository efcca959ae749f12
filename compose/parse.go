package compose

import (
	"fmt"

	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// Parse parses content. It never fails: problems are reported in
// File.Errors and the rest of the file is still modelled. Every Span in the
// model is a byte offset into content, BOM and CRLF included.
func Parse(content []byte) (f *File) {
	f = &File{Content: content, spans: map[*yaml.Node]position.Span{}}
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

	sp := &spanner{lt: f.lines, spans: f.spans}
	sp.walk(root)
	f.Anchors, f.Aliases = sp.anchors, sp.aliases
	if len(invalid) > 0 {
		f.restoreInvalidBytes(work, invalid)
	}
	if len(root.Content) > 0 && root.Content[0].Kind == yaml.MappingNode {
		f.Root = root.Content[0]
	}
	f.checkDuplicateKeys(root)
	f.build()
	return f
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
// one mapping. Merge keys "<<" are left to the diagnostics, which explain
// them differently.
func (f *File) checkDuplicateKeys(n *yaml.Node) {
	if n == nil {
		return
	}
	if n.Kind == yaml.MappingNode {
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if key.Kind != yaml.ScalarNode || IsMergeKey(key) {
				continue
			}
			if first, dup := seen[key.Value]; dup {
				firstSpan := f.NodeSpan(first)
				f.Errors = append(f.Errors, &Error{
					Span:    f.NodeSpan(key),
					Code:    CodeDuplicateKey,
					Message: fmt.Sprintf("duplicate key `%s`: it is already defined on line %d", key.Value, f.Line(firstSpan.Start)+1),
					Related: &firstSpan,
				})
				continue
			}
			seen[key.Value] = key
		}
	}
	for _, child := range n.Content {
		f.checkDuplicateKeys(child)
	}
}
