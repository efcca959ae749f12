package workspace

import "strings"

// secretWords are the parts, in upper case, of a variable name that mark
// it as holding a secret. "PASS" also covers PASSWORD and PASSWD.
var secretWords = []string{"PASS", "SECRET", "TOKEN", "KEY", "CREDENTIAL"}

// HiddenValue is the text that a symbol or completion detail shows in
// place of the value of a variable whose name LooksSecret.
const HiddenValue = "(set, value hidden)"

// LooksSecret reports whether a variable name looks like it holds a
// secret: it contains PASS (PASSWORD, PASSWD), SECRET, TOKEN, KEY or
// CREDENTIAL, in any case. No hover, symbol, completion or log shows the
// value of such a variable, only that it is set.
func LooksSecret(name string) bool {
	upper := strings.ToUpper(name)
	for _, word := range secretWords {
		if strings.Contains(upper, word) {
			return true
		}
	}
	return false
}
