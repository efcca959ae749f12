package diagnostics

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// scriptAnalysis is the findings of the command rules in one script of a
// RUN, in bytes of the script, before the scope decides what to report.
type scriptAnalysis struct {
	heredoc  int // the heredoc whose body is the script; -1 for the command text
	findings []scriptFinding
	update   *[2]int // the bytes of the last "apt-get update" word; nil when none
	cleans   bool    // a command removes the apt lists
}

// scriptFinding is a problem at the script bytes [from, to).
type scriptFinding struct {
	rule     *dockerRule
	from, to int
	oneByte  bool // the Span is the byte at from
	msg      string
	fixTitle string // the title of a fix that inserts fixText after the Span; "" for none
	fixText  string
	// param is the name of an unquoted variable, reported unless its value
	// is known not to split; "" for the other rules.
	param string
	// always is true when the script gives param a value that may split,
	// so that no variable in scope makes it safe.
	always bool
}

// analyzeScript runs the command rules on one parsed script of a RUN: the
// command text, or the body of the RUN's heredoc with the index heredoc.
// pipefail is true when the shell runs with -o pipefail.
func analyzeScript(f *syntax.File, heredoc int, pipefail bool) *scriptAnalysis {
	sa := &scriptAnalysis{heredoc: heredoc}
	var pipe *syntax.BinaryCmd
	pipefailAt := -1
	if pipefail {
		pipefailAt = 0
	}
	safe, unsafe := scriptVariables(f)
	if cd := leadingCd(f); cd != nil {
		sa.add(&dfRuleRunCd, cd.Pos(), cd.End(),
			"`cd` changes the folder for this RUN only; use WORKDIR to set it for the instructions that follow")
	}
	syntax.Walk(f, func(node syntax.Node) bool {
		switch n := node.(type) {
		case *syntax.BinaryCmd:
			if (n.Op == syntax.Pipe || n.Op == syntax.PipeAll) && pipe == nil && isDownload(n.X) {
				pipe = n
			}
		case *syntax.CallExpr:
			if setsPipefail(n) && pipefailAt < 0 {
				pipefailAt = int(n.Pos().Offset())
			}
			if word, clean := sa.checkCall(n); word != nil {
				sa.update = &[2]int{int(word.Pos().Offset()), int(word.End().Offset())}
			} else if clean {
				sa.cleans = true
			}
			sa.unquotedVariables(n, safe, unsafe)
		}
		return true
	})
	if pipe != nil && (pipefailAt < 0 || pipefailAt > int(pipe.OpPos.Offset())) {
		at := int(pipe.OpPos.Offset())
		sa.findings = append(sa.findings, scriptFinding{rule: &dfRulePipeWithoutPipefail, from: at, to: at + 1, oneByte: true,
			msg: "a failed download goes unnoticed here: the pipe returns the status of its last command; start the script with `set -o pipefail` (bash) or use SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]"})
	}
	return sa
}

// add records a finding of rule at the script bytes [from, to).
func (sa *scriptAnalysis) add(rule *dockerRule, from, to syntax.Pos, msg string) *scriptFinding {
	sa.findings = append(sa.findings, scriptFinding{rule: rule, from: int(from.Offset()), to: int(to.Offset()), msg: msg})
	return &sa.findings[len(sa.findings)-1]
}

