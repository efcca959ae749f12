package symbols

import (
	"bytes"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
)

// shellVariants maps the script model's dialect to the parser's variant.
var shellVariants = map[shell.Dialect]syntax.LangVariant{
	shell.POSIX: syntax.LangPOSIX, shell.Bash: syntax.LangBash, shell.MirBSD: syntax.LangMirBSDKorn, shell.Zsh: syntax.LangZsh,
}

// compoundSpans returns the Spans of the compound commands of a script
// that may span several lines: if, while, until, for, case, braces and
// subshells, and function bodies. A POSIX script that POSIX sh rejects is
// read as bash, as the script model does. After a syntax error, the spans
// come from the statements before it.
func compoundSpans(model *shell.File) []position.Span {
	src := parserSource(model.Content)
	tree, err := syntax.NewParser(syntax.Variant(shellVariants[model.Dialect])).Parse(bytes.NewReader(src), "")
	if err != nil && model.Dialect == shell.POSIX {
		if bashTree, bashErr := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(src), ""); bashErr == nil {
			tree = bashTree
		}
	}
	if tree == nil {
		return nil
	}
	var spans []position.Span
	syntax.Walk(tree, func(node syntax.Node) bool {
		switch node.(type) {
		case *syntax.IfClause, *syntax.WhileClause, *syntax.ForClause, *syntax.CaseClause, *syntax.Block, *syntax.Subshell:
			start, end := node.Pos(), node.End()
			if start.IsValid() && end.IsValid() && int(end.Offset()) <= len(src) {
				spans = append(spans, position.Span{Start: int(start.Offset()), End: int(end.Offset())})
			}
		}
		return true
	})
	return spans
}

// parserSource returns content as the parser can read it, with every
// offset unchanged: a byte order mark becomes three spaces, a NUL byte a
// space, and each byte that is not UTF-8 a "?", which the parser would
// otherwise reject.
func parserSource(content []byte) []byte {
	if utf8.Valid(content) && bytes.IndexByte(content, 0) < 0 && !bytes.HasPrefix(content, []byte("\xef\xbb\xbf")) {
		return content
	}
	src := append([]byte(nil), content...)
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		copy(src, "   ")
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			src[i] = '?'
		case r == 0:
			src[i] = ' '
		}
		i += size
	}
	return src
}
