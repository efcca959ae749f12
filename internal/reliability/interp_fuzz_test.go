package reliability

import (
	"regexp"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/template"

	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/position"
)

// interpSeeds are compose values with interpolations: every operator,
// nesting, escapes, unclosed and invalid references, non-ASCII text.
var interpSeeds = []string{
	"",
	"$",
	"$$",
	"$$A",
	"${}",
	"${1}",
	"${",
	"${A",
	"$A",
	"${A}",
	"${DOMAIN_NAME}",
	"${DATA_DIR}/wordpress",
	"${REGISTRY:-localhost}/team/app",
	"registry.example.test/app:${APP_TAG:-latest}",
	"${HOST_PORT:-8080}:80",
	"pre-${PLAIN}",
	"${A:-x}-${B}",
	"${A-x}${B:?need B}${C?}${D:+alt}${E+alt}",
	"${A:-${B:-${C}}}",
	"${A:-${B}",
	"${A:?}",
	"${A:-}}",
	"$$${A}$$",
	"${A-$B}",
	"${é}",
	"é${A}𝄞$B\r\n${C:-\ufeff}",
	"${A:-{}}",
	"${A:-$}",
	"${ A }",
	"$ {A}",
	"${A.B}",
	"${A[0]}",
}

// validName matches the variable names compose-go looks up.
var validName = regexp.MustCompile(`^[_a-zA-Z][_a-zA-Z0-9]*$`)

// FuzzInterpolation checks the references interp.Refs finds in any
// string: Spans inside the string and in order, names and arguments equal
// to the text their Spans cover, At finds the reference at each offset,
// and every variable that compose-go's template package looks up is one
// of them. It also runs Substitute and Resolved, which must not panic.
func FuzzInterpolation(f *testing.F) {
	for _, s := range interpSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		refs := interp.Refs(s)
		checkRefs(t, s, refs, position.Span{Start: 0, End: len(s)})
		for _, r := range refs {
			for offset := r.Span.Start; offset <= r.Span.End; offset++ {
				at := interp.At(refs, offset)
				if at == nil || !at.Span.Contains(offset) {
					t.Fatalf("value %q: At(%d) = %v, want a reference that contains it", s, offset, at)
				}
			}
		}

		found := map[string]bool{}
		for _, r := range interp.All(refs) {
			found[r.Name] = true
		}
		var lookedUp []string
		record := func(name string) (string, bool) {
			lookedUp = append(lookedUp, name)
			return "value", true
		}
		if _, err := template.SubstituteWithOptions(s, record, template.WithoutLogging); err == nil {
			for _, name := range lookedUp {
				if validName.MatchString(name) && !found[name] {
					t.Fatalf("value %q: compose-go looks up %q, which Refs did not find in %+v", s, name, refs)
				}
			}
		}

		lookup := func(name string) (string, bool) {
			switch name {
			case "A":
				return "a", true
			case "EMPTY":
				return "", true
			}
			return "", false
		}
		interp.Resolved(s, lookup)
		got, err := interp.Substitute(s, lookup)
		if !strings.Contains(s, "$") && (err != nil || got != s) {
			t.Fatalf("value %q without \"$\": Substitute = %q, %v; want it unchanged", s, got, err)
		}
	})
}

// checkRefs checks refs of s, each inside within and after the one
// before it, and their nested references inside their arguments.
func checkRefs(t *testing.T, s string, refs []interp.Ref, within position.Span) {
	t.Helper()
	last := within.Start
	for _, r := range refs {
		inside := func(span position.Span, outer position.Span) bool {
			return span.Valid() && outer.Start <= span.Start && span.End <= outer.End
		}
		switch {
		case !inside(r.Span, within) || r.Span.Start < last:
			t.Fatalf("value %q: reference %+v lies outside %v or before offset %d", s, r, within, last)
		case s[r.Span.Start] != '$':
			t.Fatalf("value %q: reference Span %v does not start at \"$\"", s, r.Span)
		case !r.Invalid && (!inside(r.NameSpan, r.Span) || s[r.NameSpan.Start:r.NameSpan.End] != r.Name):
			t.Fatalf("value %q: NameSpan %v of %q covers %q", s, r.NameSpan, r.Name, s[max(0, r.NameSpan.Start):min(len(s), max(r.NameSpan.Start, r.NameSpan.End))])
		case r.Op != interp.OpNone && (!inside(r.ArgSpan, r.Span) || s[r.ArgSpan.Start:r.ArgSpan.End] != r.Arg):
			t.Fatalf("value %q: ArgSpan %v of %q does not cover its argument %q", s, r.ArgSpan, r.Name, r.Arg)
		}
		if len(r.Nested) > 0 {
			checkRefs(t, s, r.Nested, r.ArgSpan)
		}
		last = r.Span.End
	}
}
