package dockerfile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// describe prints the model of f, one item a line, with the text at each
// Span quoted, so a table can state the expected model in full.
func describe(f *File) string {
	var b strings.Builder
	text := func(span position.Span) string { return fmt.Sprintf("%q", f.Content[span.Start:span.End]) }
	for _, d := range f.Directives {
		fmt.Fprintf(&b, "directive %s=%s\n", text(d.NameSpan), text(d.ValueSpan))
	}
	for _, in := range f.Instructions {
		fmt.Fprintf(&b, "%s %s stage=%d", in.Keyword, text(in.KeywordSpan), in.Stage)
		if in.JSONForm {
			b.WriteString(" json")
		}
		for _, fl := range in.Flags {
			fmt.Fprintf(&b, " flag:%s=%s", text(fl.NameSpan), text(fl.ValueSpan))
		}
		for _, w := range in.Args {
			fmt.Fprintf(&b, " %s", text(w.Span))
		}
		b.WriteString("\n")
		for _, doc := range in.Heredocs {
			fmt.Fprintf(&b, "  heredoc %s name=%s expand=%v chomp=%v body=%s end=%s\n", text(doc.OpenerSpan), doc.Name, doc.Expand, doc.Chomp, text(doc.BodySpan), text(doc.EndSpan))
		}
		for _, e := range in.EmptyLines {
			fmt.Fprintf(&b, "  empty line at %d\n", e.Start)
		}
	}
	for _, st := range f.Stages {
		fmt.Fprintf(&b, "stage %d image=%s name=%s\n", st.Index, text(st.ImageSpan), text(st.NameSpan))
	}
	for _, v := range f.Vars {
		fmt.Fprintf(&b, "var %s=%q value=%s stage=%d env=%v\n", text(v.NameSpan), v.Value, text(v.ValueSpan), v.Stage, v.Env)
	}
	for _, e := range f.Errors {
		fmt.Fprintf(&b, "error %s\n", text(e.Span))
	}
	return b.String()
}

