package dockerfile

import (
	"slices"
	"sort"
	"strings"
)

// Expand expands the variables of word with env as buildkit does, and
// returns the result and the names it could not resolve.
func (f *File) Expand(word string, env *Env) (string, []string) {
	if result, unmatched, ok := expandSimple(word, env, f.Escape); ok {
		return result, unmatched
	}
	res, err := f.lexer().ProcessWordWithMatches(word, env)
	if err != nil {
		return word, nil
	}
	var unmatched []string
	for name := range res.Unmatched {
		unmatched = append(unmatched, name)
	}
	sort.Strings(unmatched)
	return res.Result, unmatched
}

// expandSimple expands word as buildkit's lexer does when word is
// printable ASCII without quotes, heredocs or the escape character, and
// its variables are $NAME or ${NAME} with no modifier. It reports false
// for any other word, which the lexer must expand.
func expandSimple(word string, env *Env, escape byte) (string, []string, bool) {
	if strings.IndexByte(word, '$') < 0 {
		return word, nil, isPlainWord(word, escape, false)
	}
	if !isPlainWord(word, escape, true) {
		return "", nil, false
	}
	var b strings.Builder
	var unmatched []string
	for i := 0; i < len(word); {
		if word[i] != '$' {
			j := i + 1
			for j < len(word) && word[j] != '$' {
				j++
			}
			b.WriteString(word[i:j])
			i = j
			continue
		}
		name, next := simpleRef(word, i)
		if name == "" {
			return "", nil, false
		}
		if value, ok := env.Get(name); ok {
			b.WriteString(value)
		} else if !slices.Contains(unmatched, name) {
			unmatched = append(unmatched, name)
		}
		i = next
	}
	sort.Strings(unmatched)
	return b.String(), unmatched, true
}

// simpleRef reads the reference $NAME or ${NAME} at word[at], where NAME
// starts with a letter or "_", and returns the name and the offset after
// the reference. It returns "" for any other use of "$".
func simpleRef(word string, at int) (string, int) {
	i := at + 1
	braced := i < len(word) && word[i] == '{'
	if braced {
		i++
	}
	start := i
	for i < len(word) && isNameByte(word[i], i == start) {
		i++
	}
	if i == start {
		return "", 0
	}
	if braced {
		if i == len(word) || word[i] != '}' {
			return "", 0
		}
		return word[start:i], i + 1
	}
	return word[start:i], i
}

// isPlainWord reports whether word is printable ASCII without a quote, a
// heredoc or the escape character, and with a "$" only when dollar is set.
// buildkit's lexer returns such a word without "$" unchanged.
func isPlainWord(word string, escape byte, dollar bool) bool {
	for i := 0; i < len(word); i++ {
		switch b := word[i]; {
		case b < ' ' || b > '~', b == escape:
			return false
		case b == '\'' || b == '"' || b == '<', b == '$' && !dollar:
			return false
		}
	}
	return true
}