// reportScript reports the findings of a script of in, with env the
// variables in scope before in.
func (c *dockerChecker) reportScript(in *dockerfile.Instruction, env *dockerfile.Env, sa *scriptAnalysis) {
	var s *runScript
	script := func() *runScript {
		if s == nil && sa.heredoc < 0 {
			s = &runScript{offsets: commandOffsets(in)}
		} else if s == nil {
			s = &runScript{offsets: heredocOffsets(in.Heredocs[sa.heredoc])}
		}
		return s
	}
	for _, f := range sa.findings {
		switch {
		case f.param != "":
			if !f.always && c.knownValue(in, env, f.param) {
				continue
			}
			span := script().span(f.from, f.to)
			text := c.text(span)
			c.ownRule(&dfRuleUnquotedVariable, span, "quote "+quote(text)+" to keep the shell from splitting its value into words and expanding globs: \""+text+"\"",
				c.edit("Quote "+text, span, "\""+text+"\""))
		case f.oneByte:
			c.ownRule(f.rule, script().byteSpan(f.from, 1), f.msg)
		case f.fixTitle != "":
			span := script().span(f.from, f.to)
			c.ownRule(f.rule, span, f.msg, c.edit(f.fixTitle, spanAt(span.End), f.fixText))
		default:
			c.ownRule(f.rule, script().span(f.from, f.to), f.msg)
		}
	}
	if sa.update != nil && !sa.cleans && !cachesAptLists(in) && !c.onlyCopiedFrom(in.Stage) {
		c.ownRule(&dfRuleAptGetListsNotCleaned, script().span(sa.update[0], sa.update[1]),
			"the package lists that `apt-get update` downloads stay in this layer; end the RUN with `rm -rf /var/lib/apt/lists/*`")
	}
}

// isDownload reports whether a statement runs curl or wget, whose failure
// a pipe would hide.
func isDownload(stmt *syntax.Stmt) bool {
	call, ok := stmt.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	switch path.Base(call.Args[0].Lit()) {
	case "curl", "wget":
		return true
	}
	return false
}

// cachesAptLists reports whether a RUN mounts a cache over the apt lists,
// which keeps them out of the layer.
func cachesAptLists(in *dockerfile.Instruction) bool {
	for _, fl := range in.Flags {
		if fl.Name == "mount" && strings.Contains(fl.Value, "/var/lib/apt") {
			return true
		}
	}
	return false
}

// setsPipefail reports whether a command is "set -o pipefail" or a flag
// cluster such as "set -euo pipefail".
func setsPipefail(call *syntax.CallExpr) bool {
	if len(call.Args) < 3 || call.Args[0].Lit() != "set" {
		return false
	}
	for i, arg := range call.Args[1 : len(call.Args)-1] {
		lit := arg.Lit()
		if strings.HasPrefix(lit, "-") && !strings.HasPrefix(lit, "--") && strings.HasSuffix(lit, "o") && call.Args[i+2].Lit() == "pipefail" {
			return true
		}
	}
	return false
}

// checkCall checks one simple command. It returns the "update" word of an
// "apt-get update", and whether the command removes the apt lists.
func (sa *scriptAnalysis) checkCall(call *syntax.CallExpr) (update *syntax.Word, cleans bool) {
	if len(call.Args) == 0 {
		return nil, false
	}
	name := path.Base(call.Args[0].Lit())
	switch name {
	case "sudo":
		sa.add(&dfRuleRunSudo, call.Args[0].Pos(), call.Args[0].End(),
			"`sudo` in RUN is unneeded and may be missing or prompt; RUN runs as the current USER, so switch with USER root before and back after")
	case "rm", "find":
		for _, arg := range call.Args[1:] {
			if strings.HasPrefix(literalPrefix(arg), "/var/lib/apt/lists") {
				return nil, true
			}
		}
	case "apt-get", "apt":
		return sa.checkApt(call, name)
	}
	return nil, false
}

