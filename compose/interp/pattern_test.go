package interp

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/compose-spec/compose-go/v2/template"
)

// regexpMatch returns the match that compose-go's pattern finds in s at or
// after from, converted to a match.
func regexpMatch(s string, from int) (match, bool) {
	pattern := template.DefaultPattern
	m := pattern.FindStringSubmatchIndex(s[from:])
	if m == nil {
		return match{}, false
	}
	out := match{start: from + m[0], end: from + m[1]}
	for i, name := range pattern.SubexpNames() {
		if m[2*i] < 0 {
			continue
		}
		switch name {
		case "escaped":
			out.kind = matchEscaped
		case "named":
			out.kind = matchNamed
			out.nameStart, out.nameEnd = from+m[2*i], from+m[2*i+1]
		case "braced":
			out.kind = matchBraced
		case "invalid":
			out.kind = matchInvalid
		}
	}
	return out, true
}

var patternCases = []string{
	"", "$", "$$", "$ ", "$1", "$A", "$_a1 b", "${", "${}", "${A", "${A}", "${A:}", "${A:-}", "${A:-x}y}",
	"${A-x\n}", "${A:-x}\n}", "${A?}", "${A:?m}", "${A+}", "${A:+{}}", "${1A}", "${A B}", "$\u017f", "$\u212a",
	"${\u212a}", "$\u212aa\u017f_1", "${A:-x\xff}", "\xff$A", "é${A}", "${A:-${B}}", "$${A}", "${A:-x}-${B:-y}",
}

func TestFindMatchAgreesWithPattern(t *testing.T) {
	inputs := slices.Clone(patternCases)
	pieces := []string{"$", "$", "{", "}", ":", "-", "+", "?", "A", "b", "_", "1", "\n", " ", "\u017f", "\u212a", "é", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		n := rng.IntN(12)
		var b []byte
		for range n {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		for from := 0; from <= len(s); from++ {
			got, gotOK := findMatch(s, from)
			want, wantOK := regexpMatch(s, from)
			if got != want || gotOK != wantOK {
				t.Fatalf("input %q from %d:\ngot  %+v %v\nwant %+v %v", s, from, got, gotOK, want, wantOK)
			}
		}
	}
}

// BenchmarkRefs measures Refs on a value with two references and a
// default.
func BenchmarkRefs(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if refs := Refs("registry.example.test/app:${TAG:-latest}-${SUFFIX}"); len(refs) != 2 {
			b.Fatalf("got %d references, want 2", len(refs))
		}
	}
}

func TestSubstituteSimpleAgreesWithTemplate(t *testing.T) {
	pieces := []string{"$", "${", "${A", "${E", "${U", "$B", "}", "{", ":-", "-", ":+", "+", ":?", "?", "A", "E", "x", "_", "1", "\n", " ", "\u212a", "é"}
	envs := []map[string]string{{}, {"A": "a", "E": ""}, {"A": "", "B": "b$B}", "U": "u"}}
	rng := rand.New(rand.NewPCG(3, 4))
	checked := 0
	for range 50000 {
		var b []byte
		for range rng.IntN(10) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		s := string(b)
		env := envs[rng.IntN(len(envs))]
		mapping := func(name string) (string, bool) { v, ok := env[name]; return v, ok }
		if rng.IntN(2) == 0 {
			mapping = func(name string) (string, bool) { return env[name], true }
		}
		got, ok := substituteSimple(s, Refs(s), mapping)
		if !ok {
			continue
		}
		checked++
		want, err := template.SubstituteWithOptions(s, mapping, template.WithoutLogging)
		if err != nil || got != want {
			t.Fatalf("input %q with %v:\ngot  %q\nwant %q, %v", s, env, got, want, err)
		}
	}
	if checked < 10000 {
		t.Errorf("only %d inputs took the direct path", checked)
	}
}
