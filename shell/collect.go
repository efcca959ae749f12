package shell

import (
	"sort"
	"strings"

	"github.com/stackls/stackls/position"
	"mvdan.cc/sh/v3/syntax"
)

// collector fills a File's model from an mvdan.cc/sh tree.
type collector struct {
	f      *File
	src    []byte
	stmtOf map[syntax.Command]*syntax.Stmt // the statement that holds each command
}

func (c *collector) collect(tree *syntax.File) {
	syntax.Walk(tree, func(node syntax.Node) bool {
		switch n := node.(type) {
		case *syntax.Stmt:
			if n.Cmd != nil {
				c.stmtOf[n.Cmd] = n
			}
		case *syntax.CallExpr:
			c.call(n)
		case *syntax.DeclClause:
			c.decl(n)
		case *syntax.ParamExp:
			c.param(n)
		case *syntax.ArithmExp:
			c.arithm(n.X)
		case *syntax.ArithmCmd:
			c.arithm(n.X)
		case *syntax.LetClause:
			for _, expr := range n.Exprs {
				c.arithm(expr)
			}
		case *syntax.CStyleLoop:
			c.arithm(n.Init)
			c.arithm(n.Cond)
			c.arithm(n.Post)
		case *syntax.WordIter:
			c.def(n.Name)
		case *syntax.FuncDecl:
			c.function(n)
		case *syntax.Redirect:
			c.heredoc(n)
		}
		return true
	})

	byStart := func(refs []*VarRef) {
		sort.SliceStable(refs, func(i, j int) bool { return refs[i].Span.Start < refs[j].Span.Start })
	}
	byStart(c.f.VarUses)
	byStart(c.f.VarDefs)
	sort.SliceStable(c.f.Commands, func(i, j int) bool { return c.f.Commands[i].Span.Start < c.f.Commands[j].Span.Start })
	sort.SliceStable(c.f.Heredocs, func(i, j int) bool { return c.f.Heredocs[i].Body.Start < c.f.Heredocs[j].Body.Start })
}

// call records a simple command, its assignments and the variables that
// "read" and "getopts" set.
func (c *collector) call(n *syntax.CallExpr) {
	span, ok := nodeSpan(c.src, n)
	if !ok {
		return
	}
	cmd := &Command{Span: span}
	for _, arg := range n.Args {
		w := c.word(arg)
		if w == nil {
			continue
		}
		if cmd.Name == nil {
			cmd.Name = w
		} else {
			cmd.Args = append(cmd.Args, w)
		}
	}
	if stmt := c.stmtOf[n]; stmt != nil {
		cmd.Background = stmt.Background
	}
	cmd.Exec = cmd.Name != nil && !cmd.Name.Dynamic && cmd.Name.Literal == "exec"
	if cmd.Name != nil || len(n.Assigns) > 0 {
		c.f.Commands = append(c.f.Commands, cmd)
	}

	for _, assign := range n.Assigns {
		c.assign(assign, true)
	}
	if cmd.Name != nil && !cmd.Name.Dynamic {
		switch cmd.Name.Literal {
		case "read":
			c.readDefs(n.Args[1:])
		case "local", "declare", "typeset", "export", "readonly":
			c.declArgs(cmd.Name.Literal, cmd.Args)
		case "getopts":
			if len(n.Args) >= 3 {
				c.def(singleLit(n.Args[2]))
			}
		}
	}
}

// readOptionsWithValue are the options of bash's read that take a value.
const readOptionsWithValue = "adinNptu"

// readDefs records the variables that "read [options] NAME..." sets.
func (c *collector) readDefs(args []*syntax.Word) {
	for i := 0; i < len(args); i++ {
		text := args[i].Lit()
		if strings.HasPrefix(text, "-") && len(text) > 1 {
			if strings.ContainsRune(readOptionsWithValue, rune(text[len(text)-1])) {
				i++ // skip the option's value
			}
			continue
		}
		c.def(singleLit(args[i]))
	}
}

