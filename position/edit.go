package position

import (
	"fmt"
	"sort"
	"strings"
)

// Change is one content change of an LSP didChange notification: the text
// in Range is replaced by Text, or, when Range is nil, the whole content is.
type Change struct {
	Range *Range
	Text  string
}

// ApplyChanges applies changes in order to content and returns the new
// content. Each Range is read against the content that the changes before
// it produced, as the LSP specification requires.
func ApplyChanges(content []byte, changes []Change, enc Encoding) ([]byte, error) {
	for i, change := range changes {
		if change.Range == nil {
			content = []byte(change.Text)
			continue
		}
		span, err := NewMapper(content).RangeSpan(*change.Range, enc)
		if err != nil {
			return nil, fmt.Errorf("content change %d: %w", i, err)
		}
		var b strings.Builder
		b.Grow(len(content) - span.Len() + len(change.Text))
		b.Write(content[:span.Start])
		b.WriteString(change.Text)
		b.Write(content[span.End:])
		content = []byte(b.String())
	}
	return content, nil
}

// ApplyEdits applies non-overlapping edits to content and returns the
// result. Edits may come in any order.
func ApplyEdits(content []byte, edits []TextEdit) ([]byte, error) {
	sorted := append([]TextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Span.Start < sorted[j].Span.Start })
	var b strings.Builder
	last := 0
	for _, edit := range sorted {
		if !edit.Span.Valid() || edit.Span.Start < last || edit.Span.End > len(content) {
			return nil, fmt.Errorf("edit %v overlaps another or lies outside %d bytes: %w", edit.Span, len(content), ErrOutOfRange)
		}
		b.Write(content[last:edit.Span.Start])
		b.WriteString(edit.NewText)
		last = edit.Span.End
	}
	b.Write(content[last:])
	return []byte(b.String()), nil
}
