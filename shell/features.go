package shell

import (
	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/position"
)

// featureMessages gives, for each bash construct that POSIX sh lacks, the
// message of its Error. The key is the Error's Feature.
var featureMessages = map[string]string{
	"[[":       "`[[ ]]` is a bash test, not POSIX sh; use `[ ]` or a bash shebang",
	"==":       "`==` in a test is a bash extension, not POSIX sh; use `=`",
	"((":       "`(( ))` is bash arithmetic, not POSIX sh; use `[ $((expr)) -ne 0 ]`",
	"function": "the `function` keyword is bash syntax, not POSIX sh; write `name() { ... }`",
	"source":   "`source` is a bash command, not POSIX sh; use `.`",
	"declare":  "`declare` and `typeset` are bash commands, not POSIX sh",
	"array":    "arrays are a bash feature, not POSIX sh",
	"+=":       "`+=` is a bash assignment, not POSIX sh; write `A=\"$A...\"`",
	"$'":       "`$'...'` quoting is a bash feature, not POSIX sh; use `printf`",
	"$\"":      "`$\"...\"` quoting is a bash feature, not POSIX sh",
	"<(":       "process substitution is a bash feature, not POSIX sh",
	"&>":       "`&>` is a bash redirect, not POSIX sh; write `>file 2>&1`",
	"<<<":      "here-strings are a bash feature, not POSIX sh; use a here-document or a pipe",
	"|&":       "`|&` is a bash pipe, not POSIX sh; write `2>&1 |`",
	";&":       "case fall-through is a bash feature, not POSIX sh",
	"${!":      "indirect expansion `${!name}` is a bash feature, not POSIX sh",
	"${:}":     "substring expansion `${name:offset:length}` is a bash feature, not POSIX sh",
	"${/}":     "search and replace `${name/from/to}` is a bash feature, not POSIX sh",
	"${^}":     "case conversion `${name^^}` is a bash feature, not POSIX sh",
	"let":      "`let` is a bash command, not POSIX sh; use `$((expr))`",
	"coproc":   "`coproc` is a bash feature, not POSIX sh",
	"select":   "`select` is a bash loop, not POSIX sh",
	"for((":    "C-style `for ((...))` loops are a bash feature, not POSIX sh",
	"extglob":  "extended globs are a bash feature, not POSIX sh",
	"$[":       "`$[expr]` is obsolete bash arithmetic, not POSIX sh; use `$((expr))`",
}

// featureFinder collects the bash constructs of a tree.
type featureFinder struct {
	src  []byte
	errs []*Error
}

func (ff *featureFinder) add(feature string, span position.Span, ok bool) {
	if ok {
		ff.errs = append(ff.errs, &Error{Span: span, Message: featureMessages[feature], Feature: feature})
	}
}

// at records a feature at pos, width bytes long.
func (ff *featureFinder) at(feature string, pos syntax.Pos, width int) {
	if pos.IsValid() {
		start := int(pos.Offset())
		ff.add(feature, position.Span{Start: start, End: start + width}, true)
	}
}

// node records a feature that spans a whole node.
func (ff *featureFinder) node(feature string, n syntax.Node) {
	span, ok := nodeSpan(ff.src, n)
	ff.add(feature, span, ok)
}

// posixCommandFeatures returns the bash constructs that the POSIX grammar
// reads as ordinary commands: "[[" and "source" as command names, and
// "==" as an argument of a test.
func posixCommandFeatures(tree *syntax.File, src []byte) []*Error {
	ff := &featureFinder{src: src}
	if tree == nil {
		return nil
	}
	syntax.Walk(tree, func(node syntax.Node) bool {
		if call, ok := node.(*syntax.CallExpr); ok {
			ff.call(call)
		}
		return true
	})
	return ff.errs
}

// bashFeatures returns every construct of a bash tree that POSIX sh lacks.
func bashFeatures(tree *syntax.File, src []byte) []*Error {
	ff := &featureFinder{src: src}
	if tree == nil {
		return nil
	}
	syntax.Walk(tree, func(node syntax.Node) bool {
		ff.visit(node)
		return true
	})
	return ff.errs
}

