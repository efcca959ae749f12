package schema

import (
	"math"
	"strconv"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/interp"
	"gopkg.in/yaml.v3"
)

// maxInstanceNodes bounds how many values NewInstance builds. Aliases are
// copied at each use, so a small file of nested aliases could otherwise
// expand to billions of values.
const maxInstanceNodes = 200000

// Loc is the origin of an instance value in the compose file.
type Loc struct {
	Key   *yaml.Node // the mapping key of the value; nil for list items and the root
	Value *yaml.Node // nil when the path leads nowhere
	// Interpolated is set for a string that contains "${...}". Unresolved
	// is set when a reference in it has no value and no default, so the
	// validated string differs from the one compose would validate.
	Interpolated bool
	Unresolved   bool
}

// Instance is a compose file decoded to JSON values for validation.
type Instance struct {
	Value any
	// Truncated is set when the file expands to more than maxInstanceNodes
	// values; Value is then incomplete and must not be validated.
	Truncated bool

	root   *yaml.Node
	lookup interp.Lookup
}

// NewInstance decodes the tree of f as compose-go would before it validates
// it: merge keys applied, "!reset" entries removed, and strings with
// "${...}" interpolated with lookup.
func NewInstance(f *compose.File, lookup interp.Lookup) *Instance {
	in := &Instance{root: f.Root, lookup: lookup}
	if f.Root == nil {
		return in
	}
	b := builder{in: in, lookup: lookup, substituted: map[string]string{}}
	in.Value = b.value(f.Root)
	return in
}

type builder struct {
	in          *Instance
	lookup      interp.Lookup
	count       int
	substituted map[string]string // interpolated strings, by source value
	keyBuf      []byte            // reused by servicesValue for each service's cache key
	entryStack  []compose.Entry   // entries of the mappings appendTreeKey is in
}

func (b *builder) value(n *yaml.Node) any {
	if !b.countNode() {
		return nil
	}
	n = compose.Resolve(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		entries := compose.Entries(n)
		m := make(map[string]any, len(entries))
		for _, e := range entries {
			if !compose.IsReset(e.Value) {
				m[e.Key.Value] = b.value(e.Value)
			}
		}
		return m
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for _, item := range n.Content {
			list = append(list, b.value(item))
		}
		return list
	case yaml.ScalarNode:
		return b.scalar(n)
	}
	return nil
}

// countNode counts one more value and reports whether it is within
// maxInstanceNodes; it sets Truncated when it is not.
func (b *builder) countNode() bool {
	b.count++
	if b.count > maxInstanceNodes {
		b.in.Truncated = true
		return false
	}
	return true
}

// scalar returns the JSON value of scalar n, interpolated.
func (b *builder) scalar(n *yaml.Node) any {
	return b.scalarJSON(n).value()
}

// scalarJSON returns the JSON value of scalar n, interpolated.
func (b *builder) scalarJSON(n *yaml.Node) jsonScalar {
	v, interpolated := typedScalar(n)
	if !interpolated || b.lookup == nil {
		return v
	}
	if done, ok := b.substituted[n.Value]; ok {
		return jsonScalar{kind: 's', str: done}
	}
	out, err := interp.Substitute(n.Value, b.lookup)
	if err != nil {
		out = n.Value
	}
	b.substituted[n.Value] = out
	return jsonScalar{kind: 's', str: out}
}

// jsonScalar is the JSON value of a scalar, kept unboxed so that cache
// keys can be written without allocating.
type jsonScalar struct {
	kind    byte // 'n' null, 'b' boolean, 'i' integer, 'd' float, 's' string
	boolean bool
	integer int64
	float   float64
	str     string
}

// value returns v as NewInstance stores it: nil, bool, int64, float64 or
// string.
func (v jsonScalar) value() any {
	switch v.kind {
	case 'b':
		return v.boolean
	case 'i':
		return v.integer
	case 'd':
		return v.float
	case 's':
		return v.str
	}
	return nil
}

// scalarValue returns the JSON value of a scalar before interpolation, and
// whether it is a string that holds "$".
func scalarValue(n *yaml.Node) (any, bool) {
	v, interpolated := typedScalar(n)
	return v.value(), interpolated
}

// typedScalar returns what scalarValue returns, unboxed.
func typedScalar(n *yaml.Node) (jsonScalar, bool) {
	tag := n.ShortTag()
	if n.Tag == "!reset" || n.Tag == "!override" {
		tag = resolveTag(n)
	}
	switch tag {
	case "!!null":
		return jsonScalar{kind: 'n'}, false
	case "!!bool":
		if v, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
			return jsonScalar{kind: 'b', boolean: v}, false
		}
	case "!!int":
		if v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return jsonScalar{kind: 'i', integer: v}, false
		}
		return jsonScalar{kind: 's', str: n.Value}, false
	case "!!float":
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			return jsonScalar{kind: 'd', float: v}, false
		}
		return jsonScalar{kind: 's', str: n.Value}, false
	}
	return jsonScalar{kind: 's', str: n.Value}, strings.Contains(n.Value, "$")
}

// Locate returns where the value at an instance path comes from, walking
// the tree as NewInstance did.
func (in *Instance) Locate(path []string) Loc {
	loc := Loc{Value: compose.Resolve(in.root)}
	for _, part := range path {
		n := loc.Value
		loc = Loc{}
		switch {
		case n == nil:
			return loc
		case n.Kind == yaml.MappingNode:
			for _, e := range compose.Entries(n) {
				if e.Key.Value == part && !compose.IsReset(e.Value) {
					loc = Loc{Key: e.Key, Value: e.Value}
					break
				}
			}
		case n.Kind == yaml.SequenceNode:
			if i, err := strconv.Atoi(part); err == nil && i >= 0 && i < len(n.Content) {
				loc = Loc{Value: compose.Resolve(n.Content[i])}
			}
		}
	}
	if n := loc.Value; n != nil && n.Kind == yaml.ScalarNode {
		if _, interpolated := scalarValue(n); interpolated && in.lookup != nil {
			loc.Interpolated = true
			_, err := interp.Substitute(n.Value, in.lookup)
			loc.Unresolved = err != nil || !interp.Resolved(n.Value, in.lookup)
		}
	}
	return loc
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
