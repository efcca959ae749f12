package dockerfile

import (
	"bytes"
	"strings"

	"github.com/stackls/stackls/position"
)

// VarRef is a use of a variable, $NAME or ${NAME...}, in an instruction.
type VarRef struct {
	Name        string
	Span        position.Span // the name only
	ExprSpan    position.Span // from "$" to the end of the name or the closing "}"
	HasDefault  bool          // ${NAME:-x}, ${NAME-x}, ${NAME:+x}, ${NAME+x}, ${NAME:?x}, ${NAME?x}
	Instruction *Instruction
	// BuildTime is true when buildkit expands the reference while it
	// builds. It is false in shell-form RUN, CMD and ENTRYPOINT and their
	// heredocs, because the shell expands those when the command runs.
	BuildTime bool
	// InHeredoc is true for a reference inside a heredoc body.
	InHeredoc bool
	// SingleQuoted is true for a reference between single quotes in a
	// COPY or ADD heredoc body, which buildkit still expands.
	SingleQuoted bool
}

// rawRef is a reference found in a text, with offsets into that text.
type rawRef struct {
	name                 string
	nameStart, nameEnd   int
	exprStart, exprEnd   int
	hasDefault, unclosed bool
	singleQuoted         bool // between single quotes that ignoreQuotes skipped
}

// scanRefs appends the variable references of text to refs. The escape
// character keeps a "$" literal; inside single quotes nothing expands
// unless ignoreQuotes is set, as for buildkit's raw heredoc expansion.
func scanRefs(refs []rawRef, text string, escape byte, ignoreQuotes bool) []rawRef {
	inSingle, quoted := false, false
	for i := 0; i < len(text); i++ {
		ch := text[i]
		switch {
		case ch == escape && !inSingle:
			i++
		case ch == '\'':
			if ignoreQuotes {
				quoted = !quoted
			} else {
				inSingle = !inSingle
			}
		case ch == '$' && !inSingle:
			var ref rawRef
			var found bool
			var end int
			refs, ref, found, end = scanDollar(refs, text, i, escape, ignoreQuotes)
			if found {
				ref.singleQuoted = quoted
				refs = append(refs, ref)
			}
			i = end - 1
		}
	}
	return refs
}