// declArgs records the variables that a declaration command sets when the
// grammar reads it as a simple command, as POSIX sh does for "local".
func (c *collector) declArgs(variant string, args []*Word) {
	declares := variant == "local" || variant == "declare" || variant == "typeset"
	for _, arg := range args {
		name, value, hasValue := strings.Cut(arg.Literal, "=")
		if !isName(name) || !strings.HasPrefix(string(c.src[arg.Span.Start:arg.Span.End]), name) {
			continue
		}
		ref := &VarRef{Name: name, Span: position.Span{Start: arg.Span.Start, End: arg.Span.Start + len(name)}}
		if hasValue {
			start := ref.Span.End + 1
			ref.Value = &Word{Literal: value, Dynamic: arg.Dynamic, Span: position.Span{Start: start, End: arg.Span.End}}
		} else if !declares {
			continue
		}
		c.f.VarDefs = append(c.f.VarDefs, ref)
	}
}

// decl records "export", "local", "readonly", "declare" and "typeset" as a
// Command and the variables they set.
func (c *collector) decl(n *syntax.DeclClause) {
	span, ok := nodeSpan(c.src, n)
	nameSpan, nameOK := nodeSpan(c.src, n.Variant)
	if !ok || !nameOK {
		return
	}
	variant := n.Variant.Value
	cmd := &Command{Name: &Word{Literal: variant, Span: nameSpan}, Span: span}
	if stmt := c.stmtOf[n]; stmt != nil {
		cmd.Background = stmt.Background
	}
	declares := variant == "local" || variant == "declare" || variant == "typeset"
	for _, assign := range n.Args {
		if w := c.assignWord(assign); w != nil {
			cmd.Args = append(cmd.Args, w)
		}
		if !assign.Naked || declares {
			c.assign(assign, !assign.Naked)
		}
	}
	c.f.Commands = append(c.f.Commands, cmd)
}

// assignWord returns an assignment as one Word, such as "A=b".
func (c *collector) assignWord(a *syntax.Assign) *Word {
	span, ok := nodeSpan(c.src, a)
	if !ok {
		return nil
	}
	w := &Word{Span: span}
	if a.Name != nil {
		w.Literal = a.Name.Value
	}
	if a.Value != nil {
		literal, dynamic := wordLiteral(a.Value)
		if !a.Naked {
			w.Literal += "="
		}
		w.Literal += literal
		w.Dynamic = dynamic
	}
	return w
}

// assign records the variable an assignment sets. withValue is false for a
// declaration without "=", such as "local A".
func (c *collector) assign(a *syntax.Assign, withValue bool) {
	if a.Name == nil {
		return
	}
	// A byte that is not UTF-8 reaches the parser as invalidByte, which
	// some dialects accept in an assignment's name. Such a name is not
	// written in the content, so nothing is recorded.
	span, ok := nameSpan(c.f.Content, a.Name, a.Name.Value)
	if !ok {
		return
	}
	ref := &VarRef{Name: a.Name.Value, Span: span}
	if withValue && a.Array == nil && a.Index == nil {
		if a.Value != nil {
			ref.Value = c.word(a.Value)
		} else if end, ok := nodeSpan(c.src, a); ok {
			ref.Value = &Word{Span: position.Span{Start: end.End, End: end.End}} // "A="
		}
	}
	c.f.VarDefs = append(c.f.VarDefs, ref)
}

// def records a definition without a value of the variable that lit
// names, as "read A" or "for A in" make.
func (c *collector) def(lit *syntax.Lit) {
	if lit == nil || !isName(lit.Value) {
		return
	}
	if span, ok := nameSpan(c.f.Content, lit, lit.Value); ok {
		c.f.VarDefs = append(c.f.VarDefs, &VarRef{Name: lit.Value, Span: span})
	}
}

// singleLit returns the only part of w when it is a literal, else nil.
func singleLit(w *syntax.Word) *syntax.Lit {
	if w == nil || len(w.Parts) != 1 {
		return nil
	}
	lit, _ := w.Parts[0].(*syntax.Lit)
	return lit
}
