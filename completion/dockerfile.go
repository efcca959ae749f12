package completion

import (
	"context"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dockerfileCompletion returns the proposals at offset in a Dockerfile.
// Instructions are proposed at the start of an instruction only, never in a
// heredoc body or a continuation line. Elsewhere it proposes parser
// directives, flags and their values, stage names and variables in scope.
func dockerfileCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	if _, doc := df.HeredocAt(offset); doc != nil {
		return &List{}, nil
	}
	if dfInComment(df, offset) {
		return dfDirectiveCompletion(df, offset), nil
	}
	in := df.InstructionAt(offset)
	if in == nil {
		in = dfOpenInstructionBefore(df, offset)
	}
	if in == nil {
		return dfKeywordCompletion(df, nil, dfLineStartOffset(df.Content, offset), offset, opts), nil
	}
	i := in.LineIndex(offset)
	if i < 0 {
		return &List{}, nil // a comment or empty line inside the continuation
	}
	if i <= dfKeywordEnd(in) && offset <= in.KeywordSpan.End {
		return dfKeywordCompletion(df, in, in.KeywordSpan.Start, offset, opts), nil
	}
	return dfArgumentCompletion(df, in, i, offset, opts, snap.Index().BuildContexts(f.URI)), nil
}

// dfInComment reports whether offset is inside a comment line.
func dfInComment(df *dockerfile.File, offset int) bool {
	for _, c := range df.Comments {
		if c.Start < offset && offset <= c.End {
			return true
		}
	}
	for _, d := range df.Directives {
		if d.Span.Start < offset && offset <= d.Span.End {
			return true
		}
	}
	return false
}

// dfOpenInstructionBefore returns the instruction whose last line ends with
// the escape character just before offset, so that the line at offset
// continues it.
func dfOpenInstructionBefore(df *dockerfile.File, offset int) *dockerfile.Instruction {
	for i := len(df.Instructions) - 1; i >= 0; i-- {
		in := df.Instructions[i]
		if in.Span.End <= offset {
			if in.OpenEnd && strings.TrimSpace(string(df.Content[in.Span.End:offset])) == "" {
				return in
			}
			return nil
		}
	}
	return nil
}

// dfKeywordEnd returns the end of the keyword in Line.
func dfKeywordEnd(in *dockerfile.Instruction) int {
	return in.LineIndex(in.KeywordSpan.End)
}

func dfLineStartOffset(content []byte, offset int) int {
	for offset > 0 && content[offset-1] != '\n' {
		offset--
	}
	return offset
}

// dfKeywordCompletion proposes instructions for the keyword being typed from
// start to offset, and the parser directives at the top of the file.
func dfKeywordCompletion(df *dockerfile.File, in *dockerfile.Instruction, start, offset int, opts Options) *List {
	typed := strings.TrimLeft(string(df.Content[start:offset]), " \t")
	replace := position.Span{Start: offset - len(typed), End: offset}
	if in != nil {
		typed = in.Line[in.LineIndex(in.KeywordSpan.Start):in.LineIndex(offset)]
		replace = position.Span{Start: in.KeywordSpan.Start, End: max(offset, in.KeywordSpan.End)}
	}
	for _, r := range typed {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return &List{}
		}
	}
	list := &List{}
	lower := typed != "" && typed == strings.ToLower(typed)
	for _, kw := range dfKeywordOrder {
		if !strings.HasPrefix(kw, strings.ToUpper(typed)) {
			continue
		}
		list.Items = append(list.Items, dfKeywordItem(kw, replace, lower, opts))
	}
	if in == nil && dfBeforeInstructions(df, offset) {
		list.Items = append(list.Items, dfDirectiveItems(replace)...)
	}
	return list
}

// dfBeforeInstructions reports whether offset comes before every instruction
// and non-directive comment, where parser directives are still read.
func dfBeforeInstructions(df *dockerfile.File, offset int) bool {
	if len(df.Instructions) > 0 && df.Instructions[0].Span.Start < offset {
		return false
	}
	for _, c := range df.Comments {
		if c.Start < offset {
			return false
		}
	}
	return true
}

// dfKeywordItem returns the item of one instruction, as a snippet when the
// client takes snippets.
func dfKeywordItem(kw string, replace position.Span, lower bool, opts Options) *Item {
	label := kw
	if lower {
		label = strings.ToLower(kw)
	}
	item := &Item{Label: label, Kind: KindKeyword, Detail: dfKeywordDetail[kw], Documentation: hover.DockerfileInstructionDoc(kw),
		Edit: &position.TextEdit{Span: replace, NewText: label + " "}, FilterText: label}
	if snippet, ok := dfKeywordSnippets[kw]; ok && opts.Snippets {
		item.Kind = KindSnippet
		item.Snippet = true
		item.Edit.NewText = label + " " + snippet
	}
	return item
}

// dfDirectiveCompletion proposes parser directives inside a comment at the
// top of the file.
func dfDirectiveCompletion(df *dockerfile.File, offset int) *List {
	start := dfLineStartOffset(df.Content, offset)
	if start > df.BOM && !dfBeforeInstructions(df, start) {
		return &List{}
	}
	line := string(df.Content[max(start, df.BOM):offset])
	if strings.Contains(line, "=") {
		return &List{}
	}
	return &List{Items: dfDirectiveItems(position.Span{Start: max(start, df.BOM), End: offset})}
}

func dfDirectiveItems(replace position.Span) []*Item {
	var items []*Item
	for _, d := range []struct{ label, text, detail string }{
		{"# syntax=docker/dockerfile:1", "# syntax=docker/dockerfile:1", "parser directive: Dockerfile frontend"},
		{"# escape=`", "# escape=`", "parser directive: backtick as escape character"},
		{"# check=skip=", "# check=skip=", "parser directive: build check configuration"},
		{"# check=error=true", "# check=error=true", "parser directive: fail the build on check warnings"},
	} {
		items = append(items, &Item{Label: d.label, Kind: KindKeyword, Detail: d.detail, SortText: "~" + d.label,
			Edit: &position.TextEdit{Span: replace, NewText: d.text}})
	}
	return items
}
