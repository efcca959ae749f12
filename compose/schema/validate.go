package schema

import (
	"math"
	"slices"
	"strconv"
)

// violationKind is the keyword that a value breaks.
type violationKind uint8

const (
	violationType       violationKind = iota + 1 // Got and Want contain the types
	violationEnum                                // Enum contains the allowed values
	violationRequired                            // Missing contains the absent properties
	violationAdditional                          // additionalProperties is false, and Properties contains the extra names
	violationFalse                               // the schema false, as unevaluatedProperties applies it to an extra property
	violationPattern                             // Pattern contains the pattern
	violationMinimum                             // Limit is the minimum
	violationMaximum                             // Limit is the maximum
	violationUnique                              // Pair contains the indexes of two equal items
	violationNotNumber                           // a float that is NaN or infinite, which JSON cannot represent
	violationOneOfMany                           // Pair contains two "oneOf" alternatives that both match
	violationOneOf                               // no "oneOf" alternative matches, and Causes has one entry per alternative
	violationAnyOf                               // no "anyOf" alternative matches, and Causes has one entry per alternative
	violationAllOf                               // Causes has one entry per failing member
	violationRef                                 // Causes contains the violations of the "$ref" target
	violationGroup                               // Causes contains several violations of one schema
)

// violation is one way a value breaks the schema, at Path from the root
// of the validated value. A violation of a combining keyword ("oneOf",
// "allOf", "$ref") lists the violations it is made of in Causes.
type violation struct {
	Path       []string
	Kind       violationKind
	Got        string
	Want       []string
	Missing    []string
	Properties []string
	Enum       []any
	Pattern    string
	Limit      float64
	Pair       [2]int
	Causes     []*violation
}

// validation walks one value against a compiled schema. It keeps the
// path of the value being checked as a stack.
type validation struct {
	path []string
}

// validateValue returns the violations of v against s, nil when v is
// valid.
func validateValue(s *compiledSchema, v any) []*violation {
	vd := &validation{}
	out, _ := vd.validate(s, v, false)
	return out
}

func (vd *validation) newViolation(kind violationKind) *violation {
	return &violation{Path: slices.Clone(vd.path), Kind: kind}
}

// one returns the violations of one schema as a single violation: the
// only one, or a group of them.
func (vd *validation) one(list []*violation) *violation {
	if len(list) == 1 {
		return list[0]
	}
	g := vd.newViolation(violationGroup)
	g.Causes = list
	return g
}

