package schema

import (
	"sort"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/position"
)

// Problem kinds.
const (
	KindUnknownProperty = "unknown-property"
	KindType            = "type"
	KindValue           = "value" // enum, pattern, format or range
	KindRequired        = "required"
	KindOther           = "other"
)

// Problem is one schema violation, placed on the YAML node it is about:
// the key of an unknown property, the value of a wrong type or value.
type Problem struct {
	Span    position.Span
	Message string
	Kind    string   // one of the Kind constants
	Path    []string // the path of the value in the document
	// Suggestion is the property name an unknown property is likely a
	// typo of, or "".
	Suggestion string
}

// Check validates f against the compose-spec schema, after interpolating
// with lookup. A value with "${...}" that lookup cannot fully resolve gets
// no type or value problem, because compose would check the substituted
// value. It returns an error only when the schema cannot be compiled.
//
// Each service is validated on its own, and its result is cached by an
// encoding of its value after merges and interpolation (appendTreeKey).
// So an edit re-validates only the services it changes, and a service
// with a cached result is not decoded at all unless it has a problem.
func Check(f *compose.File, lookup interp.Lookup) ([]Problem, error) {
	if f.Root == nil {
		return nil, nil
	}
	in := &Instance{root: f.Root, lookup: lookup}
	b := &builder{in: in, lookup: lookup, substituted: map[string]string{}}
	var slots map[string]*serviceSlot
	in.Value, slots = b.rootValue(f.Root)
	if in.Truncated {
		return nil, nil
	}
	found, err := b.validateByService(in.Value, slots)
	if err != nil {
		return nil, err
	}
	var problems []Problem
	seen := map[string]bool{}
	for _, leaf := range found {
		for _, p := range describe(f, in, leaf) {
			id := p.Span.String() + p.Message
			if seen[id] {
				continue
			}
			seen[id] = true
			problems = append(problems, p)
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Span.Start < problems[j].Span.Start })
	return problems, nil
}

// validateByService returns the leaf errors of a document that rootValue
// built: those of the document as it is, each service mapping empty, then
// those of each service of slots validated alone, with paths from the
// document's root. It then fills in the services that the errors are
// about, so that the document holds every value they quote.
func (b *builder) validateByService(doc any, slots map[string]*serviceSlot) ([]*violation, error) {
	found, err := cachedLeaves(keyDocument, doc)
	if err != nil {
		return nil, err
	}
	out := copyLeaves(nil, found)
	services, hasServices := lookupMapping(doc, "services")
	if !hasServices {
		return out, nil
	}
	fromServices, err := b.serviceLeaves(slots)
	if err != nil {
		return nil, err
	}
	out = append(out, fromServices...)
	b.fillServices(services, slots, out)
	return out, nil
}

// lookupMapping returns the mapping at key of the mapping doc.
func lookupMapping(doc any, key string) (map[string]any, bool) {
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, false
	}
	m, ok := root[key].(map[string]any)
	return m, ok
}

// copyLeaves appends to out a copy of each of the cached leaves, with
// prefix added to its path, so that callers may keep or change the paths.
func copyLeaves(out, leaves []*violation, prefix ...string) []*violation {
	for _, leaf := range leaves {
		out = append(out, withPrefix(leaf, prefix...))
	}
	return out
}

// withPrefix returns a copy of e whose path starts with prefix.
func withPrefix(e *violation, prefix ...string) *violation {
	copied := *e
	copied.Path = append(append([]string(nil), prefix...), e.Path...)
	return &copied
}

// leavesOf returns the leaves of each violation of list.
func leavesOf(list []*violation) []*violation {
	var out []*violation
	for _, e := range list {
		out = append(out, leaves(e)...)
	}
	return out
}

// leaves returns the errors of the tree that are worth reporting. For a
// "oneOf" or "anyOf", it keeps the alternatives that got furthest into the
// value, and, when every alternative fails on the value's type, one
// synthesized type error that lists all the types they accept.
func leaves(e *violation) []*violation {
	switch e.Kind {
	case violationOneOf, violationAnyOf:
		return alternatives(e)
	}
	if len(e.Causes) == 0 {
		return []*violation{e}
	}
	var out []*violation
	for _, cause := range e.Causes {
		out = append(out, leaves(cause)...)
	}
	return out
}

func alternatives(e *violation) []*violation {
	var wantTypes []string
	var got string
	var best []*violation
	bestDepth := -1
	for _, cause := range e.Causes {
		causeLeaves := leaves(cause)
		if t, ok := sameLocationType(e, causeLeaves); ok {
			wantTypes = append(wantTypes, t.Want...)
			got = t.Got
			continue
		}
		depth := maxDepth(causeLeaves)
		switch {
		case depth > bestDepth:
			best, bestDepth = causeLeaves, depth
		case depth == bestDepth:
			best = append(best, causeLeaves...)
		}
	}
	if best != nil {
		return best
	}
	if len(wantTypes) == 0 {
		return []*violation{e}
	}
	return []*violation{{Path: e.Path, Kind: violationType, Got: got, Want: wantTypes}}
}

