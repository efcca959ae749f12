package runner

import (
	"regexp"
	"strings"
)

// Method is an LSP request that the scenario times.
type Method string

// The timed request methods, in report order.
const (
	Hover      Method = "hover"
	Definition Method = "definition"
	Completion Method = "completion"
	References Method = "references"
)

// Methods lists the timed request methods in report order.
var Methods = []Method{Hover, Definition, Completion, References}

// lspMethod returns the JSON-RPC method name of m.
func (m Method) lspMethod() string { return "textDocument/" + string(m) }

// capability returns the server capability that announces m.
func (m Method) capability() string { return string(m) + "Provider" }

// pattern finds probe offsets by text search: each match of re gives the
// start offset of its first capture group, which may be empty.
type pattern struct {
	re *regexp.Regexp
}

func p(expr string) pattern { return pattern{regexp.MustCompile(expr)} }

// maxMatchesPerPattern bounds the work of a pattern on a long file.
const maxMatchesPerPattern = 20000

// offsets returns the offsets of the pattern's first group in content.
func (pt pattern) offsets(content string) []int {
	var out []int
	for _, m := range pt.re.FindAllStringSubmatchIndex(content, maxMatchesPerPattern) {
		if len(m) >= 4 && m[2] >= 0 {
			out = append(out, m[2])
		}
	}
	return out
}

// spread returns at most n values of sorted, evenly spaced from the first
// to the last, so that a long file is probed at its start, middle and end.
func spread(sorted []int, n int) []int {
	if len(sorted) <= n {
		return sorted
	}
	out := make([]int, n)
	for i := range n {
		out[i] = sorted[i*(len(sorted)-1)/(n-1)]
	}
	return out
}

// probeOffsets runs the patterns over content and returns at most n
// offsets per pattern, interleaved so that consecutive requests alternate
// between patterns.
func probeOffsets(content string, patterns []pattern, n int) []int {
	var lists [][]int
	for _, pt := range patterns {
		if found := spread(pt.offsets(content), n); len(found) > 0 {
			lists = append(lists, found)
		}
	}
	var out []int
	for i := 0; ; i++ {
		added := false
		for _, list := range lists {
			if i < len(list) {
				out = append(out, list[i])
				added = true
			}
		}
		if !added {
			return out
		}
	}
}

// composeServices returns the offset of each service key in a compose
// file: the keys one level under the top-level "services:" key.
func composeServices(content string) map[string]int {
	services := map[string]int{}
	inServices := false
	indent := -1
	offset := 0
	for _, line := range strings.SplitAfter(content, "\n") {
		start := offset
		offset += len(line)
		text := strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimLeft(text, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		depth := len(text) - len(trimmed)
		if depth == 0 {
			inServices = strings.HasPrefix(text, "services:")
			continue
		}
		if !inServices {
			continue
		}
		if indent < 0 {
			indent = depth
		}
		if depth != indent {
			continue
		}
		name, _, ok := strings.Cut(trimmed, ":")
		name = strings.Trim(name, `"'`)
		if ok && name != "" {
			services[name] = start + depth + strings.Index(trimmed, name)
		}
	}
	return services
}

// hostOffsets returns the offsets of the words of content that are in
// names. A word is a maximal run of letters, digits, '_', '-' and '.', so
// "mariadb" is found in "mariadb:3306" and "-h mariadb" but not in
// "mariadb.example" or "${mariadb}".
func hostOffsets(content string, names map[string]bool) []int {
	var out []int
	for i := 0; i < len(content); {
		if !hostChar(content[i]) {
			i++
			continue
		}
		start := i
		for i < len(content) && hostChar(content[i]) {
			i++
		}
		if names[content[start:i]] && hostContext(content, start, i) {
			out = append(out, start)
		}
	}
	return out
}

// hostContext reports whether the word at content[start:end] is in the
// position of a host name: after a space, "=", "@" or "//", and before ":" and a
// digit, a space, "/" after "//", or the end of the line; never inside a
// path, a variable name or a comment.
func hostContext(content string, start, end int) bool {
	lineStart := strings.LastIndexByte(content[:start], '\n') + 1
	if strings.HasPrefix(strings.TrimLeft(content[lineStart:start], " \t"), "#") {
		return false
	}
	afterScheme := strings.HasSuffix(content[:start], "//")
	if start > 0 && !afterScheme {
		switch content[start-1] {
		case ' ', '\t', '=', '@', '"', '\'':
		default:
			return false
		}
	}
	if end == len(content) {
		return true
	}
	switch next := content[end]; {
	case next == ':':
		return end+1 < len(content) && content[end+1] >= '0' && content[end+1] <= '9'
	case next == '/':
		return afterScheme
	default:
		return next == ' ' || next == '\t' || next == '\n' || next == '"' || next == ';' || next == '\''
	}
}

func hostChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}
