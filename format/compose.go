package format

import (
	"bytes"
	"context"
	"reflect"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
	"gopkg.in/yaml.v3"
)

// composeFormat returns the edits that format a compose file, or the lines
// that span touches: each nesting level of block mappings and lists
// indented by one step, lists indented under their key, and no blanks at
// line ends. The step is the one the file already uses for its first
// nested key. A file without one gets the client's tab size, or 2 when
// that is not between 1 and 8. It only changes blank space, so
// comments and key order stay, and it returns no edit when the file has a
// syntax error or when the result would not decode to the same values.
func composeFormat(ctx context.Context, f *workspace.File, opts Options, span *position.Span) ([]position.TextEdit, error) {
	model := f.Compose()
	if model == nil || model.Root == nil || len(model.Errors) > 0 {
		return nil, nil
	}
	size := fileIndentStep(model)
	if size == 0 {
		size = opts.TabSize
	}
	if size < 1 || size > 8 {
		size = 2
	}
	fm := newComposeFormatter(model, size)
	fm.walk(model.Root, 0)
	edits := fm.edits()
	if len(edits) == 0 || ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if !sameMeaning(model.Content, edits) {
		return nil, nil
	}
	if span != nil {
		edits = editsInLines(model, edits, *span)
	}
	return edits, nil
}

// fileIndentStep returns the indentation of the first key nested in a
// top-level mapping, or 0 when there is none.
func fileIndentStep(model *compose.File) int {
	for i := 1; i < len(model.Root.Content); i += 2 {
		value := model.Root.Content[i]
		if value.Kind == yaml.MappingNode && value.Style&yaml.FlowStyle == 0 && len(value.Content) > 0 {
			return value.Content[0].Column - 1
		}
	}
	return 0
}

// composeFormatter computes the indentation each line should have.
type composeFormatter struct {
	model     *compose.File
	size      int
	lines     []lineInfo
	desired   map[int]int  // line -> indentation of the node that starts it
	protected map[int]bool // lines inside a block or multi-line quoted scalar
}

type lineInfo struct {
	start, end int // end excludes "\r\n" or "\n"
	indent     int
	blank      bool
	comment    bool
}

func newComposeFormatter(model *compose.File, size int) *composeFormatter {
	fm := &composeFormatter{model: model, size: size, desired: map[int]int{}, protected: map[int]bool{}}
	content := model.Content
	for off := 0; off <= len(content); {
		end := bytes.IndexByte(content[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(content)-off, len(content)+1
		}
		lineEnd := off + end
		if lineEnd > off && content[lineEnd-1] == '\r' {
			lineEnd--
		}
		text := content[off:lineEnd]
		trimmed := bytes.TrimLeft(text, " ")
		fm.lines = append(fm.lines, lineInfo{start: off, end: lineEnd, indent: len(text) - len(trimmed),
			blank: len(bytes.TrimSpace(text)) == 0, comment: bytes.HasPrefix(trimmed, []byte("#"))})
		off = next
	}
	return fm
}

// place records that the node starting at offset should start at column
// indent, when it is the first token of its line.
func (fm *composeFormatter) place(offset, indent int) {
	line := fm.model.Line(offset)
	if line < len(fm.lines) && fm.lines[line].start+fm.lines[line].indent == offset {
		fm.desired[line] = indent
	}
}

func (fm *composeFormatter) walk(n *yaml.Node, indent int) {
	if n == nil || n.Style&yaml.FlowStyle != 0 {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i], n.Content[i+1]
			fm.place(fm.model.NodeSpan(key).Start, indent)
			fm.walk(value, indent+fm.size)
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			itemStart := fm.model.NodeSpan(item).Start
			line := fm.model.Line(itemStart)
			if line < len(fm.lines) {
				dash := fm.lines[line].start + fm.lines[line].indent
				if dash < itemStart && fm.model.Content[dash] == '-' {
					fm.place(dash, indent)
				}
			}
			fm.walk(item, indent+2)
		}
	case yaml.ScalarNode:
		fm.protect(n)
	}
}

// protect marks the lines after the first of a scalar that spans lines.
func (fm *composeFormatter) protect(n *yaml.Node) {
	span := fm.model.NodeSpan(n)
	first, last := fm.model.Line(span.Start), fm.model.Line(span.End)
	for line := first + 1; line <= last; line++ {
		fm.protected[line] = true
	}
}

// edits returns one edit per line whose indentation or line end changes.
// A line that starts no node, such as the body of a block scalar, moves
// with the line before it. A comment lines up with the node after it.
func (fm *composeFormatter) edits() []position.TextEdit {
	var edits []position.TextEdit
	delta := 0
	for i, line := range fm.lines {
		if line.blank {
			if !fm.protected[i] && line.end > line.start {
				edits = append(edits, position.TextEdit{Span: position.Span{Start: line.start, End: line.end}})
			}
			continue
		}
		want, placed := fm.desired[i]
		switch {
		case placed:
			delta = want - line.indent
		case line.comment && !fm.protected[i]:
			if want, placed = fm.nextPlaced(i); !placed {
				want = line.indent + delta
			}
		default:
			want = line.indent + delta
		}
		if want < 0 {
			return nil
		}
		if want != line.indent {
			edits = append(edits, position.TextEdit{Span: position.Span{Start: line.start, End: line.start + line.indent}, NewText: strings.Repeat(" ", want)})
		}
		if !fm.protected[i] {
			end := line.end
			for end > line.start+line.indent && (fm.model.Content[end-1] == ' ' || fm.model.Content[end-1] == '\t') {
				end--
			}
			if end < line.end {
				edits = append(edits, position.TextEdit{Span: position.Span{Start: end, End: line.end}})
			}
		}
	}
	return edits
}

// nextPlaced returns the indentation wanted for the next line after i that
// starts a node, so that a comment lines up with what it describes.
func (fm *composeFormatter) nextPlaced(i int) (int, bool) {
	for j := i + 1; j < len(fm.lines); j++ {
		if want, ok := fm.desired[j]; ok {
			return want, true
		}
		if !fm.lines[j].blank && !fm.lines[j].comment {
			return 0, false
		}
	}
	return 0, false
}

// sameMeaning reports whether content after edits decodes to the same
// values as before.
func sameMeaning(content []byte, edits []position.TextEdit) bool {
	after, err := position.ApplyEdits(content, edits)
	if err != nil {
		return false
	}
	var before, formatted any
	if yaml.Unmarshal(content, &before) != nil || yaml.Unmarshal(after, &formatted) != nil {
		return false
	}
	return reflect.DeepEqual(before, formatted)
}

// editsInLines keeps the edits on the lines that span touches.
func editsInLines(model *compose.File, edits []position.TextEdit, span position.Span) []position.TextEdit {
	first, last := model.Line(span.Start), model.Line(span.End)
	var kept []position.TextEdit
	for _, e := range edits {
		if line := model.Line(e.Span.Start); line >= first && line <= last {
			kept = append(kept, e)
		}
	}
	return kept
}
