package interp

import "strings"

// Kinds of a match of compose-go's reference pattern.
const (
	matchEscaped = iota + 1 // "$$"
	matchNamed              // "$NAME"
	matchBraced             // "${NAME}" or "${NAME<op>...}"
	matchInvalid            // "${" followed by anything else
)

// match is one match of compose-go's template.DefaultPattern (compose-go
// v2.16): its kind, its byte range in the searched string, and, for a
// named reference, the range of the name.
type match struct {
	kind               int
	start, end         int
	nameStart, nameEnd int
}

// findMatch returns the leftmost match in s at or after from, as
// template.DefaultPattern.FindStringSubmatchIndex(s[from:]) finds it, with
// offsets into s. It reports false when there is none. It reads the bytes
// directly instead of running the regular expression, which is the cost of
// Refs on long values.
//
// The pattern is, with case folding,
//
//	\$(?i:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|{(?:(?P<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|(?P<invalid>)))
//
// so a match starts at a "$" followed by "$", a name or "{". Case folding
// makes U+017F (ſ) and U+212A (Kelvin sign) name characters too, as they
// fold to "s" and "k".
func findMatch(s string, from int) (match, bool) {
	for from < len(s) {
		i := strings.IndexByte(s[from:], '$')
		if i < 0 {
			return match{}, false
		}
		p := from + i
		if m, ok := matchAt(s, p); ok {
			return m, true
		}
		from = p + 1
	}
	return match{}, false
}

// matchAt returns the match that starts at the "$" at p, if any.
func matchAt(s string, p int) (match, bool) {
	if p+1 >= len(s) {
		return match{}, false
	}
	switch c := s[p+1]; {
	case c == '$':
		return match{kind: matchEscaped, start: p, end: p + 2}, true
	case c == '{':
		if end, ok := bracedEnd(s, p+2); ok {
			return match{kind: matchBraced, start: p, end: end}, true
		}
		return match{kind: matchInvalid, start: p, end: p + 2}, true
	}
	if nameEnd := patternNameEnd(s, p+1); nameEnd > p+1 {
		return match{kind: matchNamed, start: p, end: nameEnd, nameStart: p + 1, nameEnd: nameEnd}, true
	}
	return match{}, false
}

// bracedEnd returns the end of the braced group whose name starts at q,
// just past its "}". With an operator, the pattern's greedy "(.*)}" ends
// at the last "}" before the next line break.
func bracedEnd(s string, q int) (int, bool) {
	r := patternNameEnd(s, q)
	if r == q || r >= len(s) {
		return 0, false
	}
	argStart := -1
	switch {
	case s[r] == ':' && r+1 < len(s) && isOpByte(s[r+1]):
		argStart = r + 2
	case isOpByte(s[r]):
		argStart = r + 1
	}
	if argStart >= 0 {
		line := s[argStart:]
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		if closing := strings.LastIndexByte(line, '}'); closing >= 0 {
			return argStart + closing + 1, true
		}
	}
	if s[r] == '}' {
		return r + 1, true
	}
	return 0, false
}

func isOpByte(c byte) bool { return c == '-' || c == '+' || c == '?' }

// patternNameEnd returns the end of the name that starts at off by the
// pattern's rules, or off when no name starts there.
func patternNameEnd(s string, off int) int {
	end := off
	for end < len(s) {
		n := nameCharLen(s, end, end == off)
		if n == 0 {
			break
		}
		end += n
	}
	return end
}

// nameCharLen returns the length in bytes of the name character at off,
// or 0 when there is none.
func nameCharLen(s string, off int, first bool) int {
	c := s[off]
	switch {
	case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		return 1
	case '0' <= c && c <= '9':
		if first {
			return 0
		}
		return 1
	case strings.HasPrefix(s[off:], "\u017f"), strings.HasPrefix(s[off:], "\u212a"):
		if c == 0xc5 {
			return 2
		}
		return 3
	}
	return 0
}
