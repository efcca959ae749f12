package diagnostics

import (
	"path"

	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/dockerfile"
)

// listCommands are commands whose arguments are lists of packages,
// extensions or files, where a variable is left unquoted on purpose so
// that the shell splits it into one argument per item
// ("apt-get install $buildDeps").
var listCommands = map[string]bool{
	"apt-get": true, "apt": true, "apt-mark": true, "dpkg": true, "dpkg-query": true,
	"apk": true, "yum": true, "dnf": true, "microdnf": true, "tdnf": true, "zypper": true, "pacman": true,
	"pip": true, "pip3": true, "gem": true, "npm": true, "yarn": true, "pnpm": true, "cpanm": true, "pecl": true,
	"docker-php-ext-install": true, "docker-php-ext-enable": true, "docker-php-ext-configure": true,
	"docker-php-source": true, "set": true, "export": true, "local": true, "readonly": true, "declare": true, "typeset": true,
}

// unquotedVariables records the unquoted parameter expansions in the
// arguments of a command, which the shell splits into words and expands
// as globs. It skips the arguments of listCommands, and the variables that
// the script assigns only literal text or loops over (safe). A variable
// that the script assigns anything else (unsafe) is recorded to be
// reported in any scope. reportScript checks the others against the scope
// of the RUN, see knownValue.
func (sa *scriptAnalysis) unquotedVariables(call *syntax.CallExpr, safe, unsafe map[string]bool) {
	if len(call.Args) < 2 || listCommands[path.Base(call.Args[0].Lit())] {
		return
	}
	for _, word := range call.Args[1:] {
		for _, part := range word.Parts {
			p, ok := part.(*syntax.ParamExp)
			if !ok || p.Length || p.Param == nil || isSpecialParam(p.Param.Value) {
				continue
			}
			name := p.Param.Value
			if safe[name] && !unsafe[name] {
				continue
			}
			sa.findings = append(sa.findings, scriptFinding{rule: &dfRuleUnquotedVariable, from: int(p.Pos().Offset()), to: int(p.End().Offset()), param: name, always: unsafe[name]})
		}
	}
}

// scriptVariables returns the variables that a script assigns only
// literal text or loops over (safe), and those it assigns anything else
// (unsafe).
func scriptVariables(file *syntax.File) (safe, unsafe map[string]bool) {
	safe, unsafe = map[string]bool{}, map[string]bool{}
	syntax.Walk(file, func(node syntax.Node) bool {
		switch n := node.(type) {
		case *syntax.Assign:
			if n.Name == nil {
				break
			}
			if n.Value != nil && !n.Append && n.Array == nil && n.Index == nil && isLiteralWord(n.Value) {
				safe[n.Name.Value] = true
			} else {
				unsafe[n.Name.Value] = true
			}
		case *syntax.ForClause:
			if iter, ok := n.Loop.(*syntax.WordIter); ok && iter.Name != nil {
				safe[iter.Name.Value] = true
			}
		}
		return true
	})
	return safe, unsafe
}

// knownValue reports whether the scope of in gives the variable name a
// value that need not be quoted. That is an ENV or ARG with a value in env,
// or a common variable of the base image in a stage built on an image.
func (c *dockerChecker) knownValue(in *dockerfile.Instruction, env *dockerfile.Env, name string) bool {
	if b := env.Lookup(name); b != nil && b.Set && !b.Predefined {
		return true
	}
	return imageVariables[name] && in.Stage >= 0 && c.df.BaseStage(c.df.Stages[in.Stage]) == nil
}

// isLiteralWord reports whether a word is literal text, quoted or not,
// without expansions.
func isLiteralWord(w *syntax.Word) bool {
	for _, part := range w.Parts {
		switch p := part.(type) {
		case *syntax.Lit, *syntax.SglQuoted:
		case *syntax.DblQuoted:
			for _, inner := range p.Parts {
				if _, ok := inner.(*syntax.Lit); !ok {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
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
