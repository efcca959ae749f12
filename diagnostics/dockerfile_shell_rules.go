package diagnostics

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// checkScript runs the command rules on one parsed script of a RUN.
func (c *dockerChecker) checkScript(in *dockerfile.Instruction, s *runScript) {
	var pipe *syntax.BinaryCmd
	pipefailAt := -1
	if s.pipefail {
		pipefailAt = 0
	}
	aptUpdate, aptClean := (*syntax.Word)(nil), cachesAptLists(in)
	syntax.Walk(s.file, func(node syntax.Node) bool {
		switch n := node.(type) {
		case *syntax.BinaryCmd:
			if (n.Op == syntax.Pipe || n.Op == syntax.PipeAll) && pipe == nil && isDownload(n.X) {
				pipe = n
			}
		case *syntax.CallExpr:
			if setsPipefail(n) && pipefailAt < 0 {
				pipefailAt = int(n.Pos().Offset())
			}
			if word, clean := c.checkCall(s, n); word != nil {
				aptUpdate = word
			} else if clean {
				aptClean = true
			}
			c.unquotedVariables(s, n)
		}
		return true
	})
	if pipe != nil && (pipefailAt < 0 || pipefailAt > int(pipe.OpPos.Offset())) {
		c.ownRule(&dfRulePipeWithoutPipefail, s.byteSpan(int(pipe.OpPos.Offset()), 1),
			"a failed download goes unnoticed here: the pipe returns the status of its last command; start the script with `set -o pipefail` (bash) or use SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]")
	}
	if aptUpdate != nil && !aptClean {
		c.ownRule(&dfRuleAptGetListsNotCleaned, s.span(aptUpdate.Pos(), aptUpdate.End()),
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
func (c *dockerChecker) checkCall(s *runScript, call *syntax.CallExpr) (update *syntax.Word, cleans bool) {
	if len(call.Args) == 0 {
		return nil, false
	}
	name := path.Base(call.Args[0].Lit())
	switch name {
	case "sudo":
		c.ownRule(&dfRuleRunSudo, s.span(call.Args[0].Pos(), call.Args[0].End()),
			"`sudo` in RUN is unneeded and may be missing or prompt; RUN runs as the current USER, so switch with USER root before and back after")
	case "cd":
		c.ownRule(&dfRuleRunCd, s.span(call.Args[0].Pos(), call.Args[0].End()),
			"`cd` changes the folder for this RUN only; use WORKDIR to set it for the instructions that follow")
	case "rm":
		for _, arg := range call.Args[1:] {
			if strings.HasPrefix(arg.Lit(), "/var/lib/apt/lists") {
				return nil, true
			}
		}
	case "apt-get", "apt":
		return c.checkApt(s, call, name), false
	}
	return nil, false
}

// checkApt checks an apt-get command and returns its "update" word.
func (c *dockerChecker) checkApt(s *runScript, call *syntax.CallExpr, name string) *syntax.Word {
	var sub *syntax.Word
	yes, noRecommends := false, false
	for _, arg := range call.Args[1:] {
		lit := arg.Lit()
		switch {
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
	if sub == nil {
		return nil
	}
	span := s.span(sub.Pos(), sub.End())
	switch sub.Lit() {
	case "update":
		return sub
	case "upgrade", "dist-upgrade", "full-upgrade":
		c.ownRule(&dfRuleAptGetUpgrade, span, quote(name+" "+sub.Lit())+" makes the image depend on the day it is built; upgrade by pinning a newer base image instead")
	case "install":
		if !yes {
			c.ownRule(&dfRuleAptGetMissingYes, span, quote(name+" install")+" without -y waits for a confirmation that never comes, so the build fails; add -y",
				c.edit("Add -y", spanAt(span.End), " -y"))
		}
		if !noRecommends {
			c.ownRule(&dfRuleAptGetRecommends, span, quote(name+" install")+" also installs recommended packages; add --no-install-recommends to keep the image small",
				c.edit("Add --no-install-recommends", spanAt(span.End), " --no-install-recommends"))
		}
	}
	return nil
}

// unquotedVariables reports unquoted parameter expansions in the arguments
// of a command, which the shell splits into words and expands as globs.
func (c *dockerChecker) unquotedVariables(s *runScript, call *syntax.CallExpr) {
	if len(call.Args) < 2 {
		return
	}
	switch call.Args[0].Lit() {
	case "export", "local", "readonly", "declare", "typeset":
		return // their NAME=$value arguments are not split
	}
	for _, word := range call.Args[1:] {
		for _, part := range word.Parts {
			p, ok := part.(*syntax.ParamExp)
			if !ok || p.Length || p.Param == nil || isSpecialParam(p.Param.Value) {
				continue
			}
			span := s.span(p.Pos(), p.End())
			c.ownRule(&dfRuleUnquotedVariable, span, "quote "+quote(c.text(span))+" to keep the shell from splitting its value into words and expanding globs: \""+c.text(span)+"\"",
				c.edit("Quote "+c.text(span), span, "\""+c.text(span)+"\""))
		}
	}
}

func isSpecialParam(name string) bool {
	if name == "" {
		return true
	}
	switch name {
	case "#", "?", "$", "!", "-", "*", "@", "_":
		return true
	}
	return '0' <= name[0] && name[0] <= '9'
}

// spanAt returns the empty Span at offset, where an edit inserts text.
func spanAt(offset int) position.Span { return position.Span{Start: offset, End: offset} }