var parseTests = []struct {
	name string
	src  string
	want string
}{
	{
		name: "heredoc body with blank lines",
		src:  "FROM alpine:3.20\nRUN <<BODY\necho \"one\"\n\necho \"two\"\nBODY\nCOPY <<DIFF /tmp/change.patch\n--- a/conf\n+++ b/conf\n\n # unchanged line\nDIFF\n",
		want: `FROM "FROM" stage=0 "alpine:3.20"
RUN "RUN" stage=0 "<<BODY"
  heredoc "<<BODY" name=BODY expand=true chomp=false body="echo \"one\"\n\necho \"two\"\n" end="BODY"
COPY "COPY" stage=0 "<<DIFF" "/tmp/change.patch"
  heredoc "<<DIFF" name=DIFF expand=true chomp=false body="--- a/conf\n+++ b/conf\n\n # unchanged line\n" end="DIFF"
stage 0 image="alpine:3.20" name=""
`,
	},
	{
		name: "empty continuation line",
		src:  "FROM alpine:3.20\nRUN echo one && \\\n\n    echo two\n",
		want: `FROM "FROM" stage=0 "alpine:3.20"
RUN "RUN" stage=0 "echo" "one" "&&" "echo" "two"
  empty line at 35
stage 0 image="alpine:3.20" name=""
`,
	},
	{
		name: "backslash-escaped heredoc word",
		src:  "FROM debian:12\nCOPY <<-\\PAYLOAD /opt/data.txt\n  value is '$BUILD_FLAVOR'\nPAYLOAD\nCMD [\"cat\", \"/opt/data.txt\"]\n",
		want: `FROM "FROM" stage=0 "debian:12"
COPY "COPY" stage=0 "<<-\\PAYLOAD" "/opt/data.txt"
  heredoc "<<-\\PAYLOAD" name=PAYLOAD expand=true chomp=true body="  value is '$BUILD_FLAVOR'\n" end="PAYLOAD"
CMD "CMD" stage=0 json "\"cat\"" "\"/opt/data.txt\""
stage 0 image="debian:12" name=""
`,
	},
	{
		name: "unbalanced quote in heredoc opener",
		src:  "FROM debian:12\nRUN <<'PATCHEND tee /dev/stderr | git apply\ndiff --git a/x b/x\n",
		want: `FROM "FROM" stage=0 "debian:12"
RUN "RUN" stage=0 "<<'PATCHEND tee /dev/stderr | git apply"
DIFF "diff" stage=0 flag:"git"="" "a/x" "b/x"
stage 0 image="debian:12" name=""
`,
	},
	{
		name: "quoted heredoc word turns expansion off",
		src:  "FROM debian:12\nRUN <<'PATCHEND' tee /dev/stderr\n+new\nPATCHEND\n",
		want: `FROM "FROM" stage=0 "debian:12"
RUN "RUN" stage=0 "<<'PATCHEND'" "tee" "/dev/stderr"
  heredoc "<<'PATCHEND'" name=PATCHEND expand=false chomp=false body="+new\n" end="PATCHEND"
stage 0 image="debian:12" name=""
`,
	},
	{
		name: "here-string is not a heredoc",
		src:  "FROM debian:12\nRUN cat <<<HERESTR\nsome text\n",
		want: `FROM "FROM" stage=0 "debian:12"
RUN "RUN" stage=0 "cat" "<<<HERESTR"
SOME "some" stage=0 "text"
stage 0 image="debian:12" name=""
`,
	},
	{
		name: "two heredocs read in order",
		src:  "FROM scratch\nCOPY <<A <<B /dest/\na\nA\nb\nB\n",
		want: `FROM "FROM" stage=0 "scratch"
COPY "COPY" stage=0 "<<A" "<<B" "/dest/"
  heredoc "<<A" name=A expand=true chomp=false body="a\n" end="A"
  heredoc "<<B" name=B expand=true chomp=false body="b\n" end="B"
stage 0 image="scratch" name=""
`,
	},
	{
		name: "heredoc opener with spaces, fd and partial quote",
		src:  "FROM scratch\nRUN <<  MARK 3<<ma'rk'\nx\nMARK\ny\nmark\n",
		want: `FROM "FROM" stage=0 "scratch"
RUN "RUN" stage=0 "<<" "MARK" "3<<ma'rk'"
  heredoc "<<  MARK" name=MARK expand=true chomp=false body="x\n" end="MARK"
  heredoc "3<<ma'rk'" name=mark expand=false chomp=false body="y\n" end="mark"
stage 0 image="scratch" name=""
`,
	},
	{
		name: "heredoc terminator at end without newline",
		src:  "FROM alpine:3.20\nRUN <<STEP\necho last\nSTEP",
		want: `FROM "FROM" stage=0 "alpine:3.20"
RUN "RUN" stage=0 "<<STEP"
  heredoc "<<STEP" name=STEP expand=true chomp=false body="echo last\n" end="STEP"
stage 0 image="alpine:3.20" name=""
`,
	},
	{
		name: "heredoc opener on a continued line",
		src:  "FROM alpine:3.20\nRUN apk add bash && \\\n    cat <<CFG > /etc/app.conf\nkey=value\nCFG\nRUN echo done\n",
		want: `FROM "FROM" stage=0 "alpine:3.20"
RUN "RUN" stage=0 "apk" "add" "bash" "&&" "cat" "<<CFG" ">" "/etc/app.conf"
  heredoc "<<CFG" name=CFG expand=true chomp=false body="key=value\n" end="CFG"
RUN "RUN" stage=0 "echo" "done"
stage 0 image="alpine:3.20" name=""
`,
	},
	{
		name: "unterminated heredoc",
		src:  "RUN <<eot\n",
		want: `RUN "RUN" stage=-1 "<<eot"
  heredoc "<<eot" name=eot expand=true chomp=false body="" end=""
error "<<eot"
`,
	},
	{
		name: "keyword split by a continuation",
		src:  "FROM alpine:3.20\nFR\\\n\nOM scratch\n",
		want: `FROM "FROM" stage=0 "alpine:3.20"
FROM "FR\\\n\nOM" stage=1 "scratch"
  empty line at 21
stage 0 image="alpine:3.20" name=""
stage 1 image="scratch" name=""
`,
	},
	{
		name: "backslash inside the keyword",
		src:  "FROM alpine:3.20\nEXPOS\\ 8080\n",
		want: `FROM "FROM" stage=0 "alpine:3.20"
EXPOS\ "EXPOS\\" stage=0 "8080"
stage 0 image="alpine:3.20" name=""
`,
	},
	{
		name: "keyword glued to a continuation",
		src:  "FROM alpine:3.20\nHEALTHCHECK\\\nNONE\n",
		want: `FROM "FROM" stage=0 "alpine:3.20"
HEALTHCHECKNONE "HEALTHCHECK\\\nNONE" stage=0
stage 0 image="alpine:3.20" name=""
`,
	},
	{
		name: "backtick escape",
		src:  "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nLABEL owner=\"team-a\" `\n      purpose=\"demo\"\nRUN move .\\x64\\Tools .\\Tools \\\nCMD x\n",
		want: `directive "escape"="` + "`" + `"
FROM "FROM" stage=0 "mcr.microsoft.com/windows/nanoserver:ltsc2022"
SHELL "SHELL" stage=0 json "\"powershell\"" "\"-Command\""
LABEL "LABEL" stage=0 "owner=\"team-a\"" "purpose=\"demo\""
RUN "RUN" stage=0 "move" ".\\x64\\Tools" ".\\Tools" "\\"
CMD "CMD" stage=0 "x"
stage 0 image="mcr.microsoft.com/windows/nanoserver:ltsc2022" name=""
`,
	},
	{
		name: "directive after a blank line is a comment",
		src:  "\n#escape=a\nFROM alpine:3.20\n",
		want: `FROM "FROM" stage=0 "alpine:3.20"
stage 0 image="alpine:3.20" name=""
`,
	},
	{
		name: "blank escape directive",
		src:  "#escape=   \nFROM alpine:3.20\n",
		want: `FROM "FROM" stage=0 "alpine:3.20"
stage 0 image="alpine:3.20" name=""
error "   "
`,
	},
	{
		name: "BOM before a directive",
		src:  "\uFEFF# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<STEP\necho ok\nSTEP\n",
		want: `directive "syntax"="docker/dockerfile:1"
FROM "FROM" stage=0 "alpine:3.20"
RUN "RUN" stage=0 "<<STEP"
  heredoc "<<STEP" name=STEP expand=true chomp=false body="echo ok\n" end="STEP"
stage 0 image="alpine:3.20" name=""
`,
	},
	{
		name: "CRLF, tab and non-ASCII before words",
		src:  "FROM\t--platform=$BUILDPLATFORM golang:1.22 AS build\r\nLABEL é=\"ü\"\tx=1\r\nRUN \\\r\n  # note\r\n  echo\tdone\r\n",
		want: `FROM "FROM" stage=0 flag:"platform"="$BUILDPLATFORM" "golang:1.22" "AS" "build"
LABEL "LABEL" stage=0 "é=\"ü\"" "x=1"
RUN "RUN" stage=0 "echo" "done"
stage 0 image="golang:1.22" name="build"
`,
	},
	{
		name: "ARG scope and ENV forms",
		src:  "ARG BASE=3.20 OTHER\nFROM alpine:$BASE\nENV A=1 B=\"two words\"\nENV LEGACY value with spaces\n",
		want: `ARG "ARG" stage=-1 "BASE=3.20" "OTHER"
FROM "FROM" stage=0 "alpine:$BASE"
ENV "ENV" stage=0 "A=1" "B=\"two words\""
ENV "ENV" stage=0 "LEGACY" "value" "with" "spaces"
stage 0 image="alpine:$BASE" name=""
var "BASE"="3.20" value="3.20" stage=-1 env=false
var "OTHER"="" value="" stage=-1 env=false
var "A"="1" value="1" stage=0 env=true
var "B"="two words" value="\"two words\"" stage=0 env=true
var "LEGACY"="value with spaces" value="value with spaces" stage=0 env=true
`,
	},
	{
		name: "flags, mount and the end of flags",
		src:  "FROM a AS b\nRUN --mount=type=cache,target=/root/.cache --network=none -- echo hi\nCOPY --from=b --chmod=755 src/ /dst/\nONBUILD COPY --from=b x y\n",
		want: `FROM "FROM" stage=0 "a" "AS" "b"
RUN "RUN" stage=0 flag:"mount"="type=cache,target=/root/.cache" flag:"network"="none" "echo" "hi"
COPY "COPY" stage=0 flag:"from"="b" flag:"chmod"="755" "src/" "/dst/"
ONBUILD "ONBUILD" stage=0 "COPY" "--from=b" "x" "y"
stage 0 image="a" name="b"
`,
	},
	{
		name: "ENV without value and JSON that is not strings",
		src:  "FROM busybox\nENV PATH\nCMD [ \"echo\", [ \"nested\" ] ]\nRUN ok\n",
		want: `FROM "FROM" stage=0 "busybox"
ENV "ENV" stage=0 "PATH"
CMD "CMD" stage=0 "[" "\"echo\"," "[" "\"nested\"" "]" "]"
RUN "RUN" stage=0 "ok"
stage 0 image="busybox" name=""
error "PATH"
error "[ \"echo\", [ \"nested\" ] ]"
`,
	},
	{
		name: "empty file",
		src:  "",
		want: "error \"\"\n",
	},
	{
		name: "one space",
		src:  " ",
		want: "error \" \"\n",
	},
	{
		name: "only comments",
		src:  "# a\n# b\n",
		want: "error \"# b\"\n",
	},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.src))
			checkSanity(t, f)
			if got := describe(f); got != tt.want {
				t.Errorf("input %q\nwant:\n%s\ngot:\n%s", tt.src, tt.want, got)
			}
		})
	}
}

