package schema

import (
	"sort"

	"github.com/stackls/stackls/compose"
	"gopkg.in/yaml.v3"
)

// serviceSlot is a service whose value is a mapping, which Check
// validates on its own. Its value is built only when its result is not
// cached or a problem is reported in it.
type serviceSlot struct {
	node  *yaml.Node
	key   string // cache key of the service's value, from appendTreeKey
	value any    // the service's value once built, else nil
}

// rootValue returns what value(root) returns, except that in the
// "services" mapping each service whose value is a mapping is an empty
// mapping, as the root is validated. Those services are returned by name,
// with their cache keys; their nodes are counted as value counts them.
func (b *builder) rootValue(root *yaml.Node) (any, map[string]*serviceSlot) {
	if root.Kind != yaml.MappingNode {
		return b.value(root), nil
	}
	if !b.countNode() {
		return nil, nil
	}
	entries := compose.Entries(root)
	m := make(map[string]any, len(entries))
	var slots map[string]*serviceSlot
	for _, e := range entries {
		if compose.IsReset(e.Value) {
			continue
		}
		if e.Key.Value == "services" {
			m[e.Key.Value], slots = b.servicesValue(e.Value)
			continue
		}
		m[e.Key.Value] = b.value(e.Value)
	}
	return m, slots
}

// emptyMapping stands for each service in the value that rootValue
// returns. It is shared, so it must not be changed.
var emptyMapping = map[string]any{}

// servicesValue returns the value of the "services" mapping for rootValue
// and its services whose value is a mapping.
func (b *builder) servicesValue(n *yaml.Node) (any, map[string]*serviceSlot) {
	resolved := compose.Resolve(n)
	if resolved == nil || resolved.Kind != yaml.MappingNode {
		return b.value(n), nil
	}
	if !b.countNode() {
		return nil, nil
	}
	entries := compose.Entries(resolved)
	m := make(map[string]any, len(entries))
	slots := make(map[string]*serviceSlot, len(entries))
	for _, e := range entries {
		if compose.IsReset(e.Value) {
			continue
		}
		name := e.Key.Value
		if svc := compose.Resolve(e.Value); svc == nil || svc.Kind != yaml.MappingNode {
			m[name] = b.value(e.Value)
			delete(slots, name)
			continue
		}
		b.keyBuf = b.appendTreeKey(append(b.keyBuf[:0], keyService), e.Value)
		m[name] = emptyMapping
		slots[name] = &serviceSlot{node: e.Value, key: string(b.keyBuf)}
	}
	return m, slots
}

// appendTreeKey appends to buf an encoding of the value that value(n)
// builds, without building it, and counts the nodes as value does. Equal
// encodings mean equal values. A mapping lists its entries in the order
// value stores them, so that a later duplicate key wins in both, and
// every part starts with a byte that marks its kind.
func (b *builder) appendTreeKey(buf []byte, n *yaml.Node) []byte {
	if !b.countNode() {
		return buf
	}
	n = compose.Resolve(n)
	if n == nil {
		return append(buf, 'n')
	}
	switch n.Kind {
	case yaml.MappingNode:
		// The entries go on a stack shared by the recursive calls, each of
		// which pops what it pushed, so no call allocates its own list.
		start := len(b.entryStack)
		b.entryStack = compose.AppendEntries(b.entryStack, n)
		end := len(b.entryStack)
		buf = append(buf, 'M')
		for i := start; i < end; i++ {
			if e := b.entryStack[i]; !compose.IsReset(e.Value) {
				buf = appendKeyString(append(buf, 'k'), e.Key.Value)
				buf = b.appendTreeKey(buf, e.Value)
			}
		}
		b.entryStack = b.entryStack[:start]
		return append(buf, 'e')
	case yaml.SequenceNode:
		buf = append(buf, 'L')
		for _, item := range n.Content {
			buf = b.appendTreeKey(buf, item)
		}
		return append(buf, 'e')
	case yaml.ScalarNode:
		return b.scalarJSON(n).appendKey(buf)
	}
	return append(buf, 'n')
}

// detachedValue returns value(n) without counting its nodes again, for a
// service whose nodes appendTreeKey counted.
func (b *builder) detachedValue(n *yaml.Node) any {
	count := b.count
	b.count = 0
	v := b.value(n)
	b.count = count
	return v
}

// serviceLeaves returns the leaf errors of each service of slots, in the
// order of their names, with paths from the document's root. A service is
// validated only when its key has no cached result.
func (b *builder) serviceLeaves(slots map[string]*serviceSlot) ([]*violation, error) {
	names := make([]string, 0, len(slots))
	for name := range slots {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []*violation
	for _, name := range names {
		slot := slots[name]
		found, ok := cachedResult(slot.key)
		if !ok {
			slot.value = b.detachedValue(slot.node)
			var err error
			if found, err = validateLeaves(keyService, slot.value); err != nil {
				return nil, err
			}
			storeResult(slot.key, found)
		}
		out = copyLeaves(out, found, "services", name)
	}
	return out, nil
}

// fillServices puts into the services mapping of the document the value of
// each service that a leaf error is about, in place of its empty mapping,
// so that messages can quote values. A leaf about the whole document or
// the services mapping gets every service filled in.
func (b *builder) fillServices(services map[string]any, slots map[string]*serviceSlot, found []*violation) {
	all := false
	needed := map[string]bool{}
	for _, leaf := range found {
		path := leaf.Path
		switch {
		case len(path) == 0 || len(path) == 1 && path[0] == "services":
			all = true
		case path[0] == "services":
			needed[path[1]] = true
		}
	}
	for name, slot := range slots {
		if !all && !needed[name] {
			continue
		}
		if slot.value == nil {
			slot.value = b.detachedValue(slot.node)
		}
		services[name] = slot.value
	}
}
