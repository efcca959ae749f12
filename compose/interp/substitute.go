package interp

import (
	"strings"

	"github.com/compose-spec/compose-go/v2/template"
)

// Lookup returns the value of a variable and whether it is set.
type Lookup func(name string) (string, bool)

// Substitute returns s with its references replaced, as compose does, and
// compose-go's error for a missing required variable or an invalid
// reference. When Resolved(s, lookup) is false, variables that lookup
// does not know read as empty, as compose substitutes them, but a "-"
// default is then not applied.
func Substitute(s string, lookup Lookup) (string, error) {
	out, _, err := substitute(s, lookup)
	return out, err
}

// SubstituteResolved returns Substitute(s, lookup) and true, or false when
// Resolved(s, lookup) is false or Substitute fails. It finds the
// references of s once for both.
func SubstituteResolved(s string, lookup Lookup) (string, bool) {
	out, resolved, err := substitute(s, lookup)
	if !resolved || err != nil {
		return "", false
	}
	return out, true
}

// substitute returns what Substitute returns and what Resolved reports.
func substitute(s string, lookup Lookup) (out string, resolved bool, err error) {
	if !strings.Contains(s, "$") {
		return s, true, nil
	}
	refs := Refs(s)
	resolved = refsResolved(refs, lookup)
	mapping := template.Mapping(lookup)
	if !resolved {
		// NOTE: compose-go logs a warning for each unset variable, even
		// with WithoutLogging in nested defaults, so unset names are
		// given as empty here instead.
		mapping = func(name string) (string, bool) {
			value, _ := lookup(name)
			return value, true
		}
	}
	if out, ok := substituteSimple(s, refs, mapping); ok {
		return out, resolved, nil
	}
	out, err = template.SubstituteWithOptions(s, mapping, template.WithoutLogging)
	return out, resolved, err
}

// substituteSimple returns what compose-go's template.SubstituteWithOptions
// (compose-go v2.16) returns for s, when s is simple enough to replace its
// references directly. Each reference must be valid, without a required
// operator ("?" or ":?"), and with an argument without "$", "{" or "}".
// The text outside the references must have no "$". For any other s it
// reports false, and the caller gives s to compose-go.
//
// For such an s, compose-go replaces each match of its pattern with the
// variable's value, or with the argument as the operator chooses. An
// argument without "$" substitutes to itself. A match that runs past the
// reference's closing brace, to the last "}" of the line, gets the rest
// substituted and appended, which is what replacing the references in
// turn gives. TestSubstituteSimpleAgreesWithTemplate compares the two.
func substituteSimple(s string, refs []Ref, mapping template.Mapping) (string, bool) {
	var b strings.Builder
	last := 0
	for _, r := range refs {
		if !simpleRef(s, r) || strings.IndexByte(s[last:r.Span.Start], '$') >= 0 {
			return "", false
		}
		b.WriteString(s[last:r.Span.Start])
		b.WriteString(replacement(r, mapping))
		last = r.Span.End
	}
	if strings.IndexByte(s[last:], '$') >= 0 {
		return "", false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// simpleRef reports whether substituteSimple can replace r, a reference
// in s. A braced name that Refs cuts short, because the pattern's case
// folding lets it hold U+017F or U+212A, is left to compose-go.
func simpleRef(s string, r Ref) bool {
	switch {
	case r.Invalid, r.Op == OpRequired, r.Op == OpRequiredNonEmpty, strings.ContainsAny(r.Arg, "${}"):
		return false
	case r.Braced && r.Op == OpNone:
		return r.Name != "" && r.NameSpan.End+1 == r.Span.End && s[r.NameSpan.End] == '}'
	}
	return true
}

// replacement returns the text that replaces a valid reference without a
// required operator.
func replacement(r Ref, mapping template.Mapping) string {
	value, ok := mapping(r.Name)
	switch r.Op {
	case OpDefaultIfEmpty:
		if !ok || value == "" {
			return r.Arg
		}
	case OpDefaultIfUnset:
		if !ok {
			return r.Arg
		}
	case OpAltIfNonEmpty:
		if ok && value != "" {
			return r.Arg
		}
	case OpAltIfSet:
		if ok {
			return r.Arg
		}
	}
	return value
}

// Resolved reports whether every reference in s gets a value from lookup
// or from its own default, so that Substitute gives what compose would.
func Resolved(s string, lookup Lookup) bool {
	return refsResolved(Refs(s), lookup)
}

func refsResolved(refs []Ref, lookup Lookup) bool {
	for _, r := range refs {
		if !refResolved(r, lookup) {
			return false
		}
	}
	return true
}

func refResolved(r Ref, lookup Lookup) bool {
	if r.Invalid {
		return false
	}
	value, ok := lookup(r.Name)
	switch r.Op {
	case OpDefaultIfEmpty:
		if ok && value != "" {
			return true
		}
		return Resolved(r.Arg, lookup)
	case OpDefaultIfUnset:
		if ok {
			return true
		}
		return Resolved(r.Arg, lookup)
	case OpAltIfNonEmpty, OpAltIfSet:
		if !ok {
			return true
		}
		return Resolved(r.Arg, lookup)
	}
	return ok
}
