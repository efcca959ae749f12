package dockerfile

import (
	"regexp"
	"testing"
)

// TestContinuationAtMatchesPattern checks continuationAt against the
// regular expression it replaces, on lines with blanks, CR, doubled
// escapes, non-ASCII runes and invalid UTF-8 before the escape.
func TestContinuationAtMatchesPattern(t *testing.T) {
	lines := []string{
		"", " ", "\\", "\\ ", " \\", "a\\", "a\\ \t ", "a\\\\", "a\\\\ ", "\\\\", "a\\\r",
		"a \\", "é\\", "\xff\\", "a\\b", "a`", "a``", "`", "` \t", "é`", "RUN echo hi \\  ",
	}
	for _, escape := range []byte{'\\', '`'} {
		e := regexp.QuoteMeta(string(escape))
		pattern := regexp.MustCompile(`([^` + e + `])` + e + `[ \t]*$|^` + e + `[ \t]*$`)
		for _, line := range lines {
			wantAt, wantOK := 0, false
			if m := pattern.FindSubmatchIndex([]byte(line)); m != nil {
				wantOK = true
				if m[2] >= 0 {
					wantAt = m[3]
				}
			}
			at, ok := continuationAt([]byte(line), escape)
			if ok != wantOK || at != wantAt {
				t.Errorf("escape %q, line %q: got (%d, %v), want (%d, %v)", escape, line, at, ok, wantAt, wantOK)
			}
		}
	}
}
