package dockerfile

import (
	"sort"
	"strings"

	"github.com/stackls/stackls/position"
)

func (s *scanner) lineSpan(i int) position.Span {
	return position.Span{Start: s.lines[i].start, End: s.lines[i].end}
}

func sortErrors(errs []*Error) {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Span.Start < errs[j].Span.Start })
}

// buildStages groups the instructions into stages, one per FROM.
func buildStages(f *File) {
	var cur *Stage
	for _, in := range f.Instructions {
		if in.Keyword == "FROM" {
			cur = &Stage{Index: len(f.Stages), From: in, Span: in.Span}
			if len(in.Args) > 0 {
				cur.Image, cur.ImageSpan = in.Args[0].Text, in.Args[0].Span
			} else {
				cur.ImageSpan = position.Span{Start: in.KeywordSpan.End, End: in.KeywordSpan.End}
			}
			if len(in.Args) >= 3 && strings.EqualFold(in.Args[1].Text, "as") {
				cur.Name, cur.NameSpan = in.Args[2].Text, in.Args[2].Span
			} else {
				cur.NameSpan = position.Span{Start: in.Span.End, End: in.Span.End}
			}
			f.Stages = append(f.Stages, cur)
		}
		if cur == nil {
			continue
		}
		in.Stage = cur.Index
		if in.Trigger != nil {
			in.Trigger.Stage = cur.Index
		}
		cur.Instructions = append(cur.Instructions, in)
		cur.Span.End = in.Span.End
	}
}

// buildVars records the variables that ARG and ENV declare.
func buildVars(f *File) {
	for _, in := range f.Instructions {
		switch in.Keyword {
		case "ARG":
			for _, w := range in.Args {
				f.Vars = append(f.Vars, pairDecl(in, w, f.Escape, false))
			}
		case "ENV":
			if in.badArgs || len(in.Args) == 0 {
				continue
			}
			if !strings.Contains(in.Args[0].Text, "=") {
				f.Vars = append(f.Vars, legacyEnvDecl(in, f.Escape))
				continue
			}
			for _, w := range in.Args {
				f.Vars = append(f.Vars, pairDecl(in, w, f.Escape, true))
			}
		}
	}
}

// pairDecl reads "name" or "name=value" in one word.
func pairDecl(in *Instruction, w *Word, escape byte, env bool) *VarDecl {
	d := &VarDecl{Env: env, Instruction: in, Stage: in.Stage}
	lineStart := in.LineIndex(w.Span.Start)
	eq := strings.IndexByte(w.Text, '=')
	if eq < 0 || lineStart < 0 {
		d.Name, d.NameSpan = w.Text, w.Span
		d.ValueSpan = position.Span{Start: w.Span.End, End: w.Span.End}
		return d
	}
	d.Name = w.Text[:eq]
	d.NameSpan = in.LineSpan(lineStart, lineStart+eq)
	d.HasValue = true
	d.Value = unquote(w.Text[eq+1:], escape)
	d.ValueSpan = in.LineSpan(lineStart+eq+1, lineStart+len(w.Text))
	return d
}

// legacyEnvDecl reads "ENV name value": the name is the first blank-separated
// word and the value is the rest of the line.
func legacyEnvDecl(in *Instruction, escape byte) *VarDecl {
	words := splitBlanks(in.Line, in.ArgsStart, len(in.Line))
	name := words[0]
	valueStart := words[1].start
	valueEnd := words[len(words)-1].end
	return &VarDecl{
		Name:        in.Line[name.start:name.end],
		NameSpan:    in.LineSpan(name.start, name.end),
		Value:       unquote(in.Line[valueStart:valueEnd], escape),
		HasValue:    true,
		ValueSpan:   in.LineSpan(valueStart, valueEnd),
		Env:         true,
		Instruction: in,
		Stage:       in.Stage,
	}
}

// InstructionAt returns the instruction whose Span contains offset, or
// nil. The end of an instruction's Span counts as inside it.
func (f *File) InstructionAt(offset int) *Instruction {
	i := sort.Search(len(f.Instructions), func(i int) bool { return f.Instructions[i].Span.End >= offset })
	if i < len(f.Instructions) && f.Instructions[i].Span.Contains(offset) {
		return f.Instructions[i]
	}
	return nil
}

// StageNamed returns the first stage called name, compared without case as
// buildkit does, or nil.
func (f *File) StageNamed(name string) *Stage {
	for _, st := range f.Stages {
		if st.Name != "" && strings.EqualFold(st.Name, name) {
			return st
		}
	}
	return nil
}

// Directive returns the parser directive called name, or nil.
func (f *File) Directive(name string) *Directive {
	for _, d := range f.Directives {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// HeredocAt returns the heredoc whose body or terminator contains offset,
// and its instruction; nil when offset is outside every heredoc body.
func (f *File) HeredocAt(offset int) (*Instruction, *Heredoc) {
	in := f.InstructionAt(offset)
	if in == nil {
		return nil, nil
	}
	for _, doc := range in.Heredocs {
		if doc.BodySpan.Start <= offset && offset <= doc.EndSpan.End {
			return in, doc
		}
	}
	return nil, nil
}