// validate returns the violations of v against s. When track is set and v
// is a mapping, it also returns, for a valid v, the properties that s and
// its passing subschemas evaluated, which "unevaluatedProperties" of an
// enclosing schema needs.
func (vd *validation) validate(s *compiledSchema, v any, track bool) ([]*violation, map[string]struct{}) {
	if s.alwaysFalse {
		return []*violation{vd.newViolation(violationFalse)}, nil
	}
	t := typeOf(v)
	if t == 0 {
		return []*violation{vd.newViolation(violationNotNumber)}, nil
	}
	if s.types != 0 && !allowsType(s.types, t, v) {
		e := vd.newViolation(violationType)
		e.Got, e.Want = typeName(t), s.typeNames
		return []*violation{e}, nil
	}
	if s.enum != nil && !slices.ContainsFunc(s.enum, func(want any) bool { return equalValues(v, want) }) {
		e := vd.newViolation(violationEnum)
		e.Enum = s.enum
		return []*violation{e}, nil
	}

	obj, isObject := v.(map[string]any)
	var evaluated map[string]struct{}
	if isObject && (track || s.unevaluated != nil) {
		track = true
		evaluated = make(map[string]struct{}, len(obj))
	} else {
		track = false
	}
	merge := func(from map[string]struct{}) {
		if evaluated == nil {
			return
		}
		for name := range from {
			evaluated[name] = struct{}{}
		}
	}

	var out []*violation
	if s.ref != nil {
		if errs, ev := vd.validate(s.ref, v, track); len(errs) > 0 {
			e := vd.newViolation(violationRef)
			e.Causes = errs
			out = append(out, e)
		} else {
			merge(ev)
		}
	}

	switch v := v.(type) {
	case map[string]any:
		out = vd.validateObject(s, v, out, evaluated)
	case []any:
		out = vd.validateArray(s, v, out)
	case string:
		if s.pattern != nil && !s.pattern.MatchString(v) {
			e := vd.newViolation(violationPattern)
			e.Pattern = s.patternText
			out = append(out, e)
		}
	case int64, float64:
		f := toFloat(v)
		if s.minimum != nil && f < *s.minimum {
			e := vd.newViolation(violationMinimum)
			e.Limit = *s.minimum
			out = append(out, e)
		}
		if s.maximum != nil && f > *s.maximum {
			e := vd.newViolation(violationMaximum)
			e.Limit = *s.maximum
			out = append(out, e)
		}
	}

	if len(s.allOf) > 0 {
		var failed []*violation
		for _, sub := range s.allOf {
			if errs, ev := vd.validate(sub, v, track); len(errs) > 0 {
				failed = append(failed, vd.one(errs))
			} else {
				merge(ev)
			}
		}
		if failed != nil {
			e := vd.newViolation(violationAllOf)
			e.Causes = failed
			out = append(out, e)
		}
	}
	if len(s.anyOf) > 0 {
		matched := false
		var failed []*violation
		for _, sub := range s.anyOf {
			errs, ev := vd.validate(sub, v, track)
			if len(errs) > 0 {
				failed = append(failed, vd.one(errs))
				continue
			}
			matched = true
			merge(ev)
			if !track {
				break
			}
		}
		if !matched {
			e := vd.newViolation(violationAnyOf)
			e.Causes = failed
			out = append(out, e)
		}
	}
	if len(s.oneOf) > 0 {
		matched := -1
		var failed []*violation
		for i, sub := range s.oneOf {
			errs, ev := vd.validate(sub, v, track)
			if len(errs) > 0 {
				if matched == -1 {
					failed = append(failed, vd.one(errs))
				}
				continue
			}
			if matched != -1 {
				e := vd.newViolation(violationOneOfMany)
				e.Pair = [2]int{matched, i}
				out = append(out, e)
				break
			}
			matched = i
			merge(ev)
		}
		if matched == -1 {
			e := vd.newViolation(violationOneOf)
			e.Causes = failed
			out = append(out, e)
		}
	}

	if s.unevaluated != nil && isObject {
		for name, value := range obj {
			if _, ok := evaluated[name]; ok {
				continue
			}
			vd.path = append(vd.path, name)
			errs, _ := vd.validate(s.unevaluated, value, false)
			vd.path = vd.path[:len(vd.path)-1]
			out = append(out, errs...)
			evaluated[name] = struct{}{}
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	return nil, evaluated
}

// validateObject appends to out the violations of the mapping obj against
// the object keywords of s, and adds to evaluated, when it is not nil, the
// properties those keywords evaluated.
func (vd *validation) validateObject(s *compiledSchema, obj map[string]any, out []*violation, evaluated map[string]struct{}) []*violation {
	var missing []string
	for _, name := range s.required {
		if _, ok := obj[name]; !ok {
			missing = append(missing, name)
		}
	}
	if missing != nil {
		e := vd.newViolation(violationRequired)
		e.Missing = missing
		out = append(out, e)
	}
	if s.properties == nil && s.patternProperties == nil && s.additional == nil {
		return out
	}
	var extra []string
	for name, value := range obj {
		matched := false
		vd.path = append(vd.path, name)
		if sub, ok := s.properties[name]; ok {
			matched = true
			errs, _ := vd.validate(sub, value, false)
			out = append(out, errs...)
		}
		for _, pp := range s.patternProperties {
			if pp.re.MatchString(name) {
				matched = true
				errs, _ := vd.validate(pp.schema, value, false)
				out = append(out, errs...)
			}
		}
		if !matched && s.additional != nil {
			matched = true
			if s.additional.alwaysFalse {
				extra = append(extra, name)
			} else {
				errs, _ := vd.validate(s.additional, value, false)
				out = append(out, errs...)
			}
		}
		vd.path = vd.path[:len(vd.path)-1]
		if matched && evaluated != nil {
			evaluated[name] = struct{}{}
		}
	}
	if extra != nil {
		slices.Sort(extra)
		e := vd.newViolation(violationAdditional)
		e.Properties = extra
		out = append(out, e)
	}
	return out
}

// validateArray appends to out the violations of the list arr against
// the list keywords of s.
func (vd *validation) validateArray(s *compiledSchema, arr []any, out []*violation) []*violation {
	if s.uniqueItems {
		if i, j, found := duplicateItems(arr); found {
			e := vd.newViolation(violationUnique)
			e.Pair = [2]int{i, j}
			out = append(out, e)
		}
	}
	if s.items != nil {
		for i, item := range arr {
			vd.path = append(vd.path, strconv.Itoa(i))
			errs, _ := vd.validate(s.items, item, false)
			vd.path = vd.path[:len(vd.path)-1]
			out = append(out, errs...)
		}
	}
	return out
}

// typeOf returns the JSON type of an instance value, or 0 for a value
// that JSON cannot represent: NaN, an infinity, or a Go type that
// NewInstance does not produce.
func typeOf(v any) jsonTypes {
	switch v := v.(type) {
	case nil:
		return typeNull
	case bool:
		return typeBoolean
	case int64:
		return typeNumber
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0
		}
		return typeNumber
	case string:
		return typeString
	case []any:
		return typeArray
	case map[string]any:
		return typeObject
	}
	return 0
}

// allowsType reports whether types allows a value v of type t. A number
// without a fraction is an integer as well.
func allowsType(types, t jsonTypes, v any) bool {
	if types&t != 0 {
		return true
	}
	return t == typeNumber && types&typeInteger != 0 && isInteger(v)
}

func isInteger(v any) bool {
	switch v := v.(type) {
	case int64:
		return true
	case float64:
		return v == math.Trunc(v)
	}
	return false
}

// typeName returns the JSON name of one type.
func typeName(t jsonTypes) string {
	for name, bit := range typeBits {
		if bit == t {
			return name
		}
	}
	return ""
}

func toFloat(v any) float64 {
	switch v := v.(type) {
	case int64:
		return float64(v)
	case float64:
		return v
	}
	return math.NaN()
}

// equalValues reports whether two instance values are equal as JSON
// values: numbers by value, whatever their Go type, and mappings whatever
// the order of their keys.
func equalValues(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		b, ok := b.(bool)
		return ok && a == b
	case string:
		b, ok := b.(string)
		return ok && a == b
	case int64:
		switch b := b.(type) {
		case int64:
			return a == b
		case float64:
			return floatEqualsInt(b, a)
		}
		return false
	case float64:
		switch b := b.(type) {
		case int64:
			return floatEqualsInt(a, b)
		case float64:
			return a == b
		}
		return false
	case []any:
		b, ok := b.([]any)
		return ok && slices.EqualFunc(a, b, equalValues)
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, av := range a {
			bv, ok := b[k]
			if !ok || !equalValues(av, bv) {
				return false
			}
		}
		return true
	}
	return false
}

