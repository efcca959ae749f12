package shell

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// at returns the Span of the nth (1-based) occurrence of text in src.
func at(t *testing.T, src, text string, nth int) position.Span {
	t.Helper()
	from := 0
	for n := 1; ; n++ {
		i := strings.Index(src[from:], text)
		if i < 0 {
			t.Fatalf("occurrence %d of %q not found in %q", nth, text, src)
		}
		if n == nth {
			return position.Span{Start: from + i, End: from + i + len(text)}
		}
		from += i + len(text)
	}
}

// word describes an expected Word: its literal and the text its Span covers.
type word struct {
	literal string
	raw     string
	dynamic bool
}

func describeWords(src string, words []*Word) []word {
	var got []word
	for _, w := range words {
		got = append(got, word{w.Literal, src[w.Span.Start:w.Span.End], w.Dynamic})
	}
	return got
}

func TestParseCommands(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		nth        int    // which command to check
		words      []word // name first
		background bool
		exec       bool
	}{
		{"simple", "nc -z mariadb 3306\n", 0,
			[]word{{"nc", "nc", false}, {"-z", "-z", false}, {"mariadb", "mariadb", false}, {"3306", "3306", false}}, false, false},
		{"quotes removed", `curl -fsS "http://wordpress:9000/" 'a b'` + "\n", 0,
			[]word{{"curl", "curl", false}, {"-fsS", "-fsS", false}, {"http://wordpress:9000/", `"http://wordpress:9000/"`, false}, {"a b", "'a b'", false}}, false, false},
		{"escapes", `echo foo\ bar "a\$b" "c\d"` + "\n", 0,
			[]word{{"echo", "echo", false}, {"foo bar", `foo\ bar`, false}, {"a$b", `"a\$b"`, false}, {`c\d`, `"c\d"`, false}}, false, false},
		{"expansion", `mysqladmin -p"$MYSQL_PASSWORD" ping` + "\n", 0,
			[]word{{"mysqladmin", "mysqladmin", false}, {"-p", `-p"$MYSQL_PASSWORD"`, true}, {"ping", "ping", false}}, false, false},
		{"exec", "set -e\nexec \"$@\"\n", 1,
			[]word{{"exec", "exec", false}, {"", `"$@"`, true}}, false, true},
		{"background", "php-fpm -F &\nwait\n", 0,
			[]word{{"php-fpm", "php-fpm", false}, {"-F", "-F", false}}, true, false},
		{"nested in command substitution", "x=$(getent hosts mariadb)\n", 1,
			[]word{{"getent", "getent", false}, {"hosts", "hosts", false}, {"mariadb", "mariadb", false}}, false, false},
		{"in a loop", "until nc -z db 5432; do sleep 1; done\n", 0,
			[]word{{"nc", "nc", false}, {"-z", "-z", false}, {"db", "db", false}, {"5432", "5432", false}}, false, false},
		{"continuation", "curl \\\n  http://api:80/ \\\n  -o out\n", 0,
			[]word{{"curl", "curl", false}, {"http://api:80/", "http://api:80/", false}, {"-o", "-o", false}, {"out", "out", false}}, false, false},
		{"crlf", "set -e\r\nexec \"$@\"\r\n", 1,
			[]word{{"exec", "exec", false}, {"", `"$@"`, true}}, false, true},
		{"crlf unquoted last word", "nc -z mariadb 3306\r\n", 0,
			[]word{{"nc", "nc", false}, {"-z", "-z", false}, {"mariadb", "mariadb", false}, {"3306", "3306", false}}, false, false},
		{"export", "export DB_HOST=mariadb PORT\n", 0,
			[]word{{"export", "export", false}, {"DB_HOST=mariadb", "DB_HOST=mariadb", false}, {"PORT", "PORT", false}}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.src), POSIX)
			if len(f.Errors) > 0 {
				t.Fatalf("Parse(%q) errors: %v", tt.src, f.Errors[0].Message)
			}
			if tt.nth >= len(f.Commands) {
				t.Fatalf("Parse(%q) has %d commands, want at least %d", tt.src, len(f.Commands), tt.nth+1)
			}
			cmd := f.Commands[tt.nth]
			if cmd.Name == nil {
				t.Fatalf("command %d has no name", tt.nth)
			}
			got := describeWords(tt.src, append([]*Word{cmd.Name}, cmd.Args...))
			if fmt.Sprint(got) != fmt.Sprint(tt.words) {
				t.Errorf("input %q\nwant words %v\ngot        %v", tt.src, tt.words, got)
			}
			if cmd.Background != tt.background {
				t.Errorf("Background = %v, want %v", cmd.Background, tt.background)
			}
			if cmd.Exec != tt.exec {
				t.Errorf("Exec = %v, want %v", cmd.Exec, tt.exec)
			}
		})
	}
}

