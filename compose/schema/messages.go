package schema

import (
	"fmt"
	"sort"
	"strings"

	"strconv"
)

// sections names the things that live under each top-level key.
var sections = map[string]string{
	"services": "service",
	"networks": "network",
	"volumes":  "volume",
	"secrets":  "secret",
	"configs":  "config",
	"models":   "model",
	"jobs":     "job",
}

// owner describes the mapping at path for a message: "a service property",
// "a top-level key", "a property of `build`".
func owner(path []string) string {
	switch {
	case len(path) == 0:
		return "a top-level key"
	case len(path) == 2 && sections[path[0]] != "":
		return "a " + sections[path[0]] + " property"
	}
	last := path[len(path)-1]
	for i := len(path) - 1; i >= 0 && isIndex(path[i]); i-- {
		last = path[i]
		if i > 0 {
			last = path[i-1]
		}
	}
	return fmt.Sprintf("a property of `%s`", last)
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// schemaPath turns an instance path into a schema path, with "[]" for list
// indexes and the names of services and resources kept as keys.
func schemaPath(path []string) []string {
	out := make([]string, len(path))
	for i, p := range path {
		if isIndex(p) {
			out[i] = "[]"
		} else {
			out[i] = p
		}
	}
	return out
}

func unknownPropertyMessage(parent []string, name, suggestion string) string {
	msg := fmt.Sprintf("`%s` is not %s", name, owner(parent))
	if suggestion != "" {
		msg += fmt.Sprintf("; did you mean `%s`?", suggestion)
	}
	return msg
}

// closest returns the property name nearest to name by edit distance, when
// it is near enough to be a likely typo.
func closest(name string, props []Property) string {
	best, bestDist := "", len(name)/2+1
	for _, p := range props {
		if d := editDistance(name, p.Name); d < bestDist || d == bestDist && best == "" && d <= 2 {
			best, bestDist = p.Name, d
		}
	}
	if bestDist > 3 {
		return ""
	}
	return best
}

// editDistance returns the Damerau-Levenshtein distance (with adjacent
// transpositions) between a and b, in bytes.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func requiredMessage(path []string, missing []string) string {
	quoted := make([]string, len(missing))
	for i, m := range missing {
		quoted[i] = "`" + m + "`"
	}
	return fmt.Sprintf("%s is missing the required %s %s", displayName(path), plural(len(missing), "property", "properties"), strings.Join(quoted, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// displayName names the value at path for a message.
func displayName(path []string) string {
	switch {
	case len(path) == 0:
		return "the compose file"
	case len(path) == 2 && sections[path[0]] != "":
		return fmt.Sprintf("%s `%s`", sections[path[0]], path[1])
	case isIndex(path[len(path)-1]) && len(path) > 1:
		return fmt.Sprintf("entry %s of `%s`", path[len(path)-1], path[len(path)-2])
	}
	return "`" + path[len(path)-1] + "`"
}

// typeNames are the YAML words for JSON types.
var typeNames = map[string]string{
	"object":  "a mapping",
	"array":   "a list",
	"string":  "a string",
	"integer": "an integer",
	"number":  "a number",
	"boolean": "a boolean",
	"null":    "empty",
}

func typeMessage(path []string, got string, want []string) string {
	var names []string
	seen := map[string]bool{}
	for _, w := range want {
		if name := typeNames[w]; name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	sort.Strings(names)
	expected := strings.Join(names, " or ")
	if len(names) > 2 {
		expected = strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	return fmt.Sprintf("%s must be %s, not %s", displayName(path), expected, typeNames[got])
}

func valueMessage(path []string, value any, e *violation) string {
	shown := fmt.Sprint(value)
	switch e.Kind {
	case violationEnum:
		return fmt.Sprintf("`%s` is not a valid value of %s; expected one of: %s", shown, displayName(path), joinValues(e.Enum))
	case violationPattern:
		if words := patternWords(e.Pattern); len(words) > 0 {
			return fmt.Sprintf("`%s` is not a valid value of %s; expected one of: %s", shown, displayName(path), strings.Join(words, ", "))
		}
		return fmt.Sprintf("`%s` is not a valid value of %s: it must match %s", shown, displayName(path), e.Pattern)
	case violationMinimum:
		return fmt.Sprintf("`%s` is too small for %s: the minimum is %s", shown, displayName(path), formatLimit(e.Limit))
	case violationMaximum:
		return fmt.Sprintf("`%s` is too large for %s: the maximum is %s", shown, displayName(path), formatLimit(e.Limit))
	}
	return fmt.Sprintf("`%s` is not a valid value of %s", shown, displayName(path))
}

func formatLimit(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func joinValues(values []any) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, ", ")
}

func otherMessage(path []string, e *violation) string {
	switch e.Kind {
	case violationUnique:
		return fmt.Sprintf("%s must not repeat an entry: entries %d and %d are equal", displayName(path), e.Pair[0], e.Pair[1])
	case violationOneOfMany:
		return fmt.Sprintf("%s fits more than one of the forms the schema allows (%d and %d), and must fit exactly one", displayName(path), e.Pair[0], e.Pair[1])
	case violationNotNumber:
		return fmt.Sprintf("%s is not a number that JSON can represent", displayName(path))
	}
	return fmt.Sprintf("%s does not match the compose-spec schema", displayName(path))
}