// checkApt checks an apt-get command. It returns the "update" word of an
// "apt-get update", and whether the command is "apt-get dist-clean" (apt
// 3.0 and later), which removes the package lists.
func (sa *scriptAnalysis) checkApt(call *syntax.CallExpr, name string) (update *syntax.Word, cleans bool) {
	var sub *syntax.Word
	yes, noRecommends, simulate := false, false, false
	for i := 1; i < len(call.Args); i++ {
		arg := call.Args[i]
		lit := arg.Lit()
		switch {
		case aptOptionsWithValue[lit]:
			if i+1 < len(call.Args) && strings.Contains(call.Args[i+1].Lit(), "Assume-Yes=true") {
				yes = true
			}
			i++ // the next word is the option's value, not the subcommand
		case lit == "-s" || lit == "--simulate" || lit == "--dry-run" || lit == "--just-print" || lit == "--recon" || lit == "--no-act":
			simulate = true // prints what install would do: no prompt, no download
		case lit == "-y" || lit == "--yes" || lit == "--assume-yes" || lit == "-qq" || lit == "-q=2":
			yes = true
		case strings.HasPrefix(lit, "-") && !strings.HasPrefix(lit, "--") && strings.Contains(lit, "y"):
			yes = true
		case lit == "--no-install-recommends" || strings.Contains(lit, "Install-Recommends=false"):
			noRecommends = true
		case sub == nil && !strings.HasPrefix(lit, "-"):
			sub = arg
		}
	}
	if sub == nil || simulate {
		return nil, false
	}
	switch sub.Lit() {
	case "update":
		return sub, false
	case "dist-clean":
		return nil, true
	case "upgrade", "dist-upgrade", "full-upgrade":
		sa.add(&dfRuleAptGetUpgrade, sub.Pos(), sub.End(), quote(name+" "+sub.Lit())+" makes the image depend on the day it is built; upgrade by pinning a newer base image instead")
	case "install":
		if !yes {
			f := sa.add(&dfRuleAptGetMissingYes, sub.Pos(), sub.End(), quote(name+" install")+" without -y waits for a confirmation that never comes, so the build fails; add -y")
			f.fixTitle, f.fixText = "Add -y", " -y"
		}
		if !noRecommends {
			f := sa.add(&dfRuleAptGetRecommends, sub.Pos(), sub.End(), quote(name+" install")+" also installs recommended packages; add --no-install-recommends to keep the image small")
			f.fixTitle, f.fixText = "Add --no-install-recommends", " --no-install-recommends"
		}
	}
	return nil, false
}

// aptOptionsWithValue are the apt-get options whose value is the next word.
var aptOptionsWithValue = map[string]bool{"-o": true, "--option": true, "-c": true, "--config-file": true, "-t": true, "--target-release": true, "-a": true, "--host-architecture": true}

// literalPrefix returns the literal text at the start of a word, with its
// quotes removed, up to the first expansion: "/var/lib/apt/lists/" for
// "/var/lib/apt/lists/"* or '/var/lib/apt/lists/'$x.
func literalPrefix(w *syntax.Word) string {
	var b strings.Builder
	for _, part := range w.Parts {
		switch p := part.(type) {
		case *syntax.Lit:
			b.WriteString(p.Value)
		case *syntax.SglQuoted:
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, inner := range p.Parts {
				lit, ok := inner.(*syntax.Lit)
				if !ok {
					return b.String()
				}
				b.WriteString(lit.Value)
			}
		default:
			return b.String()
		}
	}
	return b.String()
}

// spanAt returns the empty Span at offset, where an edit inserts text.
func spanAt(offset int) position.Span { return position.Span{Start: offset, End: offset} }

// leadingCd returns the "cd" word when a script starts with cd, after any
// "set" commands: "cd /src && make". That is the pattern WORKDIR replaces.
// A cd later in a script, such as into a temporary build folder that the
// script removes, is left alone.
func leadingCd(f *syntax.File) *syntax.Word {
	var cmds []syntax.Command
	for _, stmt := range f.Stmts {
		cmds = appendChain(cmds, stmt)
	}
	for _, cmd := range cmds {
		call, ok := cmd.(*syntax.CallExpr)
		if !ok || len(call.Args) == 0 {
			return nil
		}
		switch call.Args[0].Lit() {
		case "set":
			continue
		case "cd":
			return call.Args[0]
		}
		return nil
	}
	return nil
}

// appendChain appends the commands of a statement in the order they run,
// descending into "&&" and "||" lists but not into pipes.
func appendChain(cmds []syntax.Command, stmt *syntax.Stmt) []syntax.Command {
	if bin, ok := stmt.Cmd.(*syntax.BinaryCmd); ok && (bin.Op == syntax.AndStmt || bin.Op == syntax.OrStmt) {
		return appendChain(appendChain(cmds, bin.X), bin.Y)
	}
	return append(cmds, stmt.Cmd)
}