// ref describes an expected VarRef: name, the nth occurrence of the name in
// the source, HasDefault and the raw text of its Value ("-" for nil).
type ref struct {
	name       string
	nth        int
	hasDefault bool
	value      string
}

func describeRefs(t *testing.T, src string, refs []*VarRef) []ref {
	var got []ref
	for _, r := range refs {
		nth := strings.Count(src[:r.Span.Start], r.Name) + 1
		if src[r.Span.Start:r.Span.End] != r.Name {
			t.Errorf("VarRef %s covers %q", r.Name, src[r.Span.Start:r.Span.End])
		}
		value := "-"
		if r.Value != nil {
			value = src[r.Value.Span.Start:r.Value.Span.End]
		}
		got = append(got, ref{r.Name, nth, r.HasDefault, value})
	}
	return got
}

func TestParseVars(t *testing.T) {
	tests := []struct {
		name    string
		dialect Dialect
		src     string
		uses    []ref
		defs    []ref
	}{
		{"expansions", POSIX, `echo "$A" ${B} ${C:-x} ${D:?missing} ${E#p} $1 $@ $?` + "\n",
			[]ref{{"A", 1, false, "-"}, {"B", 1, false, "-"}, {"C", 1, true, "-"}, {"D", 1, true, "-"}, {"E", 1, false, "-"}}, nil},
		{"assignments", POSIX, "A=1\nB=\"$A\"\nC=\n",
			[]ref{{"A", 2, false, "-"}},
			[]ref{{"A", 1, false, "1"}, {"B", 1, false, `"$A"`}, {"C", 1, false, ""}}},
		{"export and local", POSIX, "export HOST=db PORT\nlocal L\nreadonly RO=1\n",
			nil,
			[]ref{{"HOST", 1, false, "db"}, {"L", 1, false, "-"}, {"RO", 1, false, "1"}}},
		{"export in bash", Bash, "export HOST=db PORT\nlocal L\n",
			nil,
			[]ref{{"HOST", 1, false, "db"}, {"L", 1, false, "-"}}},
		{"read and for", POSIX, "read -r -p 'prompt' X Y\nfor I in 1 2; do echo \"$I\"; done\n",
			[]ref{{"I", 2, false, "-"}},
			[]ref{{"X", 1, false, "-"}, {"Y", 1, false, "-"}, {"I", 1, false, "-"}}},
		{"assign default", POSIX, ": \"${PORT:=3306}\"\n",
			[]ref{{"PORT", 1, true, "-"}},
			[]ref{{"PORT", 1, true, "3306"}}},
		{"arithmetic", POSIX, "tries=$((tries + 1))\n",
			[]ref{{"tries", 2, false, "-"}},
			[]ref{{"tries", 1, false, "$((tries + 1))"}}},
		{"heredoc body", POSIX, "cat <<EOF\nhost=${DB_HOST}\nEOF\ncat <<'EOF'\n${NOT_EXPANDED}\nEOF\n",
			[]ref{{"DB_HOST", 1, false, "-"}}, nil},
		{"getopts", POSIX, "while getopts ab: OPT; do :; done\n",
			nil, []ref{{"OPT", 1, false, "-"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.src), tt.dialect)
			if len(f.Errors) > 0 {
				t.Fatalf("Parse(%q) errors: %v", tt.src, f.Errors[0].Message)
			}
			if got := describeRefs(t, tt.src, f.VarUses); fmt.Sprint(got) != fmt.Sprint(tt.uses) {
				t.Errorf("input %q\nwant uses %v\ngot       %v", tt.src, tt.uses, got)
			}
			if got := describeRefs(t, tt.src, f.VarDefs); fmt.Sprint(got) != fmt.Sprint(tt.defs) {
				t.Errorf("input %q\nwant defs %v\ngot       %v", tt.src, tt.defs, got)
			}
		})
	}
}

