package schema

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// rawNode is the reference for Node: the same walk over the decoded
// schema document instead of the compiled schema.
type rawNode struct {
	doc     map[string]any
	schemas []map[string]any
}

func (n rawNode) expand(schemas []map[string]any) rawNode {
	var out []map[string]any
	var add func(s map[string]any, depth int)
	add = func(s map[string]any, depth int) {
		if s == nil || depth > maxRefDepth {
			return
		}
		out = append(out, s)
		if ref, ok := s["$ref"].(string); ok {
			add(n.resolve(ref), depth+1)
		}
		for _, key := range []string{"allOf", "oneOf", "anyOf"} {
			list, _ := s[key].([]any)
			for _, member := range list {
				m, _ := member.(map[string]any)
				add(m, depth+1)
			}
		}
	}
	for _, s := range schemas {
		add(s, 0)
	}
	return rawNode{doc: n.doc, schemas: out}
}

func (n rawNode) resolve(ref string) map[string]any {
	var cur any = n.doc
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, _ := cur.(map[string]any)
		cur = m[part]
	}
	m, _ := cur.(map[string]any)
	return m
}

func (n rawNode) property(key string) rawNode {
	var found []map[string]any
	for _, s := range n.schemas {
		if props, ok := s["properties"].(map[string]any); ok {
			if p, ok := props[key].(map[string]any); ok {
				found = append(found, p)
				continue
			}
		}
		matched := false
		patterns, _ := s["patternProperties"].(map[string]any)
		for _, pattern := range slices.Sorted(func(yield func(string) bool) {
			for k := range patterns {
				if !yield(k) {
					return
				}
			}
		}) {
			if m, ok := patterns[pattern].(map[string]any); ok && compiledPattern(pattern).MatchString(key) {
				found = append(found, m)
				matched = true
			}
		}
		if additional, ok := s["additionalProperties"].(map[string]any); ok && !matched {
			found = append(found, additional)
		}
	}
	return n.expand(found)
}

func (n rawNode) items() rawNode {
	var found []map[string]any
	for _, s := range n.schemas {
		if items, ok := s["items"].(map[string]any); ok {
			found = append(found, items)
		}
	}
	return n.expand(found)
}

// describe prints what hover and completion read from n: the
// description, types and values, and each property with its own.
func (n rawNode) describe() string {
	var b strings.Builder
	describeOne := func(s []map[string]any) {
		desc, types, values := "", map[string]bool{}, map[string]bool{}
		for _, m := range s {
			if d, ok := m["description"].(string); ok && d != "" && desc == "" {
				desc = d
			}
			switch t := m["type"].(type) {
			case string:
				types[t] = true
			case []any:
				for _, item := range t {
					types[item.(string)] = true
				}
			}
			enum, _ := m["enum"].([]any)
			for _, v := range enum {
				if str, ok := v.(string); ok {
					values[str] = true
				}
			}
			pattern, _ := m["pattern"].(string)
			for _, word := range patternWords(pattern) {
				values[word] = true
			}
		}
		fmt.Fprintf(&b, "%q %v %v\n", desc, sortedKeys(types), sortedKeys(values))
	}
	describeOne(n.schemas)
	byName := map[string][]map[string]any{}
	var names []string
	for _, s := range n.schemas {
		props, _ := s["properties"].(map[string]any)
		for name, p := range props {
			m, ok := p.(map[string]any)
			if !ok {
				continue
			}
			expanded := n.expand([]map[string]any{m}).schemas
			prev, seen := byName[name]
			if !seen {
				names = append(names, name)
			}
			if seen && rawDescription(prev) != "" {
				continue
			}
			byName[name] = expanded
		}
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "  %s: ", name)
		describeOne(byName[name])
	}
	return b.String()
}

func rawDescription(schemas []map[string]any) string {
	for _, s := range schemas {
		if d, ok := s["description"].(string); ok && d != "" {
			return d
		}
	}
	return ""
}

func compiledPattern(pattern string) interface{ MatchString(string) bool } {
	c := newSchemaCompiler(nil)
	re, err := c.regexp(pattern)
	if err != nil {
		panic(err)
	}
	return re
}

// describeNode prints n as rawNode.describe does.
func describeNode(n Node) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %v %v\n", n.Description(), n.Types(), n.Values())
	for _, p := range n.Properties() {
		fmt.Fprintf(&b, "  %s: %q %v %v\n", p.Name, p.Description, p.Types, p.Node.Values())
	}
	return b.String()
}

// TestWalkMatchesDocument checks that the Nodes that hover and completion
// read, walked on the compiled schema, match the schema document at every
// path up to five keys deep. The paths include list items and keys that
// only a pattern or additionalProperties allows.
func TestWalkMatchesDocument(t *testing.T) {
	doc, err := document()
	if err != nil {
		t.Fatal(err)
	}
	type step struct {
		path []string
		node Node
		raw  rawNode
	}
	root := rawNode{doc: doc}
	queue := []step{{nil, Root(), root.expand([]map[string]any{doc})}}
	visited := 0
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		visited++
		if got, want := describeNode(cur.node), cur.raw.describe(); got != want {
			t.Errorf("at %v:\ngot\n%s\nwant\n%s", cur.path, got, want)
		}
		if len(cur.path) == 5 {
			continue
		}
		keys := []string{"[]", "x-custom", "svc1", "unknown key"}
		for _, p := range cur.node.Properties() {
			keys = append(keys, p.Name)
		}
		for _, key := range keys {
			path := append(slices.Clone(cur.path), key)
			next := step{path: path}
			if key == "[]" {
				next.node, next.raw = cur.node.Items(), cur.raw.items()
			} else {
				next.node, next.raw = cur.node.Property(key), cur.raw.property(key)
			}
			if next.node.Empty() != (len(next.raw.schemas) == 0) {
				t.Errorf("at %v: compiled walk empty %v, document walk empty %v", path, next.node.Empty(), len(next.raw.schemas) == 0)
				continue
			}
			if !next.node.Empty() {
				queue = append(queue, next)
			}
		}
	}
	if visited < 1500 {
		t.Errorf("visited %d paths, want the schema's paths up to five keys deep (over 1500)", visited)
	}
}
