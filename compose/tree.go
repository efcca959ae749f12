package compose

import (
	"gopkg.in/yaml.v3"
)

// maxAliasDepth bounds how many aliases and merge levels are followed, so
// a recursive document cannot loop.
const maxAliasDepth = 16

// Entry is one key and value of a mapping.
type Entry struct {
	Key    *yaml.Node
	Value  *yaml.Node // aliases are resolved
	Merged bool       // the entry comes from a "<<" merge, not the mapping itself
}

// IsMergeKey reports whether a key node is the YAML merge key "<<".
func IsMergeKey(key *yaml.Node) bool {
	return key != nil && key.Kind == yaml.ScalarNode && key.Value == "<<" && (key.Tag == "!!merge" || key.Style == 0)
}

// IsReset reports whether a node carries the compose "!reset" tag, which
// removes the value it would override.
func IsReset(n *yaml.Node) bool { return n != nil && n.Tag == "!reset" }

// Resolve follows aliases and returns the node they point at; nil for nil.
func Resolve(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < maxAliasDepth; depth++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// Entries returns the entries of a mapping with "<<" merges applied as
// YAML defines them: keys of the mapping itself win over merged keys, and
// earlier merge sources win over later ones. It returns nil when m is not a
// mapping.
func Entries(m *yaml.Node) []Entry {
	return entries(Resolve(m), 0)
}

func entries(m *yaml.Node, depth int) []Entry {
	if m == nil || m.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return nil
	}
	out := make([]Entry, 0, len(m.Content)/2)
	var sources []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, value := m.Content[i], m.Content[i+1]
		if IsMergeKey(key) {
			sources = append(sources, mergeSources(value)...)
			continue
		}
		out = append(out, Entry{Key: key, Value: Resolve(value)})
	}
	if len(sources) == 0 {
		return out
	}
	seen := make(map[string]bool, len(out))
	for _, e := range out {
		seen[e.Key.Value] = true
	}
	for _, source := range sources {
		for _, e := range entries(source, depth+1) {
			if seen[e.Key.Value] {
				continue
			}
			seen[e.Key.Value] = true
			e.Merged = true
			out = append(out, e)
		}
	}
	return out
}

// mergeSources returns the mappings a "<<" value names: one alias or
// mapping, or a list of them.
func mergeSources(value *yaml.Node) []*yaml.Node {
	value = Resolve(value)
	if value == nil {
		return nil
	}
	if value.Kind == yaml.SequenceNode {
		var sources []*yaml.Node
		for _, item := range value.Content {
			if item = Resolve(item); item != nil && item.Kind == yaml.MappingNode {
				sources = append(sources, item)
			}
		}
		return sources
	}
	if value.Kind == yaml.MappingNode {
		return []*yaml.Node{value}
	}
	return nil
}

// Lookup returns the value of key in mapping m, merges applied, or nil.
func Lookup(m *yaml.Node, key string) *yaml.Node {
	m = Resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key && !IsMergeKey(k) {
			return Resolve(m.Content[i+1])
		}
	}
	for _, e := range Entries(m) {
		if e.Key.Value == key {
			return e.Value
		}
	}
	return nil
}

// Items returns the items of a sequence with aliases resolved, or nil when
// n is not a sequence.
func Items(n *yaml.Node) []*yaml.Node {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	items := make([]*yaml.Node, 0, len(n.Content))
	for _, item := range n.Content {
		if item = Resolve(item); item != nil {
			items = append(items, item)
		}
	}
	return items
}
