package schema

import (
	"math"
	"strconv"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/interp"
	"gopkg.in/yaml.v3"
)

// maxInstanceNodes bounds how many values Instance builds. Aliases are
// copied at each use, so a small file of nested aliases could otherwise
// expand to billions of values.
const maxInstanceNodes = 200000

// Loc is where a value of the instance comes from in the compose file.
type Loc struct {
	Key   *yaml.Node // the mapping key of the value; nil for list items and the root
	Value *yaml.Node
	// Interpolated is set for a string that holds "${...}"; Unresolved when
	// some reference in it has no value and no default, so the string the
	// schema sees is not the one compose would.
	Interpolated bool
	Unresolved   bool
}

// Instance is a compose file decoded to JSON values for validation, with
// the location of each value.
type Instance struct {
	Value any
	Locs  map[string]Loc // by PathKey of the value's path
	// Truncated is set when the file expands to more than maxInstanceNodes
	// values; Value is then incomplete and must not be validated.
	Truncated bool
}

// PathKey returns the map key of a path in Instance.Locs.
func PathKey(path []string) string { return strings.Join(path, "\x1f") }

// NewInstance decodes the tree of f as compose-go would before it validates
// it: merge keys applied, "!reset" entries removed, and strings with
// "${...}" interpolated with lookup.
func NewInstance(f *compose.File, lookup interp.Lookup) *Instance {
	in := &Instance{Locs: map[string]Loc{}}
	if f.Root == nil {
		return in
	}
	b := builder{in: in, lookup: lookup}
	in.Value = b.value(nil, f.Root, nil)
	return in
}

type builder struct {
	in     *Instance
	lookup interp.Lookup
	count  int
}

func (b *builder) value(key, n *yaml.Node, path []string) any {
	b.count++
	if b.count > maxInstanceNodes {
		b.in.Truncated = true
		return nil
	}
	n = compose.Resolve(n)
	loc := Loc{Key: key, Value: n}
	defer func() { b.in.Locs[PathKey(path)] = loc }()
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for _, e := range compose.Entries(n) {
			if compose.IsReset(e.Value) {
				continue
			}
			childPath := append(append([]string(nil), path...), e.Key.Value)
			m[e.Key.Value] = b.value(e.Key, e.Value, childPath)
		}
		return m
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			childPath := append(append([]string(nil), path...), strconv.Itoa(i))
			list = append(list, b.value(nil, item, childPath))
		}
		return list
	case yaml.ScalarNode:
		return b.scalar(n, &loc)
	}
	return nil
}

// scalar returns the JSON value of a scalar, interpolated when it is a
// string with "${...}".
func (b *builder) scalar(n *yaml.Node, loc *Loc) any {
	tag := n.ShortTag()
	if n.Tag == "!reset" || n.Tag == "!override" {
		tag = resolveTag(n)
	}
	switch tag {
	case "!!null":
		return nil
	case "!!bool":
		v, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err == nil {
			return v
		}
	case "!!int":
		if v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return v
		}
		return n.Value
	case "!!float":
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			return v
		}
		return n.Value
	}
	if !strings.Contains(n.Value, "$") || b.lookup == nil {
		return n.Value
	}
	loc.Interpolated = true
	loc.Unresolved = !interp.Resolved(n.Value, b.lookup)
	substituted, err := interp.Substitute(n.Value, b.lookup)
	if err != nil {
		loc.Unresolved = true
		return n.Value
	}
	return substituted
}

// resolveTag returns the tag YAML would give a plain scalar with n's value.
func resolveTag(n *yaml.Node) string {
	if n.Style != 0 {
		return "!!str"
	}
	var probe yaml.Node
	if err := yaml.Unmarshal([]byte(n.Value), &probe); err != nil || len(probe.Content) == 0 {
		if n.Value == "" {
			return "!!null"
		}
		return "!!str"
	}
	return probe.Content[0].ShortTag()
}
