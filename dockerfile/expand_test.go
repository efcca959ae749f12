package dockerfile

import (
	"slices"
	"testing"
)

// TestExpandMatchesLexer checks that Expand, which expands simple words
// itself, returns what buildkit's lexer returns, and that the words it
// expands itself are those it should.
func TestExpandMatchesLexer(t *testing.T) {
	env := newEnv()
	env.bindings["A"] = &Binding{Name: "A", Value: "x y", Set: true}
	env.bindings["B_2"] = &Binding{Name: "B_2", Value: "$A", Set: true}
	env.bindings["U"] = &Binding{Name: "U", Decl: &VarDecl{Name: "U"}} // declared without a value
	words := []string{
		"", "1.0", "/opt/app-1/bin", "a b", " lead", "trail ", "a=b", "{a}", "~/x", "*.go", "a,b;c|d&e", "(x)", "#x", "%x", "a\tb",
		"$A", "${A}", "$A$A", "x$A-y", "${B_2}z", "$B_2_", "$U", "${U}", "$NOPE/$NOPE/$A", "$", "a$", "$1", "$$", "$@", "$-", "${", "${A", "${A:-d}",
		"${A-}", "${}", "${1}", "$_x", "$é", "'a'", `"a"`, `a\b`, "a`b", "<<EOF", "a<b", "é", "\x00", "a\nb", "\xff",
	}
	for _, escape := range []byte{'\\', '`'} {
		f := &File{Escape: escape}
		for _, word := range words {
			res, err := f.lexer().ProcessWordWithMatches(word, env)
			var want []string
			for name := range res.Unmatched {
				want = append(want, name)
			}
			slices.Sort(want)
			got, unmatched, simple := expandSimple(word, env, escape)
			if !simple {
				continue
			}
			if err != nil || got != res.Result || !slices.Equal(unmatched, want) {
				t.Errorf("escape %q, word %q: expandSimple = %q, unmatched %q; the lexer returns %q, unmatched %q, error %v", escape, word, got, unmatched, res.Result, want, err)
			}
		}
	}
	for _, word := range []string{"$1", "${A:-d}", "'a'", `"a"`, `a\b`, "<<EOF", "é", "a\nb", "$", "${A"} {
		if _, _, simple := expandSimple(word, env, '\\'); simple {
			t.Errorf("expandSimple takes %q; want the lexer", word)
		}
	}
	for _, word := range []string{"/opt/app", "$A:${B_2}", "$NOPE"} {
		if _, _, simple := expandSimple(word, env, '\\'); !simple {
			t.Errorf("expandSimple leaves %q to the lexer", word)
		}
	}
}
