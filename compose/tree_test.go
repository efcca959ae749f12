package compose

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// lookupByEntries is the definition Lookup must agree with: the first
// entry of Entries(m) with the key.
func lookupByEntries(m *yaml.Node, key string) *yaml.Node {
	for _, e := range Entries(m) {
		if e.Key.Value == key {
			return e.Value
		}
	}
	return nil
}

// entriesReference is the definition of Entries: own keys first, then each
// merge source's entries whose key no earlier entry has.
func entriesReference(m *yaml.Node, depth int) []Entry {
	if m == nil || m.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return nil
	}
	var out []Entry
	var sources []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if IsMergeKey(m.Content[i]) {
			sources = append(sources, mergeSources(m.Content[i+1])...)
			continue
		}
		out = append(out, Entry{Key: m.Content[i], Value: Resolve(m.Content[i+1])})
	}
	seen := map[string]bool{}
	for _, e := range out {
		seen[e.Key.Value] = true
	}
	for _, source := range sources {
		for _, e := range entriesReference(source, depth+1) {
			if !seen[e.Key.Value] {
				seen[e.Key.Value] = true
				e.Merged = true
				out = append(out, e)
			}
		}
	}
	return out
}

// treeCases are documents with merges of every shape.
func treeCases() []string {
	var many strings.Builder
	many.WriteString("big:\n  <<: *base\n")
	for i := range 20 {
		fmt.Fprintf(&many, "  k%d: own%d\n", i, i)
	}
	var wide strings.Builder
	wide.WriteString("wide: &wide\n")
	for i := range 30 {
		fmt.Fprintf(&wide, "  w%d: %d\n", i%25, i)
	}
	wide.WriteString("narrow: {<<: [*wide, {w3: x, w20: x, z: y}], a: 1}\n")
	return []string{
		"a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4, <<: *a}\nc:\n  <<: [*b, *a]\n  x: own\n  x: again\n",
		"base: &base {k1: merged, extra: merged, k30: merged}\n" + many.String(),
		"s: &s text\nm:\n  <<: *s\n  a: 1\nn:\n  <<: [*s, {a: 2, b: 3}]\n",
		"d: &d {<<: {deep: 1}, mid: 2}\ne: {<<: *d, top: 3, \"<<\": quoted}\n",
		"f: &f {? [complex]: v, a: 1}\ng: {<<: *f}\n",
		"h: &h {a: 1, a: 2, <<: {a: 3, b: 4, b: 5}}\ni: {<<: [*h, *h], b: own}\n",
		wide.String(),
	}
}

func TestEntriesAgreesWithReference(t *testing.T) {
	for _, doc := range treeCases() {
		for _, m := range mappingsOf(t, doc) {
			got, want := Entries(m), entriesReference(m, 0)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("input:\n%s\nmapping at line %d:\ngot  %v\nwant %v", doc, m.Line, got, want)
			}
		}
	}
}

// mappingsOf returns every mapping node of doc.
func mappingsOf(t *testing.T, doc string) []*yaml.Node {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &root); err != nil {
		t.Fatalf("input:\n%s\nparse: %v", doc, err)
	}
	var out []*yaml.Node
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			out = append(out, n)
		}
		for _, child := range n.Content {
			visit(child)
		}
	}
	visit(&root)
	return out
}

func TestLookupAgreesWithEntries(t *testing.T) {
	for _, doc := range treeCases() {
		mappings := mappingsOf(t, doc)
		keys := []string{"missing", ""}
		for _, m := range mappings {
			for i := 0; i < len(m.Content); i += 2 {
				keys = append(keys, m.Content[i].Value)
			}
		}
		for _, m := range mappings {
			for _, key := range keys {
				if got, want := Lookup(m, key), lookupByEntries(m, key); got != want {
					t.Errorf("input:\n%s\nmapping at line %d, key %q:\ngot  %v\nwant %v", doc, m.Line, key, got, want)
				}
			}
		}
	}
}

func TestEntriesOfLargeMappingWithMerge(t *testing.T) {
	var doc, want strings.Builder
	doc.WriteString("base: &base {k1: merged, k25: merged, extra: merged}\nbig:\n  <<: *base\n")
	for i := range 20 {
		fmt.Fprintf(&doc, "  k%d: own\n", i)
		fmt.Fprintf(&want, "k%d=own ", i)
	}
	want.WriteString("k25=merged extra=merged")
	f := Parse([]byte(doc.String()))
	var got []string
	for _, e := range Entries(Lookup(f.Root, "big")) {
		got = append(got, e.Key.Value+"="+e.Value.Value)
	}
	if strings.Join(got, " ") != want.String() {
		t.Errorf("input:\n%s\ngot  %s\nwant %s", doc.String(), strings.Join(got, " "), want.String())
	}
}

func TestContentVariables(t *testing.T) {
	f := Parse([]byte("# ${IN_COMMENT}\nservices:\n  a:\n    image: ${IMAGE:-${DEFAULT}}:$TAG\n    environment:\n      ${KEY}: $$ESCAPED ${IMAGE}\n"))
	got := strings.Join(f.ContentVariables(), " ")
	if want := "IN_COMMENT IMAGE DEFAULT TAG KEY"; got != want {
		t.Errorf("ContentVariables = %q, want %q", got, want)
	}
	if vars := Parse([]byte("services: {}\n")).ContentVariables(); len(vars) != 0 {
		t.Errorf("ContentVariables without references = %q, want none", vars)
	}
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
