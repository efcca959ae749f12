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
	m = Resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	return appendEntries(make([]Entry, 0, len(m.Content)/2), m, 0)
}

// AppendEntries appends the entries that Entries returns to dst and
// returns the extended slice, so that a caller can reuse one buffer.
func AppendEntries(dst []Entry, m *yaml.Node) []Entry {
	return appendEntries(dst, Resolve(m), 0)
}

// appendEntries appends the entries of m to out: its own keys, then the
// keys of each merge source that no earlier entry of m has.
func appendEntries(out []Entry, m *yaml.Node, depth int) []Entry {
	if m == nil || m.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return out
	}
	start := len(out)
	hasMerge := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, value := m.Content[i], m.Content[i+1]
		if IsMergeKey(key) {
			hasMerge = true
			continue
		}
		out = append(out, Entry{Key: key, Value: Resolve(value)})
	}
	if !hasMerge {
		return out
	}
	var seen map[string]bool // built once m has more than smallMapping entries
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !IsMergeKey(m.Content[i]) {
			continue
		}
		// The sources are the mapping that the "<<" value is or names, or
		// the mappings of its list in order.
		switch value := Resolve(m.Content[i+1]); {
		case value == nil:
		case value.Kind == yaml.MappingNode:
			out, seen = mergeEntries(out, value, start, depth, seen)
		case value.Kind == yaml.SequenceNode:
			for _, item := range value.Content {
				if item = Resolve(item); item != nil && item.Kind == yaml.MappingNode {
					out, seen = mergeEntries(out, item, start, depth, seen)
				}
			}
		}
	}
	return out
}

// mergeEntries appends to out the entries of the merge source whose key no
// entry of out[start:] has, marked Merged. seen, when not nil, holds the
// keys of out[start:]; it is built once they are more than smallMapping.
func mergeEntries(out []Entry, source *yaml.Node, start, depth int, seen map[string]bool) ([]Entry, map[string]bool) {
	merged := len(out)
	out = appendEntries(out, source, depth+1)
	end := merged // the entries kept so far are out[start:end]
	for _, e := range out[merged:] {
		if seen == nil && end-start > smallMapping {
			seen = make(map[string]bool, 2*(end-start))
			for _, prev := range out[start:end] {
				seen[prev.Key.Value] = true
			}
		}
		if seen != nil && seen[e.Key.Value] || seen == nil && hasKey(out[start:end], e.Key.Value) {
			continue
		}
		if seen != nil {
			seen[e.Key.Value] = true
		}
		e.Merged = true
		out[end] = e
		end++
	}
	return out[:end], seen
}

// hasKey reports whether one of list has the key value.
func hasKey(list []Entry, value string) bool {
	for _, e := range list {
		if e.Key.Value == value {
			return true
		}
	}
	return false
}

// Lookup returns the value of key in mapping m, merges applied, or nil.
// It finds the same entry as a search of Entries(m) would, without
// building the merged list.
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
	value, _ := lookupMerged(m, key, 0)
	return value
}

// lookupMerged returns the value of the first entry with key in the order
// entries lists them: the mapping's own keys of any kind first, then each
// merge source in turn. found is false when no entry has the key; the
// value of a found entry is nil when its alias cannot be resolved.
func lookupMerged(m *yaml.Node, key string, depth int) (value *yaml.Node, found bool) {
	if m == nil || m.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return nil, false
	}
	hasMerge := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if IsMergeKey(k) {
			hasMerge = true
			continue
		}
		if k.Value == key {
			return Resolve(m.Content[i+1]), true
		}
	}
	if !hasMerge {
		return nil, false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !IsMergeKey(m.Content[i]) {
			continue
		}
		value, found := lookupInSources(m.Content[i+1], key, depth+1)
		if found {
			return value, true
		}
	}
	return nil, false
}

// lookupInSources runs lookupMerged on each mapping that the "<<" value
// is or names, or on the mappings of its list in order.
func lookupInSources(value *yaml.Node, key string, depth int) (*yaml.Node, bool) {
	value = Resolve(value)
	if value == nil {
		return nil, false
	}
	if value.Kind == yaml.MappingNode {
		return lookupMerged(value, key, depth)
	}
	if value.Kind != yaml.SequenceNode {
		return nil, false
	}
	for _, item := range value.Content {
		if item = Resolve(item); item != nil && item.Kind == yaml.MappingNode {
			if found, ok := lookupMerged(item, key, depth); ok {
				return found, true
			}
		}
	}
	return nil, false
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