func TestParseNodes(t *testing.T) {
	src := "FROM busybox\nENV PATH\nRUN echo \\\n  hi\nCMD [\"a\"]\n"
	f := Parse([]byte(src))
	wantLines := map[string][2]int{"FROM": {1, 1}, "RUN": {3, 4}, "CMD": {5, 5}}
	for _, in := range f.Instructions {
		want, ok := wantLines[in.Keyword]
		if !ok {
			if in.Node != nil {
				t.Errorf("%s has a buildkit node; buildkit rejects it", in.Keyword)
			}
			continue
		}
		if in.Node == nil {
			t.Errorf("%s has no buildkit node", in.Keyword)
			continue
		}
		if got := [2]int{in.Node.StartLine, in.Node.EndLine}; got != want {
			t.Errorf("%s node lines = %v, want %v", in.Keyword, got, want)
		}
	}
}

func TestParseErrorMessages(t *testing.T) {
	tests := []struct{ src, want string }{
		{"FROM a\nENV PATH\n", "ENV PATH has no value"},
		{"FROM a\nLABEL a=1 b\n", `"b" in LABEL has no "="`},
		{"#escape=x\nFROM a\n", `invalid escape character "x"`},
		{"# syntax=a\n# syntax=b\nFROM a\n", "only one syntax parser directive"},
		{"FROM a\nRUN <<EOF\nx\n", "the heredoc EOF is not terminated"},
		{"", "has no instructions"},
	}
	for _, tt := range tests {
		f := Parse([]byte(tt.src))
		if len(f.Errors) != 1 || !strings.Contains(f.Errors[0].Message, tt.want) {
			var got []string
			for _, e := range f.Errors {
				got = append(got, e.Message)
			}
			t.Errorf("input %q\nwant one error containing %q\ngot %q", tt.src, tt.want, got)
		}
	}
}

