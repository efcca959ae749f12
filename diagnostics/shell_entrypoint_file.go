package diagnostics

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"runtime"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// lineEndings reports CRLF line ends once, on the first line: the kernel
// reads the "\r" as part of the interpreter's name or last argument, and
// the shell reads it as part of every command's last word.
func (c *scriptChecker) lineEndings() {
	content := c.file.Content
	if !bytes.Contains(content, []byte("\r\n")) {
		return
	}
	var message string
	if sb := c.model.Shebang; sb != nil {
		fields := strings.Fields(string(content[sb.Span.Start+2 : sb.Span.End]))
		switch {
		case len(fields) == 1:
			message = fmt.Sprintf("the file has CRLF line endings, so the kernel will look for `%s\\r` and the container fails with \"bad interpreter: No such file or directory\"; save it with LF line endings", fields[0])
		case len(fields) > 1:
			message = fmt.Sprintf("the file has CRLF line endings, so the kernel passes `%s\\r` to `%s` and the script fails at its first line; save it with LF line endings", fields[len(fields)-1], fields[0])
		}
	}
	if message == "" {
		message = "the file has CRLF line endings, so the shell reads a carriage return at the end of every line (`set -e\\r` fails); save it with LF line endings"
	}
	// Each edit replaces a whole "\r\n": an LSP position cannot fall
	// between its two bytes.
	var edits []position.TextEdit
	for i := 0; i+1 < len(content); i++ {
		if content[i] == '\r' && content[i+1] == '\n' {
			edits = append(edits, position.TextEdit{Span: position.Span{Start: i, End: i + 2}, NewText: "\n"})
		}
	}
	d := ruleAt(ruleCRLF, firstLine(content), message)
	d.Fixes = []*Fix{{Title: "Convert the line endings to LF", Edits: map[position.URI][]position.TextEdit{c.file.URI: edits}, Preferred: true}}
	c.add(d)
}

// shebang checks the "#!" line: a byte order mark before it, none on a
// script that the kernel runs, and an interpreter that is not a path.
//
// NOTE: a bash "#!" line on an Alpine image, which has no bash unless a
// RUN installs it, is not reported: the dialect checks treat such a
// script as valid bash.
func (c *scriptChecker) shebang() {
	content := c.file.Content
	direct := c.directRunners()
	sb := c.model.Shebang
	switch {
	case sb != nil && bytes.HasPrefix(content, []byte(utf8BOM)):
		d := ruleAt(ruleShebangAfterBOM, position.Span{Start: 0, End: sb.Span.End}, "a byte order mark precedes `#!`, so the kernel does not see the interpreter line and the container fails with \"exec format error\"; save the file as UTF-8 without a byte order mark")
		d.Fixes = []*Fix{c.fix("Remove the byte order mark", position.Span{Start: 0, End: len(utf8BOM)}, "")}
		c.add(d)
	case sb == nil && len(direct) > 0:
		at := firstLine(content).Start
		d := ruleAt(ruleShebangMissing, firstLine(content), fmt.Sprintf("the script has no `#!` line, but %s runs it directly, so the container fails with \"exec format error\"; add `#!/bin/sh` as its first line", containerNames(direct)))
		d.Fixes = []*Fix{c.fix("Add `#!/bin/sh`", position.Span{Start: at, End: at}, "#!/bin/sh"+lineBreak(content))}
		c.add(d)
	case sb != nil:
		c.interpreter(sb)
	}
}

// interpreter checks the program a "#!" line names.
func (c *scriptChecker) interpreter(sb *shell.Shebang) {
	fields := strings.Fields(string(c.file.Content[sb.Span.Start+2 : sb.Span.End]))
	switch {
	case len(fields) == 0:
		c.add(ruleAt(ruleShebangUnusual, sb.Span, "the `#!` line names no interpreter; write `#!/bin/sh`"))
	case !strings.HasPrefix(fields[0], "/"):
		c.add(ruleAt(ruleShebangUnusual, sb.Span, fmt.Sprintf("the interpreter %s is not an absolute path, so the kernel looks for it in the working folder; write `#!/bin/sh` or `#!/usr/bin/env %s`", quote(fields[0]), path.Base(fields[0]))))
	case path.Base(fields[0]) == "env" && sb.Interpreter == "":
		c.add(ruleAt(ruleShebangUnusual, sb.Span, "`#!/usr/bin/env` names no program to run; write `#!/usr/bin/env sh` or `#!/bin/sh`"))
	}
}

