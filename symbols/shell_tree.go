package symbols

import (
	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
)

// compoundSpans returns the Spans of the compound commands of a script
// that may span several lines: if, while, until, for, case, braces and
// subshells, and function bodies. A POSIX script that POSIX sh rejects is
// read as bash, as the script model does. After a syntax error, the spans
// come from the statements before it.
func compoundSpans(model *shell.File) []position.Span {
	tree := shell.SyntaxTree(model)
	if tree == nil {
		return nil
	}
	var spans []position.Span
	syntax.Walk(tree, func(node syntax.Node) bool {
		switch node.(type) {
		case *syntax.IfClause, *syntax.WhileClause, *syntax.ForClause, *syntax.CaseClause, *syntax.Block, *syntax.Subshell:
			start, end := node.Pos(), node.End()
			if start.IsValid() && end.IsValid() && int(end.Offset()) <= len(model.Content) {
				spans = append(spans, position.Span{Start: int(start.Offset()), End: int(end.Offset())})
			}
		}
		return true
	})
	return spans
}