func TestParseFunctionsAndHeredocs(t *testing.T) {
	src := "wait_for() {\n  nc -z \"$1\" \"$2\"\n}\ncat > /etc/my.cnf <<EOF\n[client]\nhost=mariadb\nEOF\ncat <<-'END'\n\tliteral $x\n\tEND\n"
	f := Parse([]byte(src), POSIX)
	if len(f.Errors) > 0 {
		t.Fatalf("errors: %v", f.Errors[0].Message)
	}
	if len(f.Functions) != 1 {
		t.Fatalf("got %d functions, want 1", len(f.Functions))
	}
	fn := f.Functions[0]
	if fn.Name != "wait_for" || fn.NameSpan != at(t, src, "wait_for", 1) {
		t.Errorf("function %q at %v, want wait_for at %v", fn.Name, fn.NameSpan, at(t, src, "wait_for", 1))
	}
	if got, want := src[fn.Span.Start:fn.Span.End], "wait_for() {\n  nc -z \"$1\" \"$2\"\n}"; got != want {
		t.Errorf("function Span covers %q, want %q", got, want)
	}

	if len(f.Heredocs) != 2 {
		t.Fatalf("got %d heredocs, want 2", len(f.Heredocs))
	}
	if got, want := src[f.Heredocs[0].Body.Start:f.Heredocs[0].Body.End], "[client]\nhost=mariadb\n"; got != want {
		t.Errorf("heredoc 0 body %q, want %q", got, want)
	}
	if f.Heredocs[0].Quoted || !f.Heredocs[1].Quoted {
		t.Errorf("Quoted = %v, %v; want false, true", f.Heredocs[0].Quoted, f.Heredocs[1].Quoted)
	}
}

// TestParseInvalidUTF8 checks that bytes that are not UTF-8 (Latin-1 text
// in a comment, a value and an expansion) neither stop the parse nor move
// a Span: everything after them is modelled at its offset in the content.
func TestParseInvalidUTF8(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"comment", "#!/bin/sh\n# caf\xe9 cr\xe8me\nDB_HOST=db\nnc -z \"$DB_HOST\" 3306\n"},
		{"value", "#!/bin/sh\nDB_HOST=\xe9t\xe9\nnc -z \"$DB_HOST\" 3306\n"},
		{"quoted", "#!/bin/sh\necho \"\xff\xfe\" '\xe9'\nDB_HOST=db\nnc -z \"$DB_HOST\" 3306\n"},
		{"bom and crlf", "\ufeff#!/bin/sh\r\n# \xe9\r\nDB_HOST=db\r\nnc -z \"$DB_HOST\" 3306\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.src), POSIX)
			if len(f.Errors) > 0 {
				t.Fatalf("input %q: errors %v, want none", tt.src, f.Errors[0].Message)
			}
			if f.Shebang == nil {
				t.Errorf("input %q: no shebang", tt.src)
			}
			if len(f.VarDefs) != 1 || f.VarDefs[0].Span != at(t, tt.src, "DB_HOST", 1) {
				t.Errorf("input %q: defs %v, want DB_HOST at %v", tt.src, describeRefs(t, tt.src, f.VarDefs), at(t, tt.src, "DB_HOST", 1))
			}
			if len(f.VarUses) != 1 || f.VarUses[0].Span != at(t, tt.src, "DB_HOST", 2) {
				t.Errorf("input %q: uses %v, want DB_HOST at %v", tt.src, describeRefs(t, tt.src, f.VarUses), at(t, tt.src, "DB_HOST", 2))
			}
			last := f.Commands[len(f.Commands)-1]
			if last.Name == nil || last.Name.Literal != "nc" || last.Name.Span != at(t, tt.src, "nc", 1) {
				t.Errorf("input %q: last command %+v, want nc at %v", tt.src, last.Name, at(t, tt.src, "nc", 1))
			}
		})
	}
}

// TestSyntaxTreeOffsets checks that the tree SyntaxTree returns keeps its
// comments and puts each node at its offset in the content, after a byte
// order mark and bytes that are not UTF-8.
func TestSyntaxTreeOffsets(t *testing.T) {
	src := "\ufeff#!/bin/sh\n# caf\xe9\nif true; then\n  echo \xff\nfi\n"
	tree := SyntaxTree(Parse([]byte(src), POSIX))
	if tree == nil || len(tree.Stmts) != 1 {
		t.Fatalf("input %q: tree %v, want one statement", src, tree)
	}
	if got, want := int(tree.Stmts[0].Pos().Offset()), at(t, src, "if", 1).Start; got != want {
		t.Errorf("if statement at %d, want %d", got, want)
	}
	var comments []string
	for _, c := range tree.Stmts[0].Comments {
		comments = append(comments, src[c.Pos().Offset():c.End().Offset()])
	}
	if want := []string{"#!/bin/sh", "# caf\xe9"}; fmt.Sprint(comments) != fmt.Sprint(want) {
		t.Errorf("comments %q, want %q", comments, want)
	}
	if SyntaxTree(nil) != nil {
		t.Errorf("SyntaxTree(nil) is not nil")
	}
}
