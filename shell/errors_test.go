package shell

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// problem describes an expected Error: the feature ("" for a syntax
// error), the text its Span covers and a part of its message.
type problem struct {
	feature string
	text    string
	message string
}

func TestParseErrors(t *testing.T) {
	const ifBash = "if [[ \"${APP_ENV:-prod}\" == \"dev\" ]]; then\n  echo \"dev mode\"\nfi\nexec \"$@\"\n"
	tests := []struct {
		name string
		src  string
		want []problem
	}{
		{"bash test in sh", "#!/bin/sh\nset -eu\n" + ifBash, []problem{
			{"[[", "[[", "`[[ ]]` is a bash test, not POSIX sh"},
			{"==", "==", "use `=`"},
		}},
		{"bash test in bash", "#!/bin/bash\nset -eu\n" + ifBash, nil},
		{"bash test without shebang", ifBash, []problem{{"[[", "[[", "not POSIX sh"}, {"==", "==", "not POSIX sh"}}},
		{"double equals in single bracket", "#!/bin/sh\n[ \"$a\" == b ] && exit\n", []problem{{"==", "==", "use `=`"}}},
		{"test command", "#!/bin/sh\ntest \"$a\" == b\n", []problem{{"==", "==", "use `=`"}}},
		{"every bash construct reported", "#!/bin/sh\necho a &> /dev/null\narr=(1 2)\nfunction f { echo; }\nsource ./env\n", []problem{
			{"&>", "&>", "`&>` is a bash redirect"},
			{"array", "arr=(1 2)", "arrays"},
			{"function", "function", "`function` keyword"},
			{"source", "source", "use `.`"},
		}},
		{"here-string", "#!/bin/sh\ncat <<< \"$x\"\n", []problem{{"<<<", "<<<", "here-strings"}}},
		{"substring", "#!/bin/sh\necho \"${x:1:2}\"\n", []problem{{"${:}", "${x:1:2}", "substring"}}},
		{"dollar quote in bash parse", "#!/bin/sh\narr=(1)\nprintf $'a\\n'\n", []problem{{"array", "arr=(1)", "arrays"}, {"$'", "$'a\\n'", "quoting"}}},
		{"arithmetic command in bash parse", "#!/bin/sh\narr=(1)\n(( i++ ))\n", []problem{{"array", "arr=(1)", "arrays"}, {"((", "((", "arithmetic"}}},
		{"pipe all", "#!/bin/sh\nmake |& tee log\n", []problem{{"|&", "|&", "`|&`"}}},
		{"bash construct then syntax error", "#!/bin/sh\n[[ -n x ]]\nif true; then\n", []problem{
			{"[[", "[[", "bash test"},
			{"", "then", "must be followed by a statement list"},
		}},
		{"missing fi", "#!/bin/sh\nif true; then\n  echo\n", []problem{{"", "if", "`if` statement must end with `fi`"}}},
		{"unclosed quote", "echo \"unterminated\n", []problem{{"", "\"unterminated", "without closing quote"}}},
		{"stray done", "#!/bin/bash\ndone\n", []problem{{"", "done", "`done` can only be used"}}},
		{"unclosed subshell in bash", "#!/bin/bash\n(echo\n", []problem{{"", "(", "without matching `(` with `)`"}}},
		{"local is accepted", "#!/bin/sh\nf() { local x=1; echo \"$x\"; }\n", nil},
		{"mksh", "#!/bin/mksh\n[[ -n x ]]\n", nil},
		{"associative array key with a dot", "#!/usr/bin/env bash\ndeclare -A aliases=(\n\t[8.5]='8 latest'\n\t[x.y]=z\n)\necho \"${aliases[8.5]}\"\n", nil},
		{"associative array key with a colon", "#!/usr/bin/env bash\nimageTests[app:apache]+='\n\tcheck-installed\n'\nm[a b]=1\n", nil},
		{"error after a masked key", "#!/bin/bash\nm[a:b]=1\nif true; then\n", []problem{{"", "then", "`then` must be followed by a statement list"}}},
		{"bad arithmetic outside a subscript", "#!/bin/bash\necho $(( 1 ? 2 ))\n", []problem{{"", "?", "ternary operator missing `:` after `?`"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.src), DetectDialect([]byte(tt.src)))
			var got []problem
			for _, e := range f.Errors {
				got = append(got, problem{e.Feature, tt.src[e.Span.Start:e.Span.End], e.Message})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("input %q\nwant %d errors %v\ngot  %d %v", tt.src, len(tt.want), tt.want, len(got), got)
			}
			for i, want := range tt.want {
				if got[i].feature != want.feature || got[i].text != want.text || !strings.Contains(got[i].message, want.message) {
					t.Errorf("input %q\nerror %d: want %+v\n          got  %+v", tt.src, i, want, got[i])
				}
			}
		})
	}
}

