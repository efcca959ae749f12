package diagnostics

import (
	"path"
	"strconv"
	"strings"
	"unicode"

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
	aptUpdate, aptClean := (*syntax.Word)(nil), cachesAptLists(in) || c.onlyCopiedFrom(in.Stage)
	safe := c.knownValueVariables(in, s.file)
	if cd := leadingCd(s.file); cd != nil {
		c.ownRule(&dfRuleRunCd, s.span(cd.Pos(), cd.End()),
			"`cd` changes the folder for this RUN only; use WORKDIR to set it for the instructions that follow")
	}
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
			c.unquotedVariables(s, n, safe)
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
	case "rm", "find":
		for _, arg := range call.Args[1:] {
			if strings.HasPrefix(literalPrefix(arg), "/var/lib/apt/lists") {
				return nil, true
			}
		}
	case "apt-get", "apt":
		return c.checkApt(s, call, name)
	}
	return nil, false
}

// checkApt checks an apt-get command. It returns the "update" word of an
// "apt-get update", and whether the command is "apt-get dist-clean" (apt
// 3.0 and later), which removes the package lists.
func (c *dockerChecker) checkApt(s *runScript, call *syntax.CallExpr, name string) (update *syntax.Word, cleans bool) {
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
	span := s.span(sub.Pos(), sub.End())
	switch sub.Lit() {
	case "update":
		return sub, false
	case "dist-clean":
		return nil, true
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

// onlyCopiedFrom reports whether stage i is a build stage whose layers no
// image keeps: it is not the last stage, no stage is built FROM it, and a
// later COPY --from or RUN --mount from= takes files out of it. The results
// for all stages are computed in one pass on the first call.
func (c *dockerChecker) onlyCopiedFrom(i int) bool {
	if c.copiedOnly == nil {
		c.copiedOnly = copiedOnlyStages(c.df)
	}
	return i >= 0 && i < len(c.copiedOnly) && c.copiedOnly[i]
}

// copiedOnlyStages returns, for each stage of df, whether onlyCopiedFrom
// holds for it.
func copiedOnlyStages(df *dockerfile.File) []bool {
	stages := df.Stages
	isBase := make([]bool, len(stages))
	byName := map[string][]int{} // stage indices by foldKey of the name
	for _, st := range stages {
		if base := df.BaseStage(st); base != nil {
			isBase[base.Index] = true
		}
		if st.Name != "" {
			byName[foldKey(st.Name)] = append(byName[foldKey(st.Name)], st.Index)
		}
	}

	// lastUse[k] is the index of the last stage that copies or mounts from
	// stage k; -1 when none does.
	lastUse := make([]int, len(stages))
	for k := range lastUse {
		lastUse[k] = -1
	}
	mark := func(ref string, j int) {
		if n, err := strconv.Atoi(ref); err == nil && n >= 0 && n < len(stages) && strconv.Itoa(n) == ref {
			lastUse[n] = max(lastUse[n], j)
		}
		for _, k := range byName[foldKey(ref)] {
			lastUse[k] = max(lastUse[k], j)
		}
	}
	for j, st := range stages {
		for _, ref := range copySources(st) {
			mark(ref, j)
		}
	}

	only := make([]bool, len(stages))
	for i := range stages {
		only[i] = i < len(stages)-1 && !isBase[i] && lastUse[i] > i
	}
	return only
}

// copySources returns the stage references of the COPY --from flags and
// RUN --mount from= options of a stage.
func copySources(st *dockerfile.Stage) []string {
	var refs []string
	for _, in := range st.Instructions {
		if fl := in.Flag("from"); fl != nil && in.Keyword == "COPY" {
			refs = append(refs, fl.Value)
		}
		if in.Keyword != "RUN" {
			continue
		}
		for _, fl := range in.Flags {
			if fl.Name != "mount" {
				continue
			}
			for _, opt := range dockerfile.MountOptions(in, fl) {
				if opt.Key == "from" {
					refs = append(refs, opt.Value)
				}
			}
		}
	}
	return refs
}

// foldKey returns a key under which two strings are equal exactly when
// strings.EqualFold reports them equal: each rune is replaced by the
// smallest rune of its Unicode simple case folding orbit.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}