// seedInputs returns the table inputs and further hard inputs for the
// sanity walk and the fuzz target.
func seedInputs() []string {
	seeds := []string{
		"FROM alpine:3.20\nRUN <<STEP\n  echo ready\nSTEP\n# trailing note\nRUN echo after\n",
		"FROM alpine:3.20\nRUN <<STEP bash\nSTEP\nRUN echo next\n",
		"FROM debian:12\nRUN <<STEPS\n#!/usr/bin/env bash\nset -eux -o pipefail\necho 'abc' | cat\nSTEPS\n",
		"ARG BASE_TAG=3.20\nFROM alpine:$BASE_TAG\nRUN echo \"tag=$BASE_TAG\"\nARG BASE_TAG\nRUN echo \"tag=$BASE_TAG\"\nFROM alpine:$BASE_TAG AS second\nRUN echo \"tag=$BASE_TAG\"\n",
		"FROM scratch\nARG SVC_PORT\nEXPOSE $SVC_PORT\nARG ALT_PORT=9000\nENV LISTEN_PORT=$ALT_PORT\nEXPOSE \"$LISTEN_PORT\"\nEXPOSE \"$ALT_PORT\"/udp\nEXPOSE 8080/tcp 9090/udp\nEXPOSE http\n",
		"FROM alpine:3.20",
		"\\\n",
		"RUN \\",
		"FROM a\nRUN <<A <<B\n",
		"FROM a\nONBUILD RUN <<X\nbody\nX\n",
		"FROM a\nHEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"http://x/\"]\n",
		"# escape=`\nFROM a\nRUN a `\n  b\n",
		"FROM a\nRUN [\"a\" , \"b\\\"c\"]\n",
		"FROM a\n\tRUN\t\t--mount=type=secret,id=x\t echo\n",
		"FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\n",
		"\uFEFF\uFEFFFROM a\n",
		"FROM a\nCOPY --from=\"b c\" --chown=\\\n 1:1 x y\n",
		"FROM a\nENV \"a b\"\n",
	}
	for _, tt := range parseTests {
		seeds = append(seeds, tt.src)
	}
	return seeds
}