// TestParseDialectPositions checks the exact line and UTF-16 character of
// the two POSIX problems in an Alpine entrypoint, and that the bash shebang
// silences them.
func TestParseDialectPositions(t *testing.T) {
	src := "#!/bin/sh\nset -eu\nif [[ \"${APP_ENV:-prod}\" == \"dev\" ]]; then\n  echo \"dev mode\"\nfi\nexec \"$@\"\n"
	f := Parse([]byte(src), DetectDialect([]byte(src)))
	m := position.NewMapper([]byte(src))
	var got []string
	for _, e := range f.Errors {
		rng, err := m.SpanRange(e.Span, position.UTF16)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d:%d-%d:%d %s", rng.Start.Line, rng.Start.Character, rng.End.Line, rng.End.Character, e.Feature))
	}
	want := []string{"2:3-2:5 [[", "2:25-2:27 =="}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("want %v\ngot  %v", want, got)
	}

	bash := strings.Replace(src, "#!/bin/sh", "#!/bin/bash", 1)
	if f := Parse([]byte(bash), DetectDialect([]byte(bash))); len(f.Errors) != 0 {
		t.Errorf("with #!/bin/bash: %d errors, want 0; first: %s", len(f.Errors), f.Errors[0].Message)
	}
}

// TestParseCRLF checks that "\r\n" is one line end: no Span holds the "\r"
// and exec's argument is "$@".
func TestParseCRLF(t *testing.T) {
	src := "#!/bin/sh\r\nset -e\r\nnc -z mariadb 3306\r\nexec \"$@\"\r\n"
	f := Parse([]byte(src), DetectDialect([]byte(src)))
	if len(f.Errors) != 0 {
		t.Fatalf("errors: %v", f.Errors[0].Message)
	}
	if got := src[f.Shebang.Span.Start:f.Shebang.Span.End]; got != "#!/bin/sh" {
		t.Errorf("shebang covers %q", got)
	}
	last := f.Commands[len(f.Commands)-1]
	if !last.Exec || len(last.Args) != 1 || src[last.Args[0].Span.Start:last.Args[0].Span.End] != `"$@"` {
		t.Errorf("exec command %+v, want exec with one argument \"$@\"", last)
	}
	for _, cmd := range f.Commands {
		for _, w := range append([]*Word{cmd.Name}, cmd.Args...) {
			if strings.Contains(src[w.Span.Start:w.Span.End], "\r") || strings.Contains(w.Literal, "\r") {
				t.Errorf("word %q at %v holds a carriage return", w.Literal, w.Span)
			}
		}
	}
}

// TestParsePrefixes checks Spans after a byte order mark, a tab and
// non-ASCII text.
func TestParsePrefixes(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"byte order mark", "\ufeff#!/bin/sh\nnc -z mariadb 3306\n"},
		{"byte order mark without shebang", "\ufeffnc -z mariadb 3306\n"},
		{"tab", "#!/bin/sh\n\tnc -z mariadb 3306\n"},
		{"non-ASCII", "#!/bin/sh\necho 'é😀' ; nc -z mariadb 3306\n"},
		{"crlf and bom", "\ufeff#!/bin/sh\r\nnc -z mariadb 3306\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.src), POSIX)
			if len(f.Errors) != 0 {
				t.Fatalf("errors: %v at %v", f.Errors[0].Message, f.Errors[0].Span)
			}
			cmd := f.Commands[len(f.Commands)-1]
			if len(cmd.Args) != 3 {
				t.Fatalf("nc has %d arguments, want 3", len(cmd.Args))
			}
			if got, want := cmd.Args[1].Span, at(t, tt.src, "mariadb", 1); got != want {
				t.Errorf("mariadb at %v, want %v", got, want)
			}
			if got, want := cmd.Name.Span, at(t, tt.src, "nc", 1); got != want {
				t.Errorf("nc at %v, want %v", got, want)
			}
		})
	}
}