// directRunners returns the containers whose entrypoint or command is the
// script itself, run by the kernel.
func (c *scriptChecker) directRunners() []*workspace.Container {
	var out []*workspace.Container
	containers, procs := c.runners()
	for i, p := range procs {
		if p.Direct {
			out = append(out, containers[i])
		}
	}
	return out
}

// fix returns a Fix that replaces span of the script with text.
func (c *scriptChecker) fix(title string, span position.Span, text string) *Fix {
	return &Fix{Title: title, Preferred: true, Edits: map[position.URI][]position.TextEdit{c.file.URI: {{Span: span, NewText: text}}}}
}

// lineBreak returns the line end that content uses: "\r\n" or "\n".
func lineBreak(content []byte) string {
	if bytes.Contains(content, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// execArgs checks a script run as ENTRYPOINT while a CMD is passed to it:
// it must run its arguments, and with exec, so that the command becomes
// the container's main process and gets its stop signal.
func (c *scriptChecker) execArgs() {
	var takesCmd []*workspace.Container
	for _, ct := range c.containers {
		ep := ct.Entrypoint
		if ep != nil && ep.Script == c.file.URI && !ep.ShellForm && ct.Command != nil {
			takesCmd = append(takesCmd, ct)
		}
	}
	if len(takesCmd) == 0 {
		return
	}

	script := c.model.Commands
	var runsArgs *shell.Command
	for _, command := range script {
		if command.Exec && len(command.Args) > 0 {
			return // exec "$@", or exec of the main process
		}
		if c.sourcesRunner(command) {
			return // the sourced script may run the arguments
		}
		if runsArgs == nil && usesArgs(c.file.Content, command) {
			runsArgs = command
		}
	}
	if runsArgs != nil {
		d := ruleAt(ruleEntrypointNoExec, runsArgs.Span, fmt.Sprintf("this runs the command of %s without `exec`, so the command stays a child of the script and does not get the container's stop signal (SIGTERM); write `exec` before it", containerNames(takesCmd)))
		d.Fixes = []*Fix{c.fix("Add `exec`", position.Span{Start: runsArgs.Span.Start, End: runsArgs.Span.Start}, "exec ")}
		c.add(d)
		return
	}

	span := firstLine(c.file.Content)
	if len(script) > 0 {
		span = script[len(script)-1].Span
	}
	var related []Related
	for _, ct := range takesCmd {
		related = append(related, Related{Location: ct.Command.Location(ct.Dockerfile), Message: "the command passed to the entrypoint"})
	}
	last := takesCmd[len(takesCmd)-1]
	command := fmt.Sprintf("%s of %s", quote(strings.Join(last.Command.Words, " ")), containerNames([]*workspace.Container{last}))
	message := "the script never runs its arguments, so the command " + command + " is ignored"
	switch others := len(takesCmd) - 1; {
	case others == 1:
		message = "the script never runs its arguments, so the command " + command + " and the command of 1 other container are ignored"
	case others > 1:
		message = fmt.Sprintf("the script never runs its arguments, so the command %s and the commands of %d other containers are ignored", command, others)
	}
	d := ruleAt(ruleEntrypointIgnoresCmd, span, message+"; end the script with `exec \"$@\"`")
	d.Related = related
	content := c.file.Content
	text := "exec \"$@\"" + lineBreak(content)
	if len(content) > 0 && content[len(content)-1] != '\n' {
		text = lineBreak(content) + text
	}
	d.Fixes = []*Fix{c.fix("Add `exec \"$@\"` at the end", position.Span{Start: len(content), End: len(content)}, text)}
	c.add(d)
}

// sourcesRunner reports whether a command reads another script with "."
// or "source" that may run the script's arguments: one that stackls cannot
// read, or one that runs "$@" or execs a command.
func (c *scriptChecker) sourcesRunner(command *shell.Command) bool {
	if command.Name == nil || command.Name.Dynamic || (command.Name.Literal != "." && command.Name.Literal != "source") {
		return false
	}
	sourced := sourcedFile(c.snap, command.Args, c.file.URI.Dir(), c.containers)
	if sourced == nil {
		return true
	}
	for _, inner := range sourced.Commands {
		if inner.Exec && len(inner.Args) > 0 || usesArgs(sourced.Content, inner) {
			return true
		}
	}
	return false
}

// usesArgs reports whether a command of the script with content has "$@"
// or "$*" as its name or an argument.
func usesArgs(content []byte, command *shell.Command) bool {
	words := append([]*shell.Word{command.Name}, command.Args...)
	for _, w := range words {
		if w == nil {
			continue
		}
		switch strings.Trim(string(content[w.Span.Start:w.Span.End]), `"`) {
		case "$@", "${@}", "$*", "${*}":
			return true
		}
	}
	return false
}

// executable reports a script that a container runs directly while
// nothing makes it executable: its mode on disk, COPY --chmod or a RUN
// chmod of the stage chain.
//
// NOTE: the mode that git's index records is not read, so a checkout that
// lost the executable bit, as on a file system without one, is reported.
func (c *scriptChecker) executable() {
	if runtime.GOOS == "windows" {
		return // the disk has no executable bit to read
	}
	info, err := os.Stat(c.file.Path())
	if err != nil || info.Mode().Perm()&0o111 != 0 {
		return // an unsaved document, or executable on disk
	}
	for _, ct := range c.directRunners() {
		cf := ct.File(c.file.URI)
		if cf == nil || cf.Image == nil || madeExecutable(ct, cf) {
			continue
		}
		in := cf.Image.Instruction
		d := ruleAt(ruleScriptNotExecutable, firstLine(c.file.Content), fmt.Sprintf("%s runs %s directly, but the file is not executable on disk and no `COPY --chmod` or `RUN chmod` makes it so, so the container fails with \"permission denied\"; add `--chmod=755` to the COPY or run `chmod +x` on the file",
			containerNames([]*workspace.Container{ct}), quote(cf.Path)))
		d.Related = []Related{{Location: position.Location{URI: cf.Image.Dockerfile, Span: in.Span}, Message: "the instruction that copies the script"}}
		at := in.KeywordSpan.End
		d.Fixes = []*Fix{{Title: "Add `--chmod=755` to the " + in.Keyword, Edits: map[position.URI][]position.TextEdit{cf.Image.Dockerfile: {{Span: position.Span{Start: at, End: at}, NewText: " --chmod=755"}}}}}
		c.add(d)
	}
}

// madeExecutable reports whether the image gives the file an executable
// bit: a --chmod with one on its COPY, or a RUN chmod after the copy whose
// operands name its path, a folder that holds it or a glob that matches
// it.
func madeExecutable(ct *workspace.Container, cf *workspace.ContainerFile) bool {
	copyIn := cf.Image.Instruction
	if fl := copyIn.Flag("chmod"); fl != nil && chmodAddsExec(fl.Value) {
		return true
	}
	instructions, _ := ct.Instructions()
	after := false
	for _, in := range instructions {
		if in == copyIn {
			after = true
			continue
		}
		if !after || in.Keyword != "RUN" {
			continue
		}
		for _, operand := range chmodOperands(in.Line) {
			dir := strings.TrimSuffix(operand, "/")
			matched, _ := path.Match(operand, cf.Path)
			if matched || dir != "" && strings.HasPrefix(cf.Path, dir+"/") {
				return true
			}
		}
	}
	return false
}

// chmodOperands returns the words after each "chmod" of a RUN line up to
// the end of its command: the mode and the files, without options.
func chmodOperands(line string) []string {
	var operands []string
	in := false
	for _, word := range strings.Fields(line) {
		switch {
		case word == "chmod":
			in = true
		case word == "&&" || word == "||" || word == ";" || word == "|":
			in = false
		case in && !strings.HasPrefix(word, "-"):
			operands = append(operands, strings.Trim(word, `"';`))
			in = !strings.HasSuffix(word, ";")
		}
	}
	return operands
}

// chmodAddsExec reports whether a chmod mode sets an executable bit: an
// octal mode with one in its last three digits, or a symbolic mode with
// "x".
func chmodAddsExec(mode string) bool {
	if strings.ContainsRune(mode, 'x') {
		return true
	}
	if strings.Trim(mode, "01234567") != "" {
		return false
	}
	for _, ch := range mode[max(0, len(mode)-3):] {
		if (ch-'0')&1 == 1 {
			return true
		}
	}
	return false
}