// floatEqualsInt reports whether f and i are the same number.
func floatEqualsInt(f float64, i int64) bool {
	if f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return false
	}
	return int64(f) == i
}

// duplicateItems returns the indexes of the first pair of equal items, in
// the order of the second one. Short lists are compared pairwise; longer
// ones are first bucketed by a key that equal values share.
func duplicateItems(arr []any) (int, int, bool) {
	if len(arr) <= 20 {
		for j := 1; j < len(arr); j++ {
			for i := 0; i < j; i++ {
				if equalValues(arr[i], arr[j]) {
					return i, j, true
				}
			}
		}
		return -1, -1, false
	}
	buckets := make(map[string][]int, len(arr))
	var buf []byte
	for j, item := range arr {
		buf = appendEqualityKey(buf[:0], item)
		for _, i := range buckets[string(buf)] {
			if equalValues(arr[i], item) {
				return i, j, true
			}
		}
		buckets[string(buf)] = append(buckets[string(buf)], j)
	}
	return -1, -1, false
}

// appendEqualityKey appends to buf a key that equal values share: the
// type, and for a scalar the value, with an integral float written as an
// integer. Mappings and lists get their length only, which is enough to
// bucket them.
func appendEqualityKey(buf []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(buf, 'n')
	case bool:
		return strconv.AppendBool(append(buf, 'b'), v)
	case string:
		return append(append(buf, 's'), v...)
	case int64:
		return strconv.AppendInt(append(buf, 'i'), v, 10)
	case float64:
		if v == math.Trunc(v) && v >= math.MinInt64 && v < math.MaxInt64 {
			return strconv.AppendInt(append(buf, 'i'), int64(v), 10)
		}
		return strconv.AppendFloat(append(buf, 'f'), v, 'g', -1, 64)
	case []any:
		return strconv.AppendInt(append(buf, 'l'), int64(len(v)), 10)
	case map[string]any:
		return strconv.AppendInt(append(buf, 'm'), int64(len(v)), 10)
	}
	return append(buf, '?')
}
