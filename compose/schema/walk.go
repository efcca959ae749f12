package schema

import (
	"regexp"
	"sort"
	"strings"
)

// maxRefDepth bounds how many "$ref", "allOf", "oneOf" and "anyOf" levels
// are expanded, so a recursive schema cannot loop.
const maxRefDepth = 12

// Node is the set of schema objects that may describe the value at one
// path of a compose document. A value may match several alternatives
// ("oneOf", "anyOf"), so a Node keeps all of them. The zero Node describes
// nothing.
type Node struct {
	schemas []*compiledSchema
}

// Property is a named property that a Node allows.
type Property struct {
	Name        string
	Description string
	Types       []string // JSON types: "object", "array", "string", ...
	Node        Node     // the property's own schema
}

// Root returns the Node of a whole compose document, or the zero Node when
// the schema cannot be compiled.
func Root() Node {
	root, err := compile()
	if err != nil {
		return Node{}
	}
	return expand([]*compiledSchema{root})
}

// At returns the Node at a path of keys from the document's root. A path
// element "[]" steps into the items of a list.
func At(path []string) Node {
	n := Root()
	for _, key := range path {
		if key == "[]" {
			n = n.Items()
		} else {
			n = n.Property(key)
		}
	}
	return n
}

// Empty reports whether n describes nothing.
func (n Node) Empty() bool { return len(n.schemas) == 0 }

// expand adds to schemas the targets of their "$ref" and the members of
// their "allOf", "oneOf" and "anyOf", recursively.
func expand(schemas []*compiledSchema) Node {
	var out []*compiledSchema
	var add func(s *compiledSchema, depth int)
	add = func(s *compiledSchema, depth int) {
		if s == nil || !s.object || depth > maxRefDepth {
			return
		}
		out = append(out, s)
		add(s.ref, depth+1)
		for _, list := range [][]*compiledSchema{s.allOf, s.oneOf, s.anyOf} {
			for _, member := range list {
				add(member, depth+1)
			}
		}
	}
	for _, s := range schemas {
		add(s, 0)
	}
	return Node{schemas: out}
}

// Property returns the Node of the value of key in a mapping that n
// describes: from "properties", a matching "patternProperties", or
// "additionalProperties".
func (n Node) Property(key string) Node {
	var found []*compiledSchema
	for _, s := range n.schemas {
		if p := s.properties[key]; p != nil && p.object {
			found = append(found, p)
			continue
		}
		matched := false
		for _, pp := range s.patternProperties {
			if pp.schema.object && pp.re.MatchString(key) {
				found = append(found, pp.schema)
				matched = true
			}
		}
		if !matched && s.additional != nil && s.additional.object {
			found = append(found, s.additional)
		}
	}
	return expand(found)
}

// Items returns the Node of the items of a list that n describes.
func (n Node) Items() Node {
	var found []*compiledSchema
	for _, s := range n.schemas {
		if s.items != nil && s.items.object {
			found = append(found, s.items)
		}
	}
	return expand(found)
}

// Description returns the first description among n's schemas, or "".
func (n Node) Description() string {
	for _, s := range n.schemas {
		if s.description != "" {
			return s.description
		}
	}
	return ""
}

// Types returns the JSON types n allows, sorted; nil when it says nothing.
func (n Node) Types() []string {
	set := map[string]bool{}
	for _, s := range n.schemas {
		for _, name := range s.typeNames {
			set[name] = true
		}
	}
	return sortedKeys(set)
}

// Values returns the values n allows when it lists them: its "enum", or
// the words of a pattern of the form ^(a|b|c)$. Nil when it does not.
func (n Node) Values() []string {
	set := map[string]bool{}
	for _, s := range n.schemas {
		for _, v := range s.enum {
			if str, ok := v.(string); ok {
				set[str] = true
			}
		}
		for _, word := range patternWords(s.patternText) {
			set[word] = true
		}
	}
	return sortedKeys(set)
}

// alternation matches a pattern that lists alternatives, such as
// "^(always|never|build)$".
var alternation = regexp.MustCompile(`^\^\(([^()]+)\)\$$`)

var plainWord = regexp.MustCompile(`^[A-Za-z0-9_:.-]+$`)

// patternWords returns the literal alternatives of a pattern such as
// "^(always|never|every_([0-9]+[wdhms])+)$": "always" and "never".
func patternWords(pattern string) []string {
	// Cut nested groups first, so "^(a|b|c_(x)+)$" still yields a and b.
	inner := pattern
	if strings.HasPrefix(inner, "^(") && strings.HasSuffix(inner, ")$") {
		inner = inner[2 : len(inner)-2]
	} else if m := alternation.FindStringSubmatch(pattern); m != nil {
		inner = m[1]
	} else {
		return nil
	}
	var words []string
	for _, alt := range strings.Split(inner, "|") {
		if plainWord.MatchString(alt) {
			words = append(words, alt)
		}
	}
	return words
}

// Properties returns the named properties n allows, sorted by name. When
// several alternatives name the same property, the first one with a
// description wins.
func (n Node) Properties() []Property {
	byName := map[string]*Property{}
	for _, s := range n.schemas {
		for name, p := range s.properties {
			if !p.object {
				continue
			}
			node := expand([]*compiledSchema{p})
			if prev, ok := byName[name]; ok && prev.Description != "" {
				continue
			}
			byName[name] = &Property{Name: name, Description: node.Description(), Types: node.Types(), Node: node}
		}
	}
	out := make([]Property, 0, len(byName))
	for _, p := range byName {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// AllowsProperty reports whether a mapping that n describes may hold key.
func (n Node) AllowsProperty(key string) bool {
	return !n.Property(key).Empty()
}

func sortedKeys(set map[string]bool) []string {
	if len(set) == 0 {
		return nil
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
