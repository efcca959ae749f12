package semantic

import (
	"context"

	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// shellBuiltins are the commands a POSIX shell or bash runs itself; their
// names get the defaultLibrary modifier.
var shellBuiltins = map[string]bool{
	".": true, ":": true, "[": true, "alias": true, "break": true, "cd": true, "command": true, "continue": true,
	"echo": true, "eval": true, "exec": true, "exit": true, "export": true, "false": true, "getopts": true,
	"hash": true, "local": true, "printf": true, "pwd": true, "read": true, "readonly": true, "return": true,
	"set": true, "shift": true, "source": true, "test": true, "times": true, "trap": true, "true": true,
	"type": true, "ulimit": true, "umask": true, "unalias": true, "unset": true, "wait": true,
	"declare": true, "typeset": true, "let": true, "mapfile": true, "readarray": true,
}

// shellTokens returns the semantic tokens of a shell file: comments,
// keywords, command names (functions of the script, builtins and other
// programs), options, numbers, strings and variables, with declarations
// marked.
func shellTokens(ctx context.Context, f *workspace.File) ([]Token, error) {
	model := f.Shell()
	if model == nil {
		return nil, nil
	}
	tree := shell.SyntaxTree(model)
	if tree == nil {
		return nil, nil
	}
	st := &shellTokenizer{src: model.Content, model: model}
	syntax.Walk(tree, st.visit)
	for _, use := range model.VarUses {
		st.add(use.Span, Variable, 0)
	}
	for _, def := range model.VarDefs {
		st.add(def.Span, Variable, Declaration)
	}
	for _, doc := range model.Heredocs {
		if doc.Quoted {
			st.add(doc.Body, String, 0)
		}
	}
	return st.tokens, nil
}

// shellTokenizer collects the tokens of one tree.
type shellTokenizer struct {
	src    []byte
	model  *shell.File
	tokens []Token
}

func (st *shellTokenizer) add(span position.Span, typ Type, mods Modifier) {
	if span.Valid() && span.Len() > 0 && span.End <= len(st.src) {
		st.tokens = append(st.tokens, Token{Span: span, Type: typ, Modifiers: mods})
	}
}

// keyword adds the word of letters or brackets that starts at pos.
func (st *shellTokenizer) keyword(pos syntax.Pos) {
	if !pos.IsValid() || int(pos.Offset()) >= len(st.src) {
		return
	}
	start := int(pos.Offset())
	end := start
	for end < len(st.src) && (st.src[end] >= 'a' && st.src[end] <= 'z' || st.src[end] == '[' || st.src[end] == ']') {
		end++
	}
	st.add(position.Span{Start: start, End: end}, Keyword, 0)
}

// node adds a token that covers a whole node.
func (st *shellTokenizer) node(n syntax.Node, typ Type, mods Modifier) {
	if n == nil || !n.Pos().IsValid() || !n.End().IsValid() {
		return
	}
	st.add(position.Span{Start: int(n.Pos().Offset()), End: int(n.End().Offset())}, typ, mods)
}

func (st *shellTokenizer) visit(node syntax.Node) bool {
	switch n := node.(type) {
	case *syntax.Comment:
		st.node(n, Comment, 0)
	case *syntax.IfClause:
		st.keyword(n.Position)
		st.keyword(n.ThenPos)
		if n.Else == nil {
			st.keyword(n.FiPos)
		}
	case *syntax.WhileClause:
		st.keyword(n.WhilePos)
		st.keyword(n.DoPos)
		st.keyword(n.DonePos)
	case *syntax.ForClause:
		st.keyword(n.ForPos)
		st.keyword(n.DoPos)
		st.keyword(n.DonePos)
	case *syntax.WordIter:
		st.keyword(n.InPos)
	case *syntax.CaseClause:
		st.keyword(n.Case)
		st.keyword(n.In)
		st.keyword(n.Esac)
	case *syntax.FuncDecl:
		if n.RsrvWord {
			st.keyword(n.Position)
		}
		st.node(n.Name, Function, Declaration)
	case *syntax.TestClause:
		st.keyword(n.Left)
		st.keyword(n.Right)
	case *syntax.CallExpr:
		st.call(n)
	case *syntax.SglQuoted:
		st.node(n, String, 0)
		return false
	case *syntax.DblQuoted:
		st.dblQuoted(n)
	}
	return true
}

// call adds the command name, its options and its numbers.
func (st *shellTokenizer) call(n *syntax.CallExpr) {
	if len(n.Args) == 0 {
		return
	}
	if name := n.Args[0].Lit(); name != "" {
		var mods Modifier
		switch {
		case workspace.ScriptFunction(st.model, name) != nil:
		case shellBuiltins[name]:
			mods = DefaultLibrary
		}
		st.node(n.Args[0], Function, mods)
	}
	for _, arg := range n.Args[1:] {
		lit := arg.Lit()
		switch {
		case len(lit) > 1 && lit[0] == '-':
			st.node(arg, Parameter, 0)
		case lit != "" && isDigits(lit):
			st.node(arg, Number, 0)
		}
	}
}

// dblQuoted adds the quotes and literal parts of a double-quoted string,
// leaving its expansions to the variable tokens.
func (st *shellTokenizer) dblQuoted(n *syntax.DblQuoted) {
	if !n.Pos().IsValid() || !n.End().IsValid() {
		return
	}
	start, end := int(n.Pos().Offset()), int(n.End().Offset())
	if n.Dollar {
		start++
	}
	st.add(position.Span{Start: start, End: start + 1}, String, 0)
	for _, part := range n.Parts {
		if lit, ok := part.(*syntax.Lit); ok {
			st.node(lit, String, 0)
		}
	}
	st.add(position.Span{Start: end - 1, End: end}, String, 0)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
