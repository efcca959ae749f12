package shell

import "testing"

// FuzzParse checks that Parse never panics and that every Span it returns
// lies inside the content and covers what its field names.
func FuzzParse(f *testing.F) {
	for _, src := range sanityInputs {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSanity(t, Parse([]byte(src), DetectDialect([]byte(src))))
	})
}
