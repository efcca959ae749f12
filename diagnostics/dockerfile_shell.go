package diagnostics

import (
	"path"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// runScript maps the bytes of a shell script that a RUN runs to the
// content.
type runScript struct {
	offsets []int // the content offset of each byte of the script, and of its end
}

// span returns the content Span of the script bytes [from, to).
func (s *runScript) span(from, to int) position.Span {
	start, end := from, to
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
	starts := c.stageShells()
	for i := range c.df.Stages {
		if c.ctx.Err() != nil {
			return
		}
		shell := starts[i]
		c.df.WalkStageWhile(i, func(in *dockerfile.Instruction, env *dockerfile.Env) bool {
			if in.Keyword == "SHELL" && in.JSONForm {
				shell = newStageShell(wordValues(in.Args))
			}
			if in.Keyword == "RUN" && !in.JSONForm && in.Node != nil {
				c.checkRun(in, shell, env)
			}
			return !c.cancelled()
		})
	}
}

// stageShell is a SHELL in force, with the key that identifies it in the
// cache of RUN analyses.
type stageShell struct {
	args []string
	key  string
}

func newStageShell(args []string) *stageShell {
	return &stageShell{args: args, key: strings.Join(args, "\x00")}
}

// stageShells returns the SHELL in force at the start of each stage: the
// one its base stage ends with, or /bin/sh -c.
func (c *dockerChecker) stageShells() []*stageShell {
	defaultShell := newStageShell([]string{"/bin/sh", "-c"})
	starts := make([]*stageShell, len(c.df.Stages))
	ends := make([]*stageShell, len(c.df.Stages))
	for i, st := range c.df.Stages {
		starts[i] = defaultShell
		if base := c.df.BaseStage(st); base != nil {
			starts[i] = ends[base.Index]
		}
		ends[i] = starts[i]
		for _, in := range st.Instructions {
			if in.Keyword == "SHELL" && in.JSONForm {
				ends[i] = newStageShell(wordValues(in.Args))
			}
		}
	}
	return starts
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

// runKey identifies the input of analyzeRun: the RUN instruction and the
// SHELL in force. As in instructionKey, the node below the RUN's node
// identifies the text of the instruction: its line, its heredocs and the
// escape character that splits them.
type runKey struct {
	node  *parser.Node // the Next of the RUN's node
	shell string
}

// runAnalyses caches analyzeRun. 8,192 entries hold the RUN instructions of
// several 5,000-line Dockerfiles.
var runAnalyses = newResultCache[runKey, *runAnalysis](8192, func(k runKey) runKey {
	k.shell = strings.Clone(k.shell)
	return k
})

// runAnalysis is the findings of the shell rules in a RUN, in script
// bytes, before the variables in scope and the stage decide what to report.
type runAnalysis struct {
	syntaxError   string // the message when neither the stage's shell nor bash can parse the command text
	syntaxErrorAt int    // the byte of the command text where it fails
	scripts       []*scriptAnalysis
}

// checkRun reports what the shell rules find in a shell-form RUN, with env
// the variables in scope before it.
func (c *dockerChecker) checkRun(in *dockerfile.Instruction, shell *stageShell, env *dockerfile.Env) {
	// A RUN without arguments has no node to key by, and costs little to
	// analyze again.
	var a *runAnalysis
	if key := (runKey{node: in.Node.Next, shell: shell.key}); key.node != nil {
		a = runAnalyses.get(key, func() *runAnalysis { return c.analyzeRun(in, shell.args) })
	} else {
		a = c.analyzeRun(in, shell.args)
	}

	if a.syntaxError != "" {
		s := &runScript{offsets: commandOffsets(in)}
		end := s.offsets[a.syntaxErrorAt]
		if a.syntaxErrorAt < len(s.offsets)-1 {
			end++
		}
		c.ownRule(&dfRuleShellSyntax, position.Span{Start: s.offsets[a.syntaxErrorAt], End: end}, "shell syntax error: "+a.syntaxError)
	}
	for _, sa := range a.scripts {
		c.reportScript(in, env, sa)
	}
}

// analyzeRun parses the scripts of a shell-form RUN: its command line with
// its heredocs, as the stage's shell runs it, and each heredoc body that a
// shell runs as a script. It reads only what runKey holds.
func (c *dockerChecker) analyzeRun(in *dockerfile.Instruction, shell []string) *runAnalysis {
	a := &runAnalysis{}
	if len(shell) == 0 {
		return a
	}
	dialect, ok := shellDialect(shell[0])
	if !ok {
		return a
	}
	text := c.commandText(in)
	outer, err := c.parseScript(text, dialect)
	if err != nil {
		a.syntaxErrorAt, a.syntaxError = c.shellSyntaxError(text)
		return a
	}
	pipefail := false
	for i, arg := range shell {
		if arg == "pipefail" && i > 0 && shell[i-1] == "-o" {
			pipefail = true
		}
	}
	a.scripts = append(a.scripts, analyzeScript(outer, -1, pipefail))
	for i, doc := range in.Heredocs {
		interpreter := c.heredocInterpreter(in, outer, i, path.Base(shell[0]))
		if interpreter == "" {
			continue
		}
		if d, ok := shellDialect(interpreter); ok {
			if f, err := c.parseScript(doc.Body(c.df.Content), d); err == nil {
				a.scripts = append(a.scripts, analyzeScript(f, i, false))
			}
		}
	}
	return a
}

// commandText returns the text the shell runs for in: the arguments of the
// logical line, then each heredoc body with its terminator.
func (c *dockerChecker) commandText(in *dockerfile.Instruction) string {
	if len(in.Heredocs) == 0 {
		return in.ArgsText()
	}
	var b strings.Builder
	b.WriteString(in.ArgsText())
	for _, doc := range in.Heredocs {
		b.WriteByte('\n')
		b.Write(c.df.Content[doc.BodySpan.Start:doc.EndSpan.End])
	}
	return b.String()
}

// commandOffsets returns the content offset of each byte of commandText,
// and of its end.
func commandOffsets(in *dockerfile.Instruction) []int {
	args := in.ArgsText()
	offsets := make([]int, 0, len(args)+1)
	for i := range args {
		offsets = append(offsets, in.Offset(in.ArgsStart+i))
	}
	for _, doc := range in.Heredocs {
		offsets = append(offsets, doc.BodySpan.Start)
		for j := doc.BodySpan.Start; j < doc.EndSpan.End; j++ {
			offsets = append(offsets, j)
		}
	}
	return append(offsets, in.Span.End)
}

// heredocOffsets returns the content offset of each byte of a heredoc
// body, and of its end.
func heredocOffsets(doc *dockerfile.Heredoc) []int {
	offsets := make([]int, doc.BodySpan.Len()+1)
	for j := range offsets {
		offsets[j] = doc.BodySpan.Start + j
	}
	return offsets
}

// parseScript parses a script in a shell dialect, with a parser that the
// checker keeps for the next script.
func (c *dockerChecker) parseScript(text string, dialect syntax.LangVariant) (*syntax.File, error) {
	p := c.shellParsers[dialect]
	if p == nil {
		p = syntax.NewParser(syntax.Variant(dialect))
		if c.shellParsers == nil {
			c.shellParsers = map[syntax.LangVariant]*syntax.Parser{}
		}
		c.shellParsers[dialect] = p
	}
	return p.Parse(strings.NewReader(text), "")
}

// shellSyntaxError returns where and why bash cannot parse a RUN that the
// stage's shell cannot parse either, or "" when bash can. Bash syntax in a
// /bin/sh RUN is left alone: /bin/sh is bash in some images.
func (c *dockerChecker) shellSyntaxError(text string) (int, string) {
	_, err := c.parseScript(text, syntax.LangBash)
	if err == nil {
		return 0, ""
	}
	perr, ok := err.(syntax.ParseError)
	if !ok {
		return 0, ""
	}
	return min(int(perr.Pos.Offset()), len(text)), perr.Text
}

// heredocInterpreter returns the program that runs heredoc i of a RUN as a
// script: the shebang or the stage's shell for "RUN <<EOF" alone, the
// command that reads it on stdin otherwise ("RUN <<EOF bash"), or "" when
// the body is data.
func (c *dockerChecker) heredocInterpreter(in *dockerfile.Instruction, outer *syntax.File, i int, shell string) string {
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
	syntax.Walk(outer, func(node syntax.Node) bool {
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
