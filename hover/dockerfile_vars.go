package hover

import (
	"fmt"
	"github.com/stackls/stackls/workspace"
	"strings"

	"github.com/stackls/stackls/dockerfile"
)

// dfVarRefHover shows what a variable reference expands to at its place:
// the value in scope and where it was set, or that it is not defined.
func dfVarRefHover(df *dockerfile.File, ref *dockerfile.VarRef) *Result {
	env := df.EnvAt(ref.Instruction)
	b := env.Lookup(ref.Name)
	var md strings.Builder
	fmt.Fprintf(&md, "**`$%s`**", ref.Name)
	if !ref.BuildTime {
		md.WriteString(" (expanded by the shell when the command runs)")
	}
	md.WriteString("\n\n")
	switch {
	case b == nil:
		if doc := dfPredefinedArgDocs[ref.Name]; doc != "" && ref.Instruction.Keyword != "FROM" {
			md.WriteString("Not defined in this stage: declare `ARG " + ref.Name + "` first.\n\n" + doc)
			break
		}
		md.WriteString("Not defined here, so it expands to an empty string")
		if !ref.BuildTime {
			md.WriteString(" unless the base image or the script sets it")
		}
		md.WriteString(".")
		if global := df.GlobalEnv().Lookup(ref.Name); global != nil && global.Decl != nil && ref.Instruction.Keyword != "FROM" {
			md.WriteString(fmt.Sprintf("\n\nThe global `ARG %s` (line %d) is visible only in FROM lines; declare `ARG %s` in this stage to use it.",
				ref.Name, dfLineOf(df.Content, global.Decl.NameSpan.Start)+1, ref.Name))
		}
	default:
		dfWriteBinding(&md, df, b)
	}
	return &Result{Markdown: md.String(), Span: ref.ExprSpan}
}

// dfDeclHover shows a declared ARG or ENV with the value it takes.
func dfDeclHover(df *dockerfile.File, d *dockerfile.VarDecl) *Result {
	env := df.EnvAt(d.Instruction)
	scope := dockerfile.EnvAfter(df, d, env)
	var md strings.Builder
	kind := "ARG"
	if d.Env {
		kind = "ENV"
	}
	fmt.Fprintf(&md, "**%s `%s`**\n\n", kind, d.Name)
	if b := scope.Lookup(d.Name); b != nil {
		dfWriteBinding(&md, df, b)
	}
	if doc := dfPredefinedArgDocs[d.Name]; doc != "" {
		md.WriteString("\n\n" + doc)
	}
	return &Result{Markdown: md.String(), Span: d.NameSpan}
}

// dfWriteBinding writes the value of a binding and where it comes from.
func dfWriteBinding(md *strings.Builder, df *dockerfile.File, b *dockerfile.Binding) {
	switch {
	case b.Predefined && b.Decl == nil:
		fmt.Fprintf(md, "Value: `%s` (predefined; the build sets it)", b.Value)
		if doc := dfPredefinedArgDocs[b.Name]; doc != "" {
			md.WriteString("\n\n" + doc)
		}
		return
	case !b.Set:
		md.WriteString("No default value: empty unless the build sets it with `--build-arg " + b.Name + "=<value>`.")
	case workspace.LooksSecret(b.Name):
		md.WriteString("Value: set (hidden, because the name looks like a secret)")
	default:
		fmt.Fprintf(md, "Value: `%s`", b.Value)
		if b.Global != nil {
			fmt.Fprintf(md, " (the default of the global ARG on line %d)", dfLineOf(df.Content, b.Global.NameSpan.Start)+1)
		}
	}
	if b.Decl != nil {
		fmt.Fprintf(md, "\n\nSet on line %d: `%s`", dfLineOf(df.Content, b.Decl.NameSpan.Start)+1, dfDeclText(df, b.Decl))
		if b.FromStage >= 0 {
			fmt.Fprintf(md, " in the base stage %s", dfStageLabel(df.Stages[b.FromStage]))
		}
	}
}

func dfDeclText(df *dockerfile.File, d *dockerfile.VarDecl) string {
	kind := "ARG"
	if d.Env {
		kind = "ENV"
	}
	if !d.HasValue {
		return kind + " " + d.Name
	}
	if workspace.LooksSecret(d.Name) {
		return kind + " " + d.Name + "=…"
	}
	value := string(df.Content[d.ValueSpan.Start:d.ValueSpan.End])
	if len(value) > 80 || strings.ContainsAny(value, "\n`") {
		value = d.Value
	}
	return kind + " " + d.Name + "=" + value
}

func dfStageLabel(st *dockerfile.Stage) string {
	if st.Name != "" {
		return "`" + st.Name + "`"
	}
	return fmt.Sprintf("%d", st.Index)
}

// dfLineOf returns the 0-based line of a byte offset.
func dfLineOf(content []byte, offset int) int {
	return strings.Count(string(content[:min(offset, len(content))]), "\n")
}
