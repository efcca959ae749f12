package makefile

import "testing"

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.input)
	}
	f.Add("\t\t\n  \\\n\\")
	f.Add("a: b ; $(\nc:")
	f.Fuzz(func(t *testing.T, input string) {
		file := Parse([]byte(input))
		checkSpans(t, file)
	})
}
