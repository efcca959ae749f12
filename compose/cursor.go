package compose

import (
	"strconv"

	"gopkg.in/yaml.v3"
)

// Step is one step of the path from the document's root to a node: a
// mapping key, or an index into a sequence.
type Step struct {
	Key   string     // the mapping key; "" for a sequence item
	Index int        // the sequence index; -1 for a mapping key
	Node  *yaml.Node // the key node, or the item node
	Value *yaml.Node // the value under the key, or the item itself
}

// Cursor is what lies at a byte offset of the tree.
type Cursor struct {
	Path  []Step
	Node  *yaml.Node // the innermost node whose Span holds the offset
	IsKey bool       // Node is a mapping key: the last Step's Node
}

// SchemaPath returns the path as the schema names it: keys, and "[]" for
// sequence items.
func (c *Cursor) SchemaPath() []string {
	out := make([]string, len(c.Path))
	for i, s := range c.Path {
		if s.Index >= 0 {
			out[i] = "[]"
		} else {
			out[i] = s.Key
		}
	}
	return out
}

// Keys returns the path as strings: keys, and decimal indexes for items.
func (c *Cursor) Keys() []string {
	out := make([]string, len(c.Path))
	for i, s := range c.Path {
		if s.Index >= 0 {
			out[i] = strconv.Itoa(s.Index)
		} else {
			out[i] = s.Key
		}
	}
	return out
}

// At returns the Cursor at a byte offset, or nil when the offset lies in
// no node of the tree. The end offset of a node counts as inside it, so a
// cursor just after a word still finds the word. Aliases are not followed.
func (f *File) At(offset int) *Cursor {
	if f.Root == nil {
		return nil
	}
	c := &Cursor{}
	if !f.descend(f.Root, offset, c) {
		return nil
	}
	return c
}

func (f *File) descend(n *yaml.Node, offset int, c *Cursor) bool {
	if !f.NodeSpan(n).Contains(offset) && n != f.Root {
		return false
	}
	c.Node = n
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i], n.Content[i+1]
			step := Step{Key: key.Value, Index: -1, Node: key, Value: value}
			if f.NodeSpan(key).Contains(offset) {
				c.Path = append(c.Path, step)
				c.Node, c.IsKey = key, true
				return true
			}
			if f.NodeSpan(value).Contains(offset) && value.Kind != 0 && !(value.Tag == "!!null" && value.Value == "") {
				c.Path = append(c.Path, step)
				if f.descend(value, offset, c) {
					return true
				}
				c.Path = c.Path[:len(c.Path)-1]
			}
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			if f.NodeSpan(item).Contains(offset) {
				c.Path = append(c.Path, Step{Index: i, Node: item, Value: item})
				if f.descend(item, offset, c) {
					return true
				}
				c.Path = c.Path[:len(c.Path)-1]
			}
		}
	}
	c.Node = n
	return true
}
