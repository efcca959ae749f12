// Package interp finds the "${VAR}" interpolations in a compose value and
// resolves them with compose-go's template package.
//
// Refs finds each reference as compose-go's own pattern
// (template.DefaultPattern) matches it and cuts a braced reference at its first
// closing brace as compose-go does, so "${A:-x}-${B}" is two references.
// Offsets are byte offsets into the string given to Refs.
package interp

import (
	"strings"

	"github.com/stackls/stackls/position"
)

// Operators of a braced reference, as compose writes them.
const (
	OpNone             = ""
	OpDefaultIfEmpty   = ":-" // ${VAR:-default}: default when unset or empty
	OpDefaultIfUnset   = "-"  // ${VAR-default}: default when unset
	OpRequiredNonEmpty = ":?" // ${VAR:?message}: error when unset or empty
	OpRequired         = "?"  // ${VAR?message}: error when unset
	OpAltIfNonEmpty    = ":+" // ${VAR:+alternative}: alternative when set and not empty
	OpAltIfSet         = "+"  // ${VAR+alternative}: alternative when set
)

// Ref is one "$VAR" or "${...}" reference.
type Ref struct {
	Name     string
	Op       string // one of the Op constants
	Arg      string // the default, alternative or message after Op, as written
	Braced   bool
	Invalid  bool          // "${" that compose-go rejects, such as "${}" or "${1}"
	Span     position.Span // the whole reference, "$" to the closing brace
	NameSpan position.Span
	ArgSpan  position.Span // empty when there is no Op
	Nested   []Ref         // references inside Arg
}

// Refs returns the references in s, in order. "$$" is an escaped "$" and
// is not a reference.
func Refs(s string) []Ref {
	var refs []Ref
	for from := 0; from < len(s); {
		m, ok := findMatch(s, from)
		if !ok {
			break
		}
		switch m.kind {
		case matchEscaped:
			from = m.start + 2
		case matchNamed:
			refs = append(refs, Ref{Name: s[m.nameStart:m.nameEnd], Span: position.Span{Start: m.start, End: m.nameEnd}, NameSpan: position.Span{Start: m.nameStart, End: m.nameEnd}})
			from = m.nameEnd
		case matchBraced:
			ref := braced(s, m.start, m.end)
			refs = append(refs, ref)
			from = ref.Span.End
		default:
			end := invalidEnd(s, m.end)
			refs = append(refs, Ref{Invalid: true, Braced: true, Span: position.Span{Start: m.start, End: end}})
			from = end
		}
	}
	return refs
}

// braced reads the braced reference that starts with "${" at start and
// that compose-go's pattern matched up to matchEnd, just past a "}".
// As in compose-go, the reference ends at the first closing brace inside
// the match, and the text after it is read as more references.
func braced(s string, start, matchEnd int) Ref {
	end := matchEnd
	if closing := closingBrace(s[start:matchEnd]); closing >= 0 {
		end = start + closing + 1
	}
	body := s[start+2 : end-1]
	nameLen := 0
	for nameLen < len(body) && isNameByte(body[nameLen], nameLen == 0) {
		nameLen++
	}
	ref := Ref{Braced: true, Name: body[:nameLen], Span: position.Span{Start: start, End: end}}
	ref.NameSpan = position.Span{Start: start + 2, End: start + 2 + nameLen}
	rest := body[nameLen:]
	for _, op := range []string{OpRequiredNonEmpty, OpDefaultIfEmpty, OpAltIfNonEmpty, OpRequired, OpDefaultIfUnset, OpAltIfSet} {
		if strings.HasPrefix(rest, op) {
			ref.Op = op
			argStart := ref.NameSpan.End + len(op)
			ref.Arg = s[argStart : end-1]
			ref.ArgSpan = position.Span{Start: argStart, End: end - 1}
			for _, nested := range Refs(ref.Arg) {
				ref.Nested = append(ref.Nested, shift(nested, argStart))
			}
			break
		}
	}
	return ref
}

// closingBrace returns the offset in match of the "}" that closes its
// "${", or -1, counting braces as compose-go's getFirstBraceClosingIndex
// does (compose-go v2.x). The byte after each "{" is skipped, so "${A:-{}}"
// has no closing brace by this count and its whole match is one reference
// with the default "{}".
func closingBrace(match string) int {
	depth := 0
	for i := 0; i < len(match); i++ {
		switch match[i] {
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		case '{':
			depth++
			i++
		}
	}
	return -1
}

// invalidEnd returns the end of an invalid "${...}" whose "${" ends at
// from: just past its closing brace, or before the next "$", which starts
// another reference that compose-go reads, or the end of s.
func invalidEnd(s string, from int) int {
	if i := strings.IndexAny(s[from:], "}$"); i >= 0 {
		if s[from+i] == '$' {
			return from + i
		}
		return from + i + 1
	}
	return len(s)
}

func isNameByte(c byte, first bool) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || !first && '0' <= c && c <= '9'
}

func shift(r Ref, delta int) Ref {
	r.Span = r.Span.Shift(delta)
	r.NameSpan = r.NameSpan.Shift(delta)
	if r.Op != OpNone {
		r.ArgSpan = r.ArgSpan.Shift(delta)
	}
	for i := range r.Nested {
		r.Nested[i] = shift(r.Nested[i], delta)
	}
	return r
}

// All returns the references of refs and, depth first, those nested in
// their arguments.
func All(refs []Ref) []Ref {
	var out []Ref
	for _, r := range refs {
		out = append(out, r)
		out = append(out, All(r.Nested)...)
	}
	return out
}

// At returns the innermost reference whose Span contains offset, or nil.
func At(refs []Ref, offset int) *Ref {
	for i := range refs {
		r := &refs[i]
		if offset < r.Span.Start || offset > r.Span.End {
			continue
		}
		if inner := At(r.Nested, offset); inner != nil {
			return inner
		}
		return r
	}
	return nil
}