// call checks a simple command's name and test arguments.
func (ff *featureFinder) call(call *syntax.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	name := call.Args[0].Lit()
	switch name {
	case "[[":
		ff.node("[[", call.Args[0])
	case "source":
		ff.node("source", call.Args[0])
	}
	if name == "[[" || name == "[" || name == "test" {
		for _, arg := range call.Args[1:] {
			if arg.Lit() == "==" {
				ff.node("==", arg)
			}
		}
	}
}

// visit checks one node of a bash tree.
func (ff *featureFinder) visit(node syntax.Node) {
	switch n := node.(type) {
	case *syntax.CallExpr:
		ff.call(n)
	case *syntax.TestClause:
		ff.at("[[", n.Left, 2)
	case *syntax.BinaryTest:
		if n.Op == syntax.TsMatch {
			ff.at("==", n.OpPos, 2)
		}
	case *syntax.ArithmCmd:
		ff.at("((", n.Left, 2)
	case *syntax.FuncDecl:
		if n.RsrvWord {
			ff.at("function", n.Position, len("function"))
		}
	case *syntax.DeclClause:
		if v := n.Variant.Value; v == "declare" || v == "typeset" || v == "nameref" {
			ff.node("declare", n.Variant)
		}
	case *syntax.Assign:
		ff.assign(n)
	case *syntax.ParamExp:
		ff.param(n)
	case *syntax.SglQuoted:
		if n.Dollar {
			ff.node("$'", n)
		}
	case *syntax.DblQuoted:
		if n.Dollar {
			ff.node("$\"", n)
		}
	case *syntax.ProcSubst:
		ff.node("<(", n)
	case *syntax.ExtGlob:
		ff.node("extglob", n)
	case *syntax.ArithmExp:
		if n.Bracket {
			ff.node("$[", n)
		}
	default:
		ff.operator(node)
	}
}

// operator checks the redirects, pipes, case terminators and clauses that
// bash adds.
func (ff *featureFinder) operator(node syntax.Node) {
	switch n := node.(type) {
	case *syntax.Redirect:
		switch n.Op {
		case syntax.RdrAll, syntax.AppAll:
			ff.at("&>", n.OpPos, len(n.Op.String()))
		case syntax.WordHdoc:
			ff.at("<<<", n.OpPos, 3)
		}
	case *syntax.BinaryCmd:
		if n.Op == syntax.PipeAll {
			ff.at("|&", n.OpPos, 2)
		}
	case *syntax.CaseItem:
		if n.Op == syntax.Fallthrough || n.Op == syntax.Resume {
			ff.at(";&", n.OpPos, len(n.Op.String()))
		}
	case *syntax.LetClause:
		ff.at("let", n.Let, 3)
	case *syntax.CoprocClause:
		ff.at("coproc", n.Coproc, len("coproc"))
	case *syntax.ForClause:
		if n.Select {
			ff.at("select", n.ForPos, len("select"))
		}
		if loop, ok := n.Loop.(*syntax.CStyleLoop); ok {
			ff.node("for((", loop)
		}
	}
}

func (ff *featureFinder) assign(n *syntax.Assign) {
	switch {
	case n.Array != nil || n.Index != nil:
		ff.node("array", n)
	case n.Append && n.Name != nil:
		ff.node("+=", n.Name)
	}
}

func (ff *featureFinder) param(n *syntax.ParamExp) {
	switch {
	case n.Excl || n.Names != 0:
		ff.node("${!", n)
	case n.Index != nil:
		ff.node("array", n)
	case n.Slice != nil:
		ff.node("${:}", n)
	case n.Repl != nil:
		ff.node("${/}", n)
	case n.Exp != nil && n.Exp.Op >= syntax.UpperFirst && n.Exp.Op <= syntax.OtherParamOps:
		ff.node("${^}", n)
	}
}
