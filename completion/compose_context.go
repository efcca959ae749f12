package completion

import (
	"bytes"
	"strings"

	"github.com/stackls/stackls/position"
)

// composeContext is the cursor's position in a compose file, read from the
// text around it rather than from the YAML tree, because the line being
// typed is often not valid YAML yet.
type composeContext struct {
	path     []string      // keys from the root to the mapping or list that holds the cursor; "[]" for list items
	key      string        // the key whose value is being typed; "" when typing a key
	item     bool          // the cursor is in a list item ("- ")
	word     position.Span // the partial word before the cursor, which a completion replaces
	indent   int           // the column of the key or item being typed
	siblings map[string]bool
	prefix   string // the text of the line before the cursor
}

// lineBounds returns the start of the line holding offset and its end.
func lineBounds(content []byte, offset int) (start, end int) {
	start = bytes.LastIndexByte(content[:offset], '\n') + 1
	end = offset + bytes.IndexByte(content[offset:], '\n')
	if end < offset {
		end = len(content)
	}
	return start, end
}

// lineInfo is the part of one line that completion reads: where its key
// or item starts, and the key it contains.
type lineInfo struct {
	blank    bool
	dash     int    // column of "- ", or -1
	keyStart int    // column of the first character after indentation and "- "
	key      string // the key before ": " or a final ":", or ""
	hasValue bool   // text follows the key's ":"
}

func parseLine(line string) lineInfo {
	line = strings.TrimRight(line, "\r")
	info := lineInfo{dash: -1}
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i == len(line) || line[i] == '#' {
		info.blank = true
		return info
	}
	if line[i] == '-' && (i+1 == len(line) || line[i+1] == ' ') {
		info.dash = i
		i++
		for i < len(line) && line[i] == ' ' {
			i++
		}
	}
	info.keyStart = i
	rest := line[i:]
	if colon := keyColon(rest); colon >= 0 {
		info.key = strings.Trim(rest[:colon], `"'`)
		info.hasValue = strings.TrimSpace(stripComment(rest[colon+1:])) != ""
	}
	return info
}

// keyColon returns the index of the ":" that ends a key at the start of
// text: followed by a space or the end of the line. It returns -1 when
// text does not start with a key.
func keyColon(text string) int {
	inQuote := byte(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inQuote != 0:
			if c == inQuote {
				inQuote = 0
			}
		case i == 0 && (c == '"' || c == '\''):
			inQuote = c
		case c == ':' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t'):
			return i
		case c == '#' && i > 0 && text[i-1] == ' ', c == '{', c == '[':
			return -1
		}
	}
	return -1
}

func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}

// readComposeContext reads the context of the cursor at offset.
func readComposeContext(content []byte, offset int) *composeContext {
	start, _ := lineBounds(content, offset)
	prefix := string(content[start:offset])
	cur := parseLine(prefix)
	ctx := &composeContext{prefix: prefix, item: cur.dash >= 0}
	ctx.indent = cur.keyStart
	if cur.blank {
		ctx.indent = len(prefix)
	}
	wordStart := start + cur.keyStart
	if cur.key != "" {
		ctx.key = cur.key
		colon := strings.Index(prefix[cur.keyStart:], ":")
		wordStart = start + cur.keyStart + colon + 1
		for wordStart < offset && content[wordStart] == ' ' {
			wordStart++
		}
	}
	if cur.blank {
		wordStart = offset
	}
	if wordStart > offset {
		wordStart = offset
	}
	ctx.word = position.Span{Start: wordStart, End: offset}
	ctx.path = parentPath(content, start, ctx.indent, cur.dash)
	ctx.siblings = siblingKeys(content, start, ctx.indent)
	return ctx
}

// parentPath walks up from the line that starts at lineStart and returns
// the keys that own a key or item at column indent. dash is the column of
// the line's own "- ", or -1.
func parentPath(content []byte, lineStart, indent, dash int) []string {
	var path []string
	target, inItem := indent, false // inItem: looking for the key that owns list items at column target
	if dash >= 0 {
		path = append(path, "[]")
		target, inItem = dash, true
	}
	for end := lineStart - 1; end > 0 && (target > 0 || inItem); {
		start := bytes.LastIndexByte(content[:end], '\n') + 1
		line := content[start:end]
		end = start - 1
		if leadingSpaces(line) > target {
			continue // deeper than any owner: parseLine would skip it too
		}
		info := parseLine(string(line))
		if info.blank {
			continue
		}
		if inItem {
			if info.key == "" || info.keyStart > target || info.dash >= target {
				continue // a sibling item or its content
			}
		} else {
			if info.dash >= 0 && info.dash < target && info.keyStart == target {
				path = append(path, "[]") // a key of the same list item as the cursor
				target, inItem = info.dash, true
				continue
			}
			if info.keyStart >= target {
				continue
			}
			if info.key == "" {
				if info.dash >= 0 {
					path = append(path, "[]")
					target, inItem = info.dash, true
				}
				continue
			}
		}
		path = append(path, info.key)
		target, inItem = info.keyStart, false
		if info.dash >= 0 {
			path = append(path, "[]")
			target, inItem = info.dash, true
		}
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path
}

// leadingSpaces returns the number of spaces that start line.
func leadingSpaces(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// nextLine returns the start of the line before (dir -1) or after (dir 1)
// the line that starts at lineStart, or -1 when there is none.
func nextLine(content []byte, lineStart, dir int) int {
	if dir < 0 {
		if lineStart == 0 {
			return -1
		}
		return bytes.LastIndexByte(content[:lineStart-1], '\n') + 1
	}
	end := bytes.IndexByte(content[lineStart:], '\n')
	if end < 0 {
		return -1
	}
	return lineStart + end + 1
}

// siblingKeys returns the keys written at column indent in the block
// around the line that starts at lineStart.
func siblingKeys(content []byte, lineStart, indent int) map[string]bool {
	keys := map[string]bool{}
	for _, dir := range []int{-1, 1} {
		for start := nextLine(content, lineStart, dir); start >= 0; start = nextLine(content, start, dir) {
			line := content[start:]
			if end := bytes.IndexByte(line, '\n'); end >= 0 {
				line = line[:end]
			}
			if leadingSpaces(line) > indent {
				continue // neither a sibling nor the end of the block
			}
			info := parseLine(string(line))
			if info.blank {
				continue
			}
			if info.keyStart < indent || info.dash >= 0 && info.keyStart == indent && dir < 0 {
				if info.dash >= 0 && info.keyStart == indent && info.key != "" {
					keys[info.key] = true
				}
				break
			}
			if info.keyStart == indent && info.dash < 0 && info.key != "" {
				keys[info.key] = true
			}
		}
	}
	return keys
}
