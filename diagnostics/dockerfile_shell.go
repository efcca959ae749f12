package diagnostics

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// runScript is a shell script that a RUN runs, parsed with mvdan.cc/sh,
// and the content offset of each of its bytes.
type runScript struct {
	file     *syntax.File
	offsets  []int // content offset of each byte of the script text, and of its end
	pipefail bool  // the shell runs with -o pipefail
	shell    string
}

func (s *runScript) span(from, to syntax.Pos) position.Span {
	start, end := int(from.Offset()), int(to.Offset())
	if start >= len(s.offsets) {
		start = len(s.offsets) - 1
	}
	if end > len(s.offsets) {
		end = len(s.offsets)
	}
	if end <= start {
		return position.Span{Start: s.offsets[start], End: s.offsets[start]}
	}
	return position.Span{Start: s.offsets[start], End: s.offsets[end-1] + 1}
}

// byteSpan returns the content Span of n script bytes at offset.
func (s *runScript) byteSpan(offset, n int) position.Span {
	if offset >= len(s.offsets)-1 {
		end := s.offsets[len(s.offsets)-1]
		return position.Span{Start: end, End: end}
	}
	return position.Span{Start: s.offsets[offset], End: s.offsets[min(offset+n, len(s.offsets)-1)-1] + 1}
}

// runChecks parses the shell of each shell-form RUN, and of each heredoc
// that a shell runs, and checks the commands: apt-get use, cd, sudo, pipes
// without pipefail and unquoted variables. Exec-form RUN runs no shell and
// is skipped, as are stages whose SHELL is not a POSIX shell.
func (c *dockerChecker) runChecks() {
	for i := range c.df.Stages {
		if c.ctx.Err() != nil {
			return
		}
		shell := c.stageShell(i)
		for _, in := range c.df.Stages[i].Instructions {
			if in.Keyword == "SHELL" && in.JSONForm {
				shell = wordValues(in.Args)
			}
			if in.Keyword != "RUN" || in.JSONForm || in.Node == nil {
				continue
			}
			for _, script := range c.runScripts(in, shell) {
				c.checkScript(in, script)
			}
		}
	}
}

// stageShell returns the SHELL in force at the start of stage i: the one
// its base stage ends with, or /bin/sh -c.
func (c *dockerChecker) stageShell(i int) []string {
	st := c.df.Stages[i]
	base := c.df.BaseStage(st)
	if base == nil {
		return []string{"/bin/sh", "-c"}
	}
	shell := c.stageShell(base.Index)
	for _, in := range base.Instructions {
		if in.Keyword == "SHELL" && in.JSONForm {
			shell = wordValues(in.Args)
		}
	}
	return shell
}

func wordValues(words []*dockerfile.Word) []string {
	values := make([]string, len(words))
	for i, w := range words {
		values[i] = w.Value
	}
	return values
}

// shellDialect returns the mvdan dialect of an interpreter name, and false
// for an interpreter that is no POSIX-family shell.
func shellDialect(interpreter string) (syntax.LangVariant, bool) {
	switch path.Base(interpreter) {
	case "sh", "dash", "ash", "busybox":
		return syntax.LangPOSIX, true
	case "bash":
		return syntax.LangBash, true
	case "mksh", "ksh":
		return syntax.LangMirBSDKorn, true
	}
	return 0, false
}

// runScripts returns the scripts of a shell-form RUN: its command line with
// its heredocs, as the stage's shell runs it, and each heredoc body that a
// shell runs as a script.
func (c *dockerChecker) runScripts(in *dockerfile.Instruction, shell []string) []*runScript {
	if len(shell) == 0 {
		return nil
	}
	dialect, ok := shellDialect(shell[0])
	if !ok {
		return nil
	}
	text, offsets := c.commandText(in)
	outer := parseScript(text, offsets, dialect)
	if outer == nil {
		c.shellSyntaxError(text, offsets, dialect)
		return nil
	}
	outer.shell = path.Base(shell[0])
	for i, arg := range shell {
		if arg == "pipefail" && i > 0 && shell[i-1] == "-o" {
			outer.pipefail = true
		}
	}
	scripts := []*runScript{outer}
	for i, doc := range in.Heredocs {
		interpreter := c.heredocInterpreter(in, outer, i, path.Base(shell[0]))
		if interpreter == "" {
			continue
		}
		if d, ok := shellDialect(interpreter); ok {
			body := doc.Body(c.df.Content)
			bodyOffsets := make([]int, len(body)+1)
			for j := range bodyOffsets {
				bodyOffsets[j] = doc.BodySpan.Start + j
			}
			if s := parseScript(body, bodyOffsets, d); s != nil {
				s.shell = interpreter
				scripts = append(scripts, s)
			}
		}
	}
	return scripts
}

