package format

import (
	"context"
	"sort"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dockerfileFormat returns the edits that format a Dockerfile, or the
// instructions that span touches: keywords in upper case, no blanks before
// a keyword, continuation lines indented by one level or more where they
// are nested, and no blanks at the end of an instruction's lines. It never changes what buildkit reads: a
// continuation line whose leading blanks are inside quotes, heredoc bodies
// and keywords split by a continuation are left as they are.
func dockerfileFormat(ctx context.Context, f *workspace.File, opts Options, span *position.Span) ([]position.TextEdit, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	size := opts.TabSize
	if size <= 0 {
		size = 4
	}
	indent := "\t"
	if opts.InsertSpaces {
		indent = strings.Repeat(" ", size)
	}
	var edits []position.TextEdit
	for _, in := range df.Instructions {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if span != nil && !in.Span.Overlaps(*span) {
			continue
		}
		edits = append(edits, dfInstructionEdits(df, in, indent, size)...)
	}
	return edits, nil
}

// dfInstructionEdits returns the edits of one instruction.
func dfInstructionEdits(df *dockerfile.File, in *dockerfile.Instruction, indent string, tabSize int) []position.TextEdit {
	var edits []position.TextEdit
	content := df.Content
	lineStart := in.KeywordSpan.Start
	for lineStart > 0 && content[lineStart-1] != '\n' {
		lineStart--
	}
	if lineStart < in.KeywordSpan.Start && strings.TrimSpace(string(content[lineStart:in.KeywordSpan.Start])) == "" && lineStart >= df.BOM {
		edits = append(edits, position.TextEdit{Span: position.Span{Start: max(lineStart, df.BOM), End: in.KeywordSpan.Start}})
	}
	if keyword := string(content[in.KeywordSpan.Start:in.KeywordSpan.End]); dfIsKnownKeyword(in.Keyword) && keyword != in.Keyword && !strings.ContainsAny(keyword, "\\`\n") {
		edits = append(edits, position.TextEdit{Span: in.KeywordSpan, NewText: in.Keyword})
	}
	if in.Trigger != nil && dfIsKnownKeyword(in.Trigger.Keyword) {
		kw := string(content[in.Trigger.KeywordSpan.Start:in.Trigger.KeywordSpan.End])
		if kw != in.Trigger.Keyword && !strings.ContainsAny(kw, "\\`\n") {
			edits = append(edits, position.TextEdit{Span: in.Trigger.KeywordSpan, NewText: in.Trigger.Keyword})
		}
	}
	edits = append(edits, dfContinuationEdits(df, in, indent, tabSize)...)
	return edits
}

var dfKnownKeywords = map[string]bool{
	"ADD": true, "ARG": true, "CMD": true, "COPY": true, "ENTRYPOINT": true, "ENV": true, "EXPOSE": true,
	"FROM": true, "HEALTHCHECK": true, "LABEL": true, "MAINTAINER": true, "ONBUILD": true, "RUN": true,
	"SHELL": true, "STOPSIGNAL": true, "USER": true, "VOLUME": true, "WORKDIR": true,
}

func dfIsKnownKeyword(keyword string) bool { return dfKnownKeywords[keyword] }

// dfContinuationEdits re-indents the lines after the first line of an
// instruction, up to its heredoc bodies, and removes blanks between the
// escape character and the line end. Nesting is kept: the continuation
// lines at the smallest indentation get one indent, those at the next
// larger indentation two, and so on, so that the body of a shell "case" or
// "if" stays deeper than its opening line. Comment lines get one indent.
func dfContinuationEdits(df *dockerfile.File, in *dockerfile.Instruction, indent string, tabSize int) []position.TextEdit {
	content := df.Content
	end := in.Span.End
	if len(in.Heredocs) > 0 {
		end = in.Heredocs[0].BodySpan.Start
	}
	type line struct {
		start, blanks, width int
		comment              bool
	}
	var lines []line
	var edits []position.TextEdit
	first := true
	for lineStart := in.Span.Start; lineStart < end; {
		lineEnd := lineStart
		for lineEnd < len(content) && content[lineEnd] != '\n' {
			lineEnd++
		}
		text := strings.TrimRight(string(content[lineStart:lineEnd]), "\r")
		textEnd := lineStart + len(text)
		if trimmed := strings.TrimRight(text, " \t"); len(trimmed) < len(text) && strings.HasSuffix(trimmed, string(df.Escape)) {
			edits = append(edits, position.TextEdit{Span: position.Span{Start: lineStart + len(trimmed), End: textEnd}})
		}
		if !first && strings.TrimSpace(text) != "" {
			blanks := len(text) - len(strings.TrimLeft(text, " \t"))
			if dfSafeToIndent(df, in, lineStart+blanks, blanks) {
				lines = append(lines, line{lineStart, blanks, blankWidth(text[:blanks], tabSize), content[lineStart+blanks] == '#'})
			}
		}
		first = false
		lineStart = lineEnd + 1
	}
	levels := map[int]int{}
	for _, l := range lines {
		if !l.comment {
			levels[l.width] = 0
		}
	}
	widths := make([]int, 0, len(levels))
	for w := range levels {
		widths = append(widths, w)
	}
	sort.Ints(widths)
	for i, w := range widths {
		levels[w] = i
	}
	for _, l := range lines {
		want := indent
		if !l.comment {
			want = strings.Repeat(indent, levels[l.width]+1)
		}
		if string(content[l.start:l.start+l.blanks]) != want {
			edits = append(edits, position.TextEdit{Span: position.Span{Start: l.start, End: l.start + l.blanks}, NewText: want})
		}
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	return edits
}

// blankWidth returns the columns that blanks take, a tab moving to the
// next multiple of tabSize.
func blankWidth(blanks string, tabSize int) int {
	width := 0
	for _, ch := range blanks {
		if ch == '\t' {
			width += tabSize - width%tabSize
		} else {
			width++
		}
	}
	return width
}

// dfSafeToIndent reports whether the blanks before offset, at the start of a
// continuation line, separate words outside quotes, so that changing them
// keeps the meaning. buildkit drops comment lines inside a continuation, so
// their indent is free. A line with no blanks that continues a word is not
// safe, because indenting it would split the word.
func dfSafeToIndent(df *dockerfile.File, in *dockerfile.Instruction, offset, blanks int) bool {
	if df.Content[offset] == '#' {
		return true
	}
	if !dfBlanksInsignificant(in) {
		return false
	}
	i := in.LineIndex(offset)
	if i < 0 || in.KeywordSpan.End > offset {
		return false
	}
	var quote byte
	for j := 0; j < i; j++ {
		ch := in.Line[j]
		switch {
		case ch == df.Escape && quote != '\'':
			j++
		case quote == 0 && (ch == '\'' || ch == '"'):
			quote = ch
		case ch == quote:
			quote = 0
		}
	}
	if quote != 0 {
		return false
	}
	if blanks == 0 && i > 0 && in.Line[i-1] != ' ' && in.Line[i-1] != '\t' {
		return false
	}
	return true
}

// dfBlanksInsignificant reports whether runs of blanks between the words of
// an instruction mean the same as one blank: true for shell commands,
// word lists and key=value pairs; false where buildkit keeps the raw text
// (WORKDIR, USER, the legacy "ENV key value" and the like).
func dfBlanksInsignificant(in *dockerfile.Instruction) bool {
	switch in.Keyword {
	case "WORKDIR", "USER", "MAINTAINER", "STOPSIGNAL":
		return false
	case "ENV", "LABEL":
		return len(in.Args) > 0 && strings.Contains(in.Args[0].Text, "=")
	case "ONBUILD":
		return in.Trigger != nil && dfBlanksInsignificant(in.Trigger)
	}
	return true
}