// sameLocationType returns the type error of an alternative whose only
// error is a wrong type of the value the alternative itself describes.
func sameLocationType(parent *violation, list []*violation) (*violation, bool) {
	if len(list) != 1 || len(list[0].Path) != len(parent.Path) || list[0].Kind != violationType {
		return nil, false
	}
	return list[0], true
}

func maxDepth(list []*violation) int {
	depth := -1
	for _, e := range list {
		d := len(e.Path)
		if e.Kind == violationAdditional {
			d++
		}
		depth = max(depth, d)
	}
	return depth
}

// describe turns one leaf error into Problems placed on f's nodes. It
// returns nil for a problem that interpolation hides.
func describe(f *compose.File, in *Instance, e *violation) []Problem {
	path := e.Path
	loc := in.Locate(path)
	switch e.Kind {
	case violationAdditional:
		var out []Problem
		for _, name := range e.Properties {
			if At(schemaPath(path)).AllowsProperty(name) {
				continue
			}
			childPath := append(append([]string(nil), path...), name)
			child := in.Locate(childPath)
			out = append(out, unknownProperty(f, child, path, name))
		}
		return out
	case violationFalse:
		// unevaluatedProperties: false reports each extra property this way.
		// When a branch of an "allOf" fails, the properties it defines count
		// as unevaluated too, so only properties that no branch defines are kept.
		if len(path) == 0 || At(schemaPath(path[:len(path)-1])).AllowsProperty(path[len(path)-1]) {
			return nil
		}
		return []Problem{unknownProperty(f, loc, path[:len(path)-1], path[len(path)-1])}
	case violationRequired:
		span := f.NodeSpan(loc.Value)
		if loc.Key != nil {
			span = f.NodeSpan(loc.Key)
		}
		return []Problem{{Span: span, Kind: KindRequired, Path: path, Message: requiredMessage(path, e.Missing)}}
	case violationType:
		hidden := loc.Unresolved || loc.Interpolated && castable(in.valueAt(path), e.Want)
		if hidden && acceptsScalar(e.Want) {
			return nil
		}
		return []Problem{{Span: f.NodeSpan(loc.Value), Kind: KindType, Path: path, Message: typeMessage(path, e.Got, e.Want)}}
	case violationEnum, violationPattern, violationMinimum, violationMaximum:
		if loc.Unresolved {
			return nil
		}
		return []Problem{{Span: f.NodeSpan(loc.Value), Kind: KindValue, Path: path, Message: valueMessage(path, in.valueAt(path), e)}}
	}
	if loc.Unresolved {
		return nil
	}
	return []Problem{{Span: f.NodeSpan(loc.Value), Kind: KindOther, Path: path, Message: otherMessage(path, e)}}
}

// unknownProperty returns the Problem of a key that the mapping at parent
// does not allow.
func unknownProperty(f *compose.File, loc Loc, parent []string, name string) Problem {
	suggestion := closest(name, At(schemaPath(parent)).Properties())
	return Problem{
		Span:       f.NodeSpan(loc.Key),
		Kind:       KindUnknownProperty,
		Path:       append(append([]string(nil), parent...), name),
		Message:    unknownPropertyMessage(parent, name, suggestion),
		Suggestion: suggestion,
	}
}

// valueAt returns the instance value at path, or nil.
func (in *Instance) valueAt(path []string) any {
	cur := in.Value
	for _, part := range path {
		switch v := cur.(type) {
		case map[string]any:
			cur = v[part]
		case []any:
			i := 0
			for _, c := range part {
				i = i*10 + int(c-'0')
			}
			if i < 0 || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	return cur
}

// acceptsScalar reports whether one of the wanted types is one that an
// interpolated string can become. Interpolation never turns a string into
// a mapping, a list or null, so a "${...}" value where only those are
// allowed is wrong whatever the variables hold.
func acceptsScalar(want []string) bool {
	for _, t := range want {
		switch t {
		case "string", "integer", "number", "boolean":
			return true
		}
	}
	return false
}

// castable reports whether compose would convert the interpolated string
// v to one of the wanted types, as it does for numbers and booleans.
func castable(v any, want []string) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	for _, t := range want {
		switch t {
		case "integer", "number":
			if isNumber(s) {
				return true
			}
		case "boolean":
			if s == "true" || s == "false" || s == "True" || s == "False" || s == "TRUE" || s == "FALSE" {
				return true
			}
		}
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if c == '.' || c == '-' && i == 0 || '0' <= c && c <= '9' {
			continue
		}
		return false
	}
	return true
}