// commandText returns the text the shell runs for in: the arguments of the
// logical line, then each heredoc body with its terminator, and the
// content offset of each byte.
func (c *dockerChecker) commandText(in *dockerfile.Instruction) (string, []int) {
	args := in.ArgsText()
	var b strings.Builder
	offsets := make([]int, 0, len(args)+1)
	b.WriteString(args)
	for i := range args {
		offsets = append(offsets, in.Offset(in.ArgsStart+i))
	}
	for _, doc := range in.Heredocs {
		b.WriteByte('\n')
		offsets = append(offsets, doc.BodySpan.Start)
		tail := c.df.Content[doc.BodySpan.Start:doc.EndSpan.End]
		b.Write(tail)
		for j := range tail {
			offsets = append(offsets, doc.BodySpan.Start+j)
		}
	}
	end := in.Span.End
	offsets = append(offsets, end)
	return b.String(), offsets
}

func parseScript(text string, offsets []int, dialect syntax.LangVariant) *runScript {
	f, err := syntax.NewParser(syntax.Variant(dialect)).Parse(strings.NewReader(text), "")
	if err != nil {
		return nil
	}
	return &runScript{file: f, offsets: offsets}
}

// shellSyntaxError reports a RUN that neither sh nor bash can parse. Bash
// syntax in a /bin/sh RUN is left alone: /bin/sh is bash in some images.
func (c *dockerChecker) shellSyntaxError(text string, offsets []int, dialect syntax.LangVariant) {
	_, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(text), "")
	if err == nil {
		return
	}
	perr, ok := err.(syntax.ParseError)
	if !ok {
		return
	}
	at := int(perr.Pos.Offset())
	if at >= len(offsets) {
		at = len(offsets) - 1
	}
	start := offsets[at]
	end := start
	if at < len(text) {
		end = start + 1
	}
	c.ownRule(&dfRuleShellSyntax, position.Span{Start: start, End: end}, "shell syntax error: "+perr.Text)
}

// heredocInterpreter returns the program that runs heredoc i of a RUN as a
// script: the shebang or the stage's shell for "RUN <<EOF" alone, the
// command that reads it on stdin otherwise ("RUN <<EOF bash"), or "" when
// the body is data.
func (c *dockerChecker) heredocInterpreter(in *dockerfile.Instruction, outer *runScript, i int, shell string) string {
	doc := in.Heredocs[i]
	body := doc.Body(c.df.Content)
	if len(in.Heredocs) == 1 && len(in.Args) == 1 {
		if line, ok := strings.CutPrefix(body, "#!"); ok {
			fields := strings.Fields(strings.SplitN(line, "\n", 2)[0])
			if len(fields) > 1 && path.Base(fields[0]) == "env" {
				return path.Base(fields[1])
			}
			if len(fields) > 0 {
				return path.Base(fields[0])
			}
		}
		return shell
	}
	interpreter := ""
	n := 0
	syntax.Walk(outer.file, func(node syntax.Node) bool {
		stmt, ok := node.(*syntax.Stmt)
		if !ok {
			return true
		}
		for _, r := range stmt.Redirs {
			if r.Op != syntax.Hdoc && r.Op != syntax.DashHdoc {
				continue
			}
			if n == i {
				interpreter = stdinShell(stmt)
			}
			n++
		}
		return true
	})
	return interpreter
}

// stdinShell returns the shell that a statement runs on its standard input,
// such as "bash" for "bash -e <<EOF", or "".
func stdinShell(stmt *syntax.Stmt) string {
	call, ok := stmt.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 {
		return ""
	}
	name := path.Base(call.Args[0].Lit())
	if _, ok := shellDialect(name); !ok {
		return ""
	}
	for _, arg := range call.Args[1:] {
		if lit := arg.Lit(); lit == "-c" || !strings.HasPrefix(lit, "-") {
			return ""
		}
	}
	return name
}
