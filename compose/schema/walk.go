package schema

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// maxRefDepth bounds how many "$ref", "allOf", "oneOf" and "anyOf" levels
// are expanded, so a recursive schema cannot loop.
const maxRefDepth = 12

// Node is the set of schema objects that may describe the value at one
// path of a compose document. A value may match several alternatives
// ("oneOf", "anyOf"), so a Node keeps all of them. The zero Node describes
// nothing.
type Node struct {
	schemas []map[string]any
}

// Property is a named property that a Node allows.
type Property struct {
	Name        string
	Description string
	Types       []string // JSON types: "object", "array", "string", ...
	Node        Node     // the property's own schema
}

// Root returns the Node of a whole compose document, or the zero Node when
// the schema cannot be decoded.
func Root() Node {
	doc, err := document()
	if err != nil {
		return Node{}
	}
	return expand([]map[string]any{doc})
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
func expand(schemas []map[string]any) Node {
	var out []map[string]any
	var add func(s map[string]any, depth int)
	add = func(s map[string]any, depth int) {
		if s == nil || depth > maxRefDepth {
			return
		}
		out = append(out, s)
		if ref, ok := s["$ref"].(string); ok {
			add(resolveRef(ref), depth+1)
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
	return Node{schemas: out}
}

// resolveRef returns the schema object a local reference such as
// "#/$defs/service" names, or nil.
func resolveRef(ref string) map[string]any {
	doc, err := document()
	if err != nil || !strings.HasPrefix(ref, "#/") {
		return nil
	}
	var cur any = doc
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")]
	}
	m, _ := cur.(map[string]any)
	return m
}

// Property returns the Node of the value of key in a mapping that n
// describes: from "properties", a matching "patternProperties", or
// "additionalProperties".
func (n Node) Property(key string) Node {
	var found []map[string]any
	for _, s := range n.schemas {
		if props, ok := s["properties"].(map[string]any); ok {
			if p, ok := props[key].(map[string]any); ok {
				found = append(found, p)
				continue
			}
		}
		matched := false
		if patterns, ok := s["patternProperties"].(map[string]any); ok {
			for pattern, p := range patterns {
				if re := compilePattern(pattern); re != nil && re.MatchString(key) {
					if m, ok := p.(map[string]any); ok {
						found = append(found, m)
						matched = true
					}
				}
			}
		}
		if !matched {
			if additional, ok := s["additionalProperties"].(map[string]any); ok {
				found = append(found, additional)
			}
		}
	}
	return expand(found)
}

// Items returns the Node of the items of a list that n describes.
func (n Node) Items() Node {
	var found []map[string]any
	for _, s := range n.schemas {
		if items, ok := s["items"].(map[string]any); ok {
			found = append(found, items)
		}
	}
	return expand(found)
}

// Description returns the first description among n's schemas, or "".
func (n Node) Description() string {
	for _, s := range n.schemas {
		if d, ok := s["description"].(string); ok && d != "" {
			return d
		}
	}
	return ""
}

// Types returns the JSON types n allows, sorted; nil when it says nothing.
func (n Node) Types() []string {
	set := map[string]bool{}
	for _, s := range n.schemas {
		switch t := s["type"].(type) {
		case string:
			set[t] = true
		case []any:
			for _, item := range t {
				if name, ok := item.(string); ok {
					set[name] = true
				}
			}
		}
	}
	return sortedKeys(set)
}

// Values returns the values n allows when it lists them: its "enum", or
// the words of a pattern of the form ^(a|b|c)$. Nil when it does not.
func (n Node) Values() []string {
	set := map[string]bool{}
	for _, s := range n.schemas {
		if enum, ok := s["enum"].([]any); ok {
			for _, v := range enum {
				if str, ok := v.(string); ok {
					set[str] = true
				}
			}
		}
		if pattern, ok := s["pattern"].(string); ok {
			for _, word := range patternWords(pattern) {
				set[word] = true
			}
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
		props, _ := s["properties"].(map[string]any)
		for name, p := range props {
			m, _ := p.(map[string]any)
			if m == nil {
				continue
			}
			node := expand([]map[string]any{m})
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

var patternCache sync.Map // pattern string -> *regexp.Regexp, or nil when invalid

func compilePattern(pattern string) *regexp.Regexp {
	if re, ok := patternCache.Load(pattern); ok {
		return re.(*regexp.Regexp)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		re = nil
	}
	patternCache.Store(pattern, re)
	return re
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
