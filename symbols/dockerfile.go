package symbols

import (
	"context"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dockerfileSymbols returns the outline of a Dockerfile: the global ARGs,
// then one symbol per stage with its instructions as children.
func dockerfileSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	df := f.Dockerfile()
	if df == nil {
		return []*Symbol{}, nil
	}
	outline := []*Symbol{}
	for _, in := range df.Instructions {
		if in.Stage < 0 {
			outline = append(outline, dfInstructionSymbol(df, in))
		}
	}
	for _, st := range df.Stages {
		name, selection := st.Name, st.NameSpan
		if name == "" {
			name, selection = st.Image, st.ImageSpan
		}
		if name == "" {
			name, selection = "FROM", st.From.KeywordSpan
		}
		sym := &Symbol{Name: name, Detail: "FROM " + st.Image, Kind: KindClass, Span: st.Span, SelectionSpan: selection}
		for _, in := range st.Instructions {
			sym.Children = append(sym.Children, dfInstructionSymbol(df, in))
		}
		outline = append(outline, sym)
	}
	return outline, nil
}

// dfMaxDetail caps the argument text shown next to an instruction.
const dfMaxDetail = 60

// dfInstructionSymbol returns the symbol of one instruction: its keyword,
// with its arguments as detail.
func dfInstructionSymbol(df *dockerfile.File, in *dockerfile.Instruction) *Symbol {
	detail := strings.Join(strings.Fields(in.ArgsText()), " ")
	if len(detail) > dfMaxDetail {
		detail = detail[:dfMaxDetail] + "…"
	}
	kind := KindFunction
	switch in.Keyword {
	case "ARG", "ENV":
		kind = KindVariable
	case "LABEL":
		kind = KindProperty
	case "FROM":
		kind = KindModule
	}
	name := in.Keyword
	if name == "" {
		name = "?"
	}
	return &Symbol{Name: name, Detail: detail, Kind: kind, Span: in.Span, SelectionSpan: in.KeywordSpan}
}

// dockerfileFolding returns the folding ranges of a Dockerfile: stages,
// instructions over several lines, heredoc bodies with their terminator,
// and comment blocks.
func dockerfileFolding(ctx context.Context, f *workspace.File) ([]FoldingRange, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	var ranges []FoldingRange
	multiLine := func(span position.Span) bool {
		return span.Len() > 0 && strings.Contains(string(df.Content[span.Start:span.End]), "\n")
	}
	for _, st := range df.Stages {
		if multiLine(st.Span) {
			ranges = append(ranges, FoldingRange{Span: st.Span, Kind: "region"})
		}
	}
	for _, in := range df.Instructions {
		if multiLine(in.Span) {
			ranges = append(ranges, FoldingRange{Span: in.Span})
		}
		for _, doc := range in.Heredocs {
			body := position.Span{Start: doc.BodySpan.Start, End: doc.EndSpan.End}
			if multiLine(body) {
				ranges = append(ranges, FoldingRange{Span: body})
			}
		}
	}
	return append(ranges, dfCommentBlocks(df)...), nil
}

// dfCommentBlocks returns the runs of two or more comment lines in a row.
func dfCommentBlocks(df *dockerfile.File) []FoldingRange {
	var ranges []FoldingRange
	for i := 0; i < len(df.Comments); {
		j := i
		for j+1 < len(df.Comments) && dfOnlyBlankBetween(df.Content, df.Comments[j].End, df.Comments[j+1].Start) {
			j++
		}
		if j > i {
			ranges = append(ranges, FoldingRange{Span: position.Span{Start: df.Comments[i].Start, End: df.Comments[j].End}, Kind: "comment"})
		}
		i = j + 1
	}
	return ranges
}

// dfOnlyBlankBetween reports whether content[from:to] is one line end with
// blanks, so the two comments are on consecutive lines.
func dfOnlyBlankBetween(content []byte, from, to int) bool {
	between := string(content[from:to])
	return strings.Count(between, "\n") == 1 && strings.TrimSpace(between) == ""
}
