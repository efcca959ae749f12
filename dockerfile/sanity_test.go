package dockerfile

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/stackls/stackls/position"
)

// checkSanity walks every Span of f and checks that it lies inside the
// content, is ordered, and contains the text that the model records.
func checkSanity(t testing.TB, f *File) {
	t.Helper()
	n := len(f.Content)
	check := func(what string, span position.Span) {
		t.Helper()
		if !span.Valid() || span.End > n {
			t.Fatalf("%s: Span %v outside the %d-byte content %q", what, span, n, f.Content)
		}
	}
	text := func(span position.Span) string { return string(f.Content[span.Start:span.End]) }
	for _, d := range f.Directives {
		check("directive", d.Span)
		check("directive name", d.NameSpan)
		check("directive value", d.ValueSpan)
		if !strings.EqualFold(text(d.NameSpan), d.Name) || text(d.ValueSpan) != d.Value {
			t.Fatalf("directive %s=%q has text %q=%q", d.Name, d.Value, text(d.NameSpan), text(d.ValueSpan))
		}
	}
	for _, in := range f.Instructions {
		checkInstruction(t, f, in, check)
	}
	for _, st := range f.Stages {
		check("stage", st.Span)
		check("stage name", st.NameSpan)
		check("stage image", st.ImageSpan)
		name, image := joinedText(st.From, st.NameSpan), joinedText(st.From, st.ImageSpan)
		if st.Name != "" && name != st.Name || image != st.Image {
			t.Fatalf("stage %q from %q has text %q from %q", st.Name, st.Image, name, image)
		}
	}
	for _, v := range f.Vars {
		check("var name", v.NameSpan)
		check("var value", v.ValueSpan)
		if got := joinedText(v.Instruction, v.NameSpan); got != v.Name {
			t.Fatalf("var %q has text %q", v.Name, got)
		}
	}
	for _, e := range f.Errors {
		check("error "+e.Message, e.Span)
	}
	for _, c := range f.Comments {
		check("comment", c)
		if !strings.HasPrefix(text(c), "#") {
			t.Fatalf("comment %q does not start with #", text(c))
		}
	}
}

func checkInstruction(t testing.TB, f *File, in *Instruction, check func(string, position.Span)) {
	t.Helper()
	check("instruction "+in.Keyword, in.Span)
	check("keyword "+in.Keyword, in.KeywordSpan)
	if in.KeywordSpan.Start < in.Span.Start || in.KeywordSpan.End > in.Span.End {
		t.Fatalf("keyword %v outside instruction %v", in.KeywordSpan, in.Span)
	}
	// The keyword read through the pieces must be what the Span holds once
	// continuations are removed.
	if got := strings.ToUpper(joinedText(in, in.KeywordSpan)); got != in.Keyword {
		t.Fatalf("keyword %q has joined text %q", in.Keyword, got)
	}
	for _, fl := range in.Flags {
		check("flag", fl.Span)
		check("flag name", fl.NameSpan)
		check("flag value", fl.ValueSpan)
		if joinedText(in, fl.NameSpan) != fl.Name && !strings.ContainsAny(joinedText(in, fl.NameSpan), `"'\`+"`") {
			t.Fatalf("flag %q has name text %q", fl.Name, joinedText(in, fl.NameSpan))
		}
	}
	for _, w := range in.Args {
		check("arg", w.Span)
		if joinedText(in, w.Span) != w.Text {
			t.Fatalf("arg %q has text %q", w.Text, joinedText(in, w.Span))
		}
	}
	for _, doc := range in.Heredocs {
		check("heredoc opener", doc.OpenerSpan)
		check("heredoc body", doc.BodySpan)
		check("heredoc end", doc.EndSpan)
		if doc.BodySpan.End > doc.EndSpan.Start || doc.EndSpan.End > in.Span.End {
			t.Fatalf("heredoc %q: body %v, end %v, instruction %v", doc.Name, doc.BodySpan, doc.EndSpan, in.Span)
		}
	}
	// Blanks before the keyword may come before the Span.
	for i := len(in.Line) - len(strings.TrimLeftFunc(in.Line, unicode.IsSpace)); i <= len(in.Line); i++ {
		if off := in.Offset(i); off < in.Span.Start || off > in.Span.End {
			t.Fatalf("Line byte %d of %q maps to %d, outside %v", i, in.Line, off, in.Span)
		}
	}
	if in.Trigger != nil {
		checkInstruction(t, f, in.Trigger, check)
	}
}

// joinedText returns the bytes of Line that span covers: the text buildkit
// reads, without continuations.
func joinedText(in *Instruction, span position.Span) string {
	i, j := in.LineIndex(span.Start), in.LineIndex(span.End)
	if i < 0 || j < 0 || j < i {
		return fmt.Sprintf("<unmapped %v>", span)
	}
	return in.Line[i:j]
}

func TestSanityCases(t *testing.T) {
	for _, src := range seedInputs() {
		checkSanity(t, Parse([]byte(src)))
	}
}

func FuzzParse(f *testing.F) {
	for _, src := range seedInputs() {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		checkSanity(t, Parse(content))
	})
}
