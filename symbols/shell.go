package symbols

import (
	"context"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// maxSymbolDetail bounds the value a variable symbol shows, in bytes.
const maxSymbolDetail = 40

// shellSymbols returns the outline of a shell file: its functions and the
// variables it assigns outside them, each variable once at its first
// assignment, in source order.
func shellSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	model := f.Shell()
	if model == nil {
		return nil, nil
	}
	var out []*Symbol
	for _, fn := range model.Functions {
		out = append(out, &Symbol{Name: fn.Name, Detail: "function", Kind: KindFunction, Span: fn.Span, SelectionSpan: fn.NameSpan})
	}
	seen := map[string]bool{}
	for _, d := range model.VarDefs {
		if seen[d.Name] || insideFunction(model, d.Span.Start) {
			continue
		}
		seen[d.Name] = true
		span := d.Span
		if d.Value != nil && d.Value.Span.End > span.End {
			span.End = d.Value.Span.End
		}
		out = append(out, &Symbol{Name: d.Name, Detail: shellVarDetail(model, d), Kind: KindVariable, Span: span, SelectionSpan: d.Span})
	}
	sortSymbols(out)
	return out, nil
}

// insideFunction reports whether offset lies in a function's body.
func insideFunction(model *shell.File, offset int) bool {
	for _, fn := range model.Functions {
		if fn.Span.Start <= offset && offset < fn.Span.End {
			return true
		}
	}
	return false
}

// shellVarDetail returns the value an assignment gives, as written and cut to
// maxSymbolDetail bytes; "" for a name that looks secret or no value.
func shellVarDetail(model *shell.File, d *shell.VarRef) string {
	if d.Value == nil || workspace.LooksSecret(d.Name) {
		return ""
	}
	text := strings.TrimSpace(string(model.Content[d.Value.Span.Start:d.Value.Span.End]))
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		text = text[:i] + "…"
	}
	if len(text) > maxSymbolDetail {
		cut := maxSymbolDetail
		for cut > 0 && text[cut]&0xc0 == 0x80 {
			cut-- // keep whole UTF-8 sequences
		}
		text = text[:cut] + "…"
	}
	return text
}

// sortSymbols orders symbols by their start.
func sortSymbols(list []*Symbol) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].Span.Start < list[j-1].Span.Start; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

// shellFolding returns the folding ranges of a shell file: functions,
// compound commands, here-document bodies and runs of comment lines. A
// range ends on the line before the keyword or brace that closes it, so
// that the closing line stays visible.
func shellFolding(ctx context.Context, f *workspace.File) ([]FoldingRange, error) {
	model := f.Shell()
	if model == nil {
		return nil, nil
	}
	var ranges []FoldingRange
	for _, span := range compoundSpans(model) {
		if r, ok := foldBefore(model.Content, span); ok {
			ranges = append(ranges, FoldingRange{Span: r})
		}
	}
	for _, doc := range model.Heredocs {
		if body := doc.Body; body.Len() > 0 && strings.Contains(string(model.Content[body.Start:body.End]), "\n") {
			ranges = append(ranges, FoldingRange{Span: position.Span{Start: body.Start, End: body.End - 1}})
		}
	}
	return append(ranges, shellCommentBlocks(model.Content)...), nil
}

// foldBefore returns span ended at the line break before its last line,
// and false when that leaves a single line.
func foldBefore(content []byte, span position.Span) (position.Span, bool) {
	if !span.Valid() || span.End > len(content) {
		return span, false
	}
	last := strings.LastIndexByte(string(content[span.Start:span.End]), '\n')
	if last <= 0 {
		return span, false
	}
	end := span.Start + last
	if end > span.Start && content[end-1] == '\r' {
		end--
	}
	inner := string(content[span.Start:end])
	return position.Span{Start: span.Start, End: end}, strings.Contains(inner, "\n")
}

// shellCommentBlocks returns the runs of two or more "#" comment lines in
// a row, leaving out the "#!" line.
func shellCommentBlocks(content []byte) []FoldingRange {
	var ranges []FoldingRange
	start, end, count := -1, 0, 0
	flush := func() {
		if count >= 2 {
			ranges = append(ranges, FoldingRange{Span: position.Span{Start: start, End: end}, Kind: "comment"})
		}
		start, count = -1, 0
	}
	offset := 0
	for _, line := range strings.SplitAfter(string(content), "\n") {
		text := strings.TrimSpace(line)
		if strings.HasPrefix(text, "#") && !(offset == 0 && strings.HasPrefix(text, "#!")) {
			if start < 0 {
				start = offset + strings.Index(line, "#")
			}
			end = offset + len(strings.TrimRight(line, "\r\n"))
			count++
		} else {
			flush()
		}
		offset += len(line)
	}
	flush()
	return ranges
}
