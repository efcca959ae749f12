package dockerfile

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stackls/stackls/position"
)

func (s *scanner) lineSpan(i int) position.Span {
	return position.Span{Start: s.lines[i].start, End: s.lines[i].end}
}

func sortErrors(errs []*Error) {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Span.Start < errs[j].Span.Start })
}

// buildStages groups the instructions into stages, one per FROM. A stage's
// Instructions are a part of File.Instructions.
func buildStages(f *File) {
	var cur *Stage
	first := 0 // index in f.Instructions of cur's FROM
	for i, in := range f.Instructions {
		if in.Keyword == "FROM" {
			if cur != nil {
				cur.Instructions = f.Instructions[first:i:i]
			}
			cur, first = newStage(in, len(f.Stages)), i
			f.Stages = append(f.Stages, cur)
		}
		if cur == nil {
			continue
		}
		in.Stage = cur.Index
		if in.Trigger != nil {
			in.Trigger.Stage = cur.Index
		}
		cur.Span.End = in.Span.End
	}
	if cur != nil {
		n := len(f.Instructions)
		cur.Instructions = f.Instructions[first:n:n]
	}
}

// newStage returns the stage that the FROM instruction in starts.
func newStage(in *Instruction, index int) *Stage {
	st := &Stage{Index: index, From: in, Span: in.Span}
	if len(in.Args) > 0 {
		st.Image, st.ImageSpan = in.Args[0].Text, in.Args[0].Span
	} else {
		st.ImageSpan = position.Span{Start: in.KeywordSpan.End, End: in.KeywordSpan.End}
	}
	if len(in.Args) >= 3 && strings.EqualFold(in.Args[1].Text, "as") {
		st.Name, st.NameSpan = in.Args[2].Text, in.Args[2].Span
	} else {
		st.NameSpan = position.Span{Start: in.Span.End, End: in.Span.End}
	}
	return st
}

// buildVars records the variables that ARG and ENV declare.
func buildVars(f *File) {
	for _, in := range f.Instructions {
		first := len(f.Vars)
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
				break
			}
			for _, w := range in.Args {
				f.Vars = append(f.Vars, pairDecl(in, w, f.Escape, true))
			}
		}
		n := len(f.Vars)
		if n > first {
			in.decls = f.Vars[first:n:n]
		}
	}
	for i, d := range f.Vars {
		d.index = i
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
	d.ValueText = w.Text[eq+1:]
	d.Value = unquote(d.ValueText, escape)
	d.ValueSpan = in.LineSpan(lineStart+eq+1, lineStart+len(w.Text))
	return d
}

// legacyEnvDecl reads "ENV name value": the name is the first blank-separated
// word and the value is the rest of the line.
func legacyEnvDecl(in *Instruction, escape byte) *VarDecl {
	words := splitBlanks(nil, in.Line, in.ArgsStart, len(in.Line))
	name := words[0]
	valueStart := words[1].start
	valueEnd := words[len(words)-1].end
	return &VarDecl{
		Name:        in.Line[name.start:name.end],
		NameSpan:    in.LineSpan(name.start, name.end),
		Value:       unquote(in.Line[valueStart:valueEnd], escape),
		ValueText:   in.Line[valueStart:valueEnd],
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
	if i := f.stageIndex(name); i >= 0 {
		return f.Stages[i]
	}
	return nil
}

// stageIndex returns the index of the first stage called name, compared
// without case, or -1.
func (f *File) stageIndex(name string) int {
	f.stageNamesOnce.Do(func() {
		f.stageNames = make(map[string]int, len(f.Stages))
		for _, st := range f.Stages {
			if st.Name == "" {
				continue
			}
			key := foldKey(st.Name)
			if _, seen := f.stageNames[key]; !seen {
				f.stageNames[key] = st.Index
			}
		}
	})
	if name == "" {
		return -1
	}
	if i, ok := f.stageNames[foldKey(name)]; ok {
		return i
	}
	return -1
}

// foldKey returns a key under which two strings are equal exactly when
// strings.EqualFold reports them equal: each rune is replaced by the
// smallest rune of its Unicode simple case folding orbit.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s) // upper case letters are the smallest runes of their ASCII orbits
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
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

// Sources returns the source words of a COPY or ADD: every argument but
// the last, without heredoc openers. Heredoc bodies are not files.
func Sources(in *Instruction) []*Word {
	if len(in.Args) < 2 {
		return nil
	}
	var sources []*Word
	for _, w := range in.Args[:len(in.Args)-1] {
		if !in.isOpener(w) {
			sources = append(sources, w)
		}
	}
	return sources
}

// Dest returns the destination word of a COPY or ADD, or nil.
func Dest(in *Instruction) *Word {
	if len(in.Args) < 2 && len(in.Heredocs) == 0 || len(in.Args) == 0 {
		return nil
	}
	last := in.Args[len(in.Args)-1]
	if in.isOpener(last) {
		return nil
	}
	return last
}

func (in *Instruction) isOpener(w *Word) bool {
	for _, doc := range in.Heredocs {
		if w.Span.Start < doc.OpenerSpan.End && doc.OpenerSpan.Start < w.Span.End {
			return true
		}
	}
	return false
}

// MountOption is one key=value option of a RUN --mount flag.
type MountOption struct {
	Key       string
	Value     string
	HasValue  bool
	KeySpan   position.Span
	ValueSpan position.Span
	Span      position.Span
}

// MountOptions splits the value of a --mount flag into its comma-separated
// options, with Spans. Quotes are not interpreted.
func MountOptions(in *Instruction, fl *Flag) []*MountOption {
	start, end := in.LineIndex(fl.ValueSpan.Start), in.LineIndex(fl.ValueSpan.End)
	if start < 0 || end < start {
		return nil
	}
	var opts []*MountOption
	for i := start; i <= end; {
		j := strings.IndexByte(in.Line[i:end], ',')
		if j < 0 {
			j = end - i
		}
		field := in.Line[i : i+j]
		opt := &MountOption{Span: in.LineSpan(i, i+j)}
		key, value, hasValue := strings.Cut(field, "=")
		opt.Key, opt.Value, opt.HasValue = strings.ToLower(strings.TrimSpace(key)), value, hasValue
		opt.KeySpan = in.LineSpan(i, i+len(key))
		opt.ValueSpan = in.LineSpan(i+j, i+j)
		if hasValue {
			opt.ValueSpan = in.LineSpan(i+len(key)+1, i+j)
		}
		if field != "" || i < end {
			opts = append(opts, opt)
		}
		i += j + 1
	}
	return opts
}
