package makefile

import (
	"bytes"
	"strings"

	"github.com/stackls/stackls/position"
	"mvdan.cc/sh/v3/syntax"
)

// CompletionKind is the kind of word expected at a cursor.
type CompletionKind int

// Completion kinds.
const (
	CompleteVariable   CompletionKind = iota + 1 // a name after "$(" or "${"
	CompleteTarget                               // a prerequisite: a target name
	CompleteSubcommand                           // after "docker compose" and its options
	CompleteService                              // a service argument of a compose subcommand
)

// Completion is the completion context at a cursor: the kind of word
// expected and the partial word before the cursor.
type Completion struct {
	Kind   CompletionKind
	Span   position.Span // the partial word before the cursor, which a proposal replaces
	Prefix string        // its text
	Call   *ComposeCall  // the call typed so far, for CompleteSubcommand and CompleteService
	Rule   *Rule         // the rule being written, for CompleteTarget
}

// CompletionAt returns what may be typed at offset, or nil when stackls
// has nothing to propose there. It reads the text before the cursor, so
// it works on half-typed lines.
func (f *File) CompletionAt(offset int) *Completion {
	if offset < 0 || offset > len(f.Content) {
		return nil
	}
	if c := f.variableCompletion(offset); c != nil {
		return c
	}
	for _, r := range f.Rules {
		if r.HeaderSpan.Start <= offset && offset <= lineEnd(f.Content, r.HeaderSpan.End) {
			return targetCompletion(f.Content, r, offset)
		}
		for _, rc := range r.Recipes {
			if rc.TextSpan.Start <= offset && offset <= rc.TextSpan.End {
				return f.recipeCompletion(rc, offset)
			}
		}
	}
	return nil
}

// variableCompletion returns a CompleteVariable when the cursor follows
// "$(" or "${" and a partial name on the same line.
func (f *File) variableCompletion(offset int) *Completion {
	start := offset
	for start > 0 && isNameByte(f.Content[start-1]) {
		start--
	}
	if start < 2 || f.Content[start-2] != '$' || (f.Content[start-1] != '(' && f.Content[start-1] != '{') {
		return nil
	}
	if start >= 3 && f.Content[start-3] == '$' {
		return nil // "$$(" is a shell command substitution
	}
	return &Completion{Kind: CompleteVariable, Span: position.Span{Start: start, End: offset}, Prefix: string(f.Content[start:offset])}
}

// lineEnd returns the offset of the line end at or after offset.
func lineEnd(content []byte, offset int) int {
	for offset < len(content) && content[offset] != '\n' && content[offset] != '\r' {
		offset++
	}
	return offset
}

// partialWord returns the start of the word that ends at offset.
func partialWord(content []byte, lineStart, offset int) int {
	start := offset
	for start > lineStart && !isBlank(content[start-1]) && content[start-1] != '\n' && content[start-1] != '\r' {
		start--
	}
	return start
}

func targetCompletion(content []byte, r *Rule, offset int) *Completion {
	start := partialWord(content, r.HeaderSpan.Start, offset)
	before := content[r.HeaderSpan.Start:start]
	if findTopLevel(before, ':') < 0 || findTopLevel(before, ';') >= 0 {
		return nil // still in the targets, or in an inline recipe
	}
	if _, _, ok := findAssignment(before); ok {
		return nil
	}
	return &Completion{Kind: CompleteTarget, Span: position.Span{Start: start, End: offset}, Prefix: string(content[start:offset]), Rule: r}
}

// recipeCompletion returns the completion in a recipe line: a subcommand
// or a service of the docker compose call before the cursor.
func (f *File) recipeCompletion(rc *Recipe, offset int) *Completion {
	cut := len(rc.src)
	for i, src := range rc.src {
		if src >= offset {
			cut = i
			break
		}
	}
	start := partialWord(f.Content, rc.TextSpan.Start, offset)
	wordLen := offset - start
	if wordLen > cut {
		return nil
	}
	if strings.HasPrefix(string(f.Content[start:offset]), "-") {
		return nil // an option
	}
	text := mapped{text: []byte(rc.Text[:cut-wordLen]), src: rc.src[:cut-wordLen]}

	var out expanded
	newExpander(f, rc.Rule.Targets).expand(&out, text, &frame{})
	args, dir := lastCommandArgs(out.text)
	kind, call := expectedCallWord(&out, args)
	if kind == 0 {
		return nil
	}
	call.Recipe, call.Rule, call.Dir = rc, rc.Rule, dir
	return &Completion{Kind: kind, Span: position.Span{Start: start, End: offset}, Prefix: string(f.Content[start:offset]), Call: call}
}

// lastCommandArgs returns the words of the simple command that text ends
// in, such as "docker compose exec" in "cd x && docker compose exec ",
// and the folder that "cd" commands before it moved to.
func lastCommandArgs(text []byte) ([]shellWord, string) {
	if n := len(recipePrefix(text)); n > 0 {
		text = append(bytes.Repeat([]byte{' '}, n), text[n:]...)
	}
	file, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(text), "")
	if file == nil || err != nil && len(file.Stmts) == 0 {
		return nil, ""
	}
	var last *syntax.CallExpr
	var lastArgs []shellWord
	dir, lastDir := "", ""
	syntax.Walk(file, func(node syntax.Node) bool {
		call, ok := node.(*syntax.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		args := make([]shellWord, len(call.Args))
		for i, w := range call.Args {
			args[i] = literalWord(w)
		}
		last, lastArgs, lastDir = call, args, dir
		if args[0].literal && args[0].value == "cd" {
			dir = changeDir(dir, args[1:])
		}
		return true
	})
	if last == nil || int(last.End().Offset()) < len(bytes.TrimRight(text, " \t")) {
		return nil, "" // the cursor follows ";", "&&" or "|", where a new command starts
	}
	return lastArgs, lastDir
}
