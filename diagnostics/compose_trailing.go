package diagnostics

import (
	"bytes"

	"gopkg.in/yaml.v3"

	"github.com/stackls/stackls/position"
)

// trailingText reports the first line of text after the end of the
// document's top-level mapping, other than comments and a new document
// marker. gopkg.in/yaml.v3 ends the mapping there without an error, for
// example when the first key is indented and the next is not, and drops
// the rest; YAML and Compose reject such a file.
func (c *composeCheck) trailingText() {
	root := c.model.Root
	if root == nil || root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || len(c.model.Errors) > 0 {
		return // a file with syntax errors is modelled from a repaired copy
	}
	content := c.model.Content
	offset := c.model.NodeSpan(root).End
	for offset < len(content) {
		end := bytes.IndexByte(content[offset:], '\n')
		if end < 0 {
			end = len(content)
		} else {
			end += offset
		}
		raw := content[offset:end]
		line := bytes.TrimSpace(raw)
		start := offset + len(raw) - len(bytes.TrimLeft(raw, " \t"))
		switch {
		case len(line) == 0, line[0] == '#':
		case bytes.HasPrefix(line, []byte("---")), bytes.HasPrefix(line, []byte("...")):
			return // another document, which this check does not read
		default:
			c.add(composeRuleYAMLSyntax.diag(position.Span{Start: start, End: start + len(line)},
				"the top-level mapping ended before this line, so YAML rejects it; start every top-level key in the same column"))
			return
		}
		offset = end + 1
	}
}
