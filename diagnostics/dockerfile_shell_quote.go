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

// unquotedVariables reports unquoted parameter expansions in the arguments
// of a command, which the shell splits into words and expands as globs.
// It skips the arguments of listCommands, and variables whose value is
// known and either cannot split (one word without glob characters) or is
// a list meant to split: an ENV or ARG in scope, a common variable of the
// base image (imageVariables), a variable that the script assigns only
// literal text, or a "for" loop variable.
func (c *dockerChecker) unquotedVariables(s *runScript, call *syntax.CallExpr, safe map[string]bool) {
	if len(call.Args) < 2 || listCommands[path.Base(call.Args[0].Lit())] {
		return
	}
	for _, word := range call.Args[1:] {
		for _, part := range word.Parts {
			p, ok := part.(*syntax.ParamExp)
			if !ok || p.Length || p.Param == nil || isSpecialParam(p.Param.Value) || safe[p.Param.Value] {
				continue
			}
			span := s.span(p.Pos(), p.End())
			c.ownRule(&dfRuleUnquotedVariable, span, "quote "+quote(c.text(span))+" to keep the shell from splitting its value into words and expanding globs: \""+c.text(span)+"\"",
				c.edit("Quote "+c.text(span), span, "\""+c.text(span)+"\""))
		}
	}
}

// knownValueVariables returns the names that unquotedVariables skips in a
// script of in: see there.
func (c *dockerChecker) knownValueVariables(in *dockerfile.Instruction, file *syntax.File) map[string]bool {
	safe := map[string]bool{}
	if in.Stage >= 0 && c.df.BaseStage(c.df.Stages[in.Stage]) == nil {
		for name := range imageVariables {
			safe[name] = true // one word, such as a version, in the base image's configuration
		}
	}
	for _, b := range c.df.EnvAt(in).All() {
		if b.Set && !b.Predefined {
			safe[b.Name] = true
		}
	}
	unsafe := map[string]bool{}
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
	for name := range unsafe {
		delete(safe, name)
	}
	return safe
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
