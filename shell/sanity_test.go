package shell

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// checkSanity walks every Span of f and reports the ones that lie outside
// the content, run backwards, hold a line end they should not, or do not
// cover the text their field names.
func checkSanity(t *testing.T, f *File) {
	t.Helper()
	src := string(f.Content)
	valid := func(what string, span position.Span) bool {
		t.Helper()
		if span.Start < 0 || span.Start > span.End || span.End > len(src) {
			t.Errorf("input %q\n%s Span %v outside [0,%d]", src, what, span, len(src))
			return false
		}
		return true
	}
	if f.Shebang != nil && valid("shebang", f.Shebang.Span) {
		if text := src[f.Shebang.Span.Start:f.Shebang.Span.End]; !strings.HasPrefix(text, "#!") || strings.Contains(text, "\n") || strings.HasPrefix(src[f.Shebang.Span.End:], "\n") && strings.HasSuffix(text, "\r") {
			t.Errorf("input %q\nshebang covers %q", src, text)
		}
	}
	for _, cmd := range f.Commands {
		valid("command", cmd.Span)
		words := cmd.Args
		if cmd.Name != nil {
			words = append([]*Word{cmd.Name}, words...)
		}
		for _, w := range words {
			if !valid("word", w.Span) {
				continue
			}
			if w.Span.Start < cmd.Span.Start || w.Span.End > cmd.Span.End {
				t.Errorf("input %q\nword %v outside its command %v", src, w.Span, cmd.Span)
			}
			if text := src[w.Span.Start:w.Span.End]; strings.HasSuffix(text, "\r") && strings.HasPrefix(src[w.Span.End:], "\n") {
				t.Errorf("input %q\nword %q holds the carriage return of a line end", src, text)
			}
		}
	}
	for _, refs := range [][]*VarRef{f.VarUses, f.VarDefs} {
		for _, ref := range refs {
			if valid("variable", ref.Span) && src[ref.Span.Start:ref.Span.End] != ref.Name {
				t.Errorf("input %q\nvariable %q covers %q", src, ref.Name, src[ref.Span.Start:ref.Span.End])
			}
			if ref.Value != nil {
				valid("value", ref.Value.Span)
			}
		}
	}
	for _, fn := range f.Functions {
		if valid("function", fn.Span) && valid("function name", fn.NameSpan) && src[fn.NameSpan.Start:fn.NameSpan.End] != fn.Name {
			t.Errorf("input %q\nfunction %q covers %q", src, fn.Name, src[fn.NameSpan.Start:fn.NameSpan.End])
		}
	}
	for _, h := range f.Heredocs {
		valid("heredoc", h.Body)
	}
	for _, e := range f.Errors {
		valid("error", e.Span)
		if e.Message == "" {
			t.Errorf("input %q\nerror at %v has no message", src, e.Span)
		}
	}
}

// sanityInputs are scripts of every shape the table tests use, plus
// broken and degenerate ones.
var sanityInputs = []string{
	"",
	" ",
	"\n",
	"#!",
	"#!/bin/sh",
	"\ufeff",
	"\ufeff#!/bin/bash\r\n",
	"#!/bin/sh\nset -eu\nif [[ \"${APP_ENV:-prod}\" == \"dev\" ]]; then\n  echo \"dev mode\"\nfi\nexec \"$@\"\n",
	"#!/bin/sh\r\nset -e\r\nexec \"$@\"\r\n",
	"#!/bin/sh\necho a &> /dev/null\narr=(1 2)\nfunction f { echo; }\nsource ./env\n",
	"until nc -z mariadb 3306; do sleep 1; done\nexec \"$@\"\n",
	"cat <<EOF > /etc/x\nhost=${DB_HOST:-db}\nEOF\n",
	"cat <<-'EOF'\n\tx\n\tEOF\n",
	"cat <<EOF",
	"echo \"unterminated",
	"if true; then",
	"f() {",
	"$(",
	"${",
	"a=(",
	"[[ x",
	"echo \\\r\n  y\r\n",
	"x=$((a + b)) ; : ${c:=d}; read -r e; for g in 1; do :; done",
	"echo 'é😀'\tmariadb:3306 # comment mariadb\n",
	"\x00\x01\x02",
	"# caf\xe9\nexport A=\xff\xfe\nexec \"${A}\" $\xe9\n",
	"case $x in a) echo ;; esac",
	"export A=b C; local D; declare -a E=(1)",
}

func TestParseSanity(t *testing.T) {
	for _, src := range sanityInputs {
		for _, dialect := range []Dialect{POSIX, Bash, MirBSD, Zsh} {
			checkSanity(t, Parse([]byte(src), dialect))
		}
	}
}