// scanDollar reads the reference that starts with the "$" at text[at] and
// returns it, whether there is one ("$" may be followed by no name), and
// the offset after it. References nested in the word of ${NAME:-word} are
// appended to nested first.
func scanDollar(nested []rawRef, text string, at int, escape byte, ignoreQuotes bool) ([]rawRef, rawRef, bool, int) {
	i := at + 1
	if i < len(text) && text[i] != '{' {
		end := i
		for end < len(text) && isNameByte(text[end], end == i) {
			end++
		}
		if end == i {
			return nested, rawRef{}, false, i
		}
		return nested, rawRef{name: text[i:end], nameStart: i, nameEnd: end, exprStart: at, exprEnd: end}, true, end
	}
	if i >= len(text) {
		return nested, rawRef{}, false, i
	}
	i++ // "{"
	nameStart := i
	for i < len(text) && isNameByte(text[i], i == nameStart) {
		i++
	}
	ref := rawRef{name: text[nameStart:i], nameStart: nameStart, nameEnd: i, exprStart: at}

	if i < len(text) && text[i] != '}' {
		switch text[i] {
		case '-', '+', '?', ':':
			ref.hasDefault = true
		}
	}
	depth := 1
	wordStart := i
	for ; i < len(text); i++ {
		switch text[i] {
		case escape:
			i++
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth == 0 {
			break
		}
	}

	if i < len(text) {
		n := len(nested)
		nested = scanRefs(nested, text[wordStart:i], escape, ignoreQuotes)
		for j := n; j < len(nested); j++ {
			nested[j] = shiftRef(nested[j], wordStart)
		}
		ref.exprEnd = i + 1
	} else {
		ref.exprEnd, ref.unclosed = len(text), true
	}
	return nested, ref, ref.name != "", ref.exprEnd
}

func shiftRef(r rawRef, delta int) rawRef {
	r.nameStart += delta
	r.nameEnd += delta
	r.exprStart += delta
	r.exprEnd += delta
	return r
}

// isNameByte reports whether b may be part of a variable name; a name does
// not start with a digit.
func isNameByte(b byte, first bool) bool {
	return b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || !first && '0' <= b && b <= '9'
}

// buildTimeKeywords are the instructions whose arguments buildkit expands
// while it builds.
var buildTimeKeywords = map[string]bool{
	"FROM": true, "ARG": true, "ENV": true, "LABEL": true, "WORKDIR": true, "USER": true,
	"STOPSIGNAL": true, "VOLUME": true, "EXPOSE": true, "ADD": true, "COPY": true,
}

// buildTimeFlags are the flags whose values buildkit expands.
var buildTimeFlags = map[string]map[string]bool{
	"FROM": {"platform": true},
	"ADD":  {"chown": true, "chmod": true, "checksum": true},
	"COPY": {"chown": true, "chmod": true},
	"RUN":  {"mount": true},
}

// VarRefs returns the variable references of an instruction in source
// order: in its expanded flags, its arguments and its heredoc bodies.
// Exec-form RUN, CMD and ENTRYPOINT have none, since no shell runs them.
func (f *File) VarRefs(in *Instruction) []*VarRef {
	slab := f.AppendVarRefs(nil, in) // one allocation for all the references
	if len(slab) == 0 {
		return nil
	}
	refs := make([]*VarRef, len(slab))
	for i := range slab {
		refs[i] = &slab[i]
	}
	return refs
}

// AppendVarRefs appends the references that VarRefs returns to refs and
// returns the extended slice, so that a caller that reads the references
// of many instructions can reuse one slice.
func (f *File) AppendVarRefs(refs []VarRef, in *Instruction) []VarRef {
	var buf [8]rawRef
	raw := buf[:0] // reused for each part of the instruction
	for _, fl := range in.Flags {
		if buildTimeFlags[in.Keyword][fl.Name] {
			refs, raw = f.appendLineRefs(refs, raw, in, in.LineIndex(fl.ValueSpan.Start), in.LineIndex(fl.ValueSpan.End), f.Escape, true)
		}
	}
	buildTime := buildTimeKeywords[in.Keyword]
	switch {
	case in.Keyword == "ONBUILD" || in.Keyword == "SHELL" || in.Keyword == "MAINTAINER":
	case in.JSONForm && !buildTime:
	case buildTime:
		for _, w := range in.Args {
			if in.Keyword == "FROM" && w != in.Args[0] {
				break
			}
			refs, raw = f.appendLineRefs(refs, raw, in, in.LineIndex(w.Span.Start), in.LineIndex(w.Span.End), f.Escape, true)
		}
	default:
		refs, raw = f.appendLineRefs(refs, raw, in, in.ArgsStart, len(in.Line), '\\', false)
	}
	for _, doc := range in.Heredocs {
		refs, raw = f.appendHeredocRefs(refs, raw, in, doc)
	}
	return refs
}

// appendLineRefs adds the references in Line[from:to]. buildTime is true
// when buildkit expands them, and false when the shell does. raw is a
// buffer, returned for reuse.
func (f *File) appendLineRefs(refs []VarRef, raw []rawRef, in *Instruction, from, to int, escape byte, buildTime bool) ([]VarRef, []rawRef) {
	if from < 0 || to < from || strings.IndexByte(in.Line[from:to], '$') < 0 {
		return refs, raw
	}
	raw = scanRefs(raw[:0], in.Line[from:to], escape, false)
	for _, r := range raw {
		refs = append(refs, VarRef{
			Name: r.name, HasDefault: r.hasDefault, Instruction: in,
			Span:      in.LineSpan(from+r.nameStart, from+r.nameEnd),
			ExprSpan:  in.LineSpan(from+r.exprStart, from+r.exprEnd),
			BuildTime: buildTime,
		})
	}
	return refs, raw
}

// appendHeredocRefs adds the references of a heredoc body: build-time ones
// for an unquoted COPY or ADD heredoc, run-time ones for RUN.
func (f *File) appendHeredocRefs(refs []VarRef, raw []rawRef, in *Instruction, doc *Heredoc) ([]VarRef, []rawRef) {
	keyword := in.Keyword
	if in.Trigger != nil {
		return refs, raw // ONBUILD: expanded in the build that uses the image
	}
	if keyword != "RUN" && !doc.Expand {
		return refs, raw
	}
	body := f.Content[doc.BodySpan.Start:doc.BodySpan.End]
	if bytes.IndexByte(body, '$') < 0 {
		return refs, raw
	}
	raw = scanRefs(raw[:0], string(body), '\\', keyword != "RUN")
	base := doc.BodySpan.Start
	for _, r := range raw {
		refs = append(refs, VarRef{
			Name: r.name, HasDefault: r.hasDefault, Instruction: in, InHeredoc: true, SingleQuoted: r.singleQuoted,
			Span:      position.Span{Start: base + r.nameStart, End: base + r.nameEnd},
			ExprSpan:  position.Span{Start: base + r.exprStart, End: base + r.exprEnd},
			BuildTime: keyword != "RUN",
		})
	}
	return refs, raw
}

// VarRefAt returns the reference whose ExprSpan contains offset, or nil.
func (f *File) VarRefAt(offset int) *VarRef {
	in := f.InstructionAt(offset)
	if in == nil {
		return nil
	}
	for _, r := range f.VarRefs(in) {
		if r.ExprSpan.Contains(offset) {
			return r
		}
	}
	return nil
}
