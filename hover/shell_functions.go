package hover

import (
	"fmt"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// functionHover describes the function whose name is at offset, in its
// definition or in a call: where it is defined, the comment lines right
// above it, and how many commands call it.
func functionHover(f *workspace.File, model *shell.File, offset int) *Result {
	fn, span := workspace.ScriptFunctionAt(model, offset)
	if fn == nil {
		return nil
	}
	m := f.Mapper()
	line := m.OffsetLine(fn.NameSpan.Start)
	var b strings.Builder
	fmt.Fprintf(&b, "**function `%s`** defined at line %d", fn.Name, line+1)
	calls := 0
	for _, cmd := range model.Commands {
		if cmd.Name != nil && !cmd.Name.Dynamic && cmd.Name.Literal == fn.Name {
			calls++
		}
	}
	fmt.Fprintf(&b, ", called %d %s", calls, plural(calls, "time", "times"))
	if doc := commentAbove(f.Content, m, line); doc != "" {
		b.WriteString("\n\n" + doc)
	}
	first, err := m.LineSpan(line)
	if err == nil {
		b.WriteString("\n\n```sh\n" + strings.TrimSpace(string(f.Content[first.Start:first.End])) + "\n```")
	}
	return &Result{Markdown: b.String(), Span: span}
}

// commentAbove returns the text of the "#" comment lines right above line,
// without the "#" marks, joined with spaces.
func commentAbove(content []byte, m *position.Mapper, line int) string {
	var parts []string
	for l := line - 1; l >= 0; l-- {
		span, err := m.LineSpan(l)
		if err != nil {
			break
		}
		text := strings.TrimSpace(string(content[span.Start:span.End]))
		if !strings.HasPrefix(text, "#") || strings.HasPrefix(text, "#!") {
			break
		}
		parts = append([]string{strings.TrimSpace(strings.TrimLeft(text, "#"))}, parts...)
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}
