package interp

import (
	"fmt"
	"strings"
	"testing"
)

func TestRefs(t *testing.T) {
	tests := []struct {
		in   string
		want string // "name op arg @span" per reference, nested in brackets
	}{
		{"plain", ""},
		{"$$HOME and $$", ""},
		{"$A", "A   @[0,2)"},
		{"${A}-${B}", "A   @[0,4) B   @[5,9)"},
		{"x${A:-d}y", "A :- d @[1,8)"},
		{"${A-${B:?msg}}", "A - ${B:?msg} @[0,14)[B :? msg @[4,13)]"},
		{"${A:+alt}${B?}", "A :+ alt @[0,9) B ?  @[9,14)"},
		{"${1BAD} ${}", "invalid @[0,7) invalid @[8,11)"},
		{"${UNCLOSED", "invalid @[0,10)"},
		{"é${A}", "A   @[2,6)"},
		// The reference ends where compose-go's pattern match ends, so a
		// "$B" after an unclosed inner "{" is a reference of its own.
		{"${A+{}0$B", "A + { @[0,6) B   @[7,9)"},
		// compose-go skips the byte after each "{" when it counts braces.
		{"${A:-{}}", "A :- {} @[0,8)"},
		{"${A:-x}y}", "A :- x @[0,7)"},
		// An invalid "${" ends before the next "$", which compose-go reads.
		{"${$A", "invalid @[0,2) A   @[2,4)"},
		{"${ $A}", "invalid @[0,3) A   @[3,5)"},
	}
	for _, tt := range tests {
		var parts []string
		for _, r := range Refs(tt.in) {
			parts = append(parts, format(r))
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("Refs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func format(r Ref) string {
	if r.Invalid {
		return fmt.Sprintf("invalid @%v", r.Span)
	}
	s := fmt.Sprintf("%s %s %s @%v", r.Name, r.Op, r.Arg, r.Span)
	for _, n := range r.Nested {
		s += "[" + format(n) + "]"
	}
	return s
}

func TestSubstituteAndResolved(t *testing.T) {
	vars := map[string]string{"SET": "v", "EMPTY": ""}
	lookup := func(name string) (string, bool) { v, ok := vars[name]; return v, ok }
	tests := []struct {
		in, want string
		resolved bool
	}{
		{"${SET}", "v", true},
		{"${UNSET:-d}", "d", true},
		{"${EMPTY:-d}", "d", true},
		{"${EMPTY-d}", "", true},
		{"${SET:+alt}", "alt", true},
		{"${UNSET:+alt}", "", true},
		{"${UNSET}", "", false},
		{"${UNSET:-${ALSO}}", "", false},
		{"a$$b", "a$b", true},
	}
	for _, tt := range tests {
		got, err := Substitute(tt.in, lookup)
		if err != nil || got != tt.want {
			t.Errorf("Substitute(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if r := Resolved(tt.in, lookup); r != tt.resolved {
			t.Errorf("Resolved(%q) = %v, want %v", tt.in, r, tt.resolved)
		}
	}
	if _, err := Substitute("${UNSET:?set it}", lookup); err == nil || !strings.Contains(err.Error(), "set it") {
		t.Errorf("required variable error = %v", err)
	}
}
