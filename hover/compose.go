package hover

import (
	"context"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/workspace"
	"gopkg.in/yaml.v3"
)

// composeHover returns the hover at offset in a compose file, trying in
// order: a "${VAR}" reference, a service used as a host, a YAML anchor or
// alias, a service, network, volume, secret or config name, an image, and
// the schema documentation of the key or value under the cursor.
func composeHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	model := f.Compose()
	if model == nil {
		return nil, nil
	}
	proj := project.Of(snap, f.URI)
	if proj == nil {
		return nil, nil
	}
	cur := model.At(offset)
	if cur != nil && !cur.IsKey && cur.Node.Kind == yaml.ScalarNode && strings.Contains(cur.Node.Value, "$") {
		if r := variableHover(model, proj, cur.Node, offset); r != nil {
			return r, nil
		}
	}
	if r := hostHover(snap, f, offset); r != nil {
		return r, nil
	}
	if a := model.AnchorAt(offset); a != nil {
		return anchorHover(model, a, offset), nil
	}
	if ref := model.RefAt(offset); ref != nil {
		if r := refHover(snap, proj, f, ref); r != nil {
			return r, nil
		}
	}
	if cur == nil || ctx.Err() != nil {
		return nil, nil
	}
	if r := buildTargetHover(snap, f, offset); r != nil {
		return r, nil
	}
	if r := imageHover(model, cur); r != nil {
		return r, nil
	}
	return keyHover(model, cur), nil
}

// variableHover describes the "${VAR}" reference at offset in scalar n:
// its value and where it comes from. A name that looks like a secret shows
// only where it is set.
func variableHover(model *compose.File, proj *project.Project, n *yaml.Node, offset int) *Result {
	refs := interp.Refs(n.Value)
	for i := range refs {
		ref := interp.At(refs[i:i+1], inValueOffset(model, n, offset, refs[i]))
		if ref == nil || ref.Invalid {
			continue
		}
		span, _ := model.SubSpan(n, ref.Span.Start, ref.Span.End)
		return &Result{Markdown: variableMarkdown(proj, n.Value, *ref), Span: span}
	}
	return nil
}

// inValueOffset converts a byte offset of the source to an offset in the
// value of scalar n, when the source spells the value literally around
// ref; otherwise it returns an offset inside ref, so that the whole
// scalar's single reference is still found.
func inValueOffset(model *compose.File, n *yaml.Node, offset int, ref interp.Ref) int {
	span, exact := model.SubSpan(n, 0, len(n.Value))
	if !exact {
		return ref.Span.Start
	}
	return offset - span.Start
}

func variableMarkdown(proj *project.Project, value string, ref interp.Ref) string {
	var b strings.Builder
	v := proj.Lookup(ref.Name)
	secret := workspace.LooksSecret(ref.Name)
	b.WriteString("**`" + ref.Name + "`**")
	switch {
	case v.Set && secret:
		b.WriteString(" is set in `" + v.Source + "` (value hidden: the name looks like a secret)")
	case v.Set:
		b.WriteString(" from `" + v.Source + "` = " + codeValue(v.Value))
	default:
		b.WriteString(" is not set")
	}
	b.WriteString("\n\n" + effectLine(v, ref))
	if ref.Span.Len() < len(value) && !hasSecretRef(value) {
		if out, err := interp.Substitute(value, proj.LookupFunc()); err == nil && out != value {
			b.WriteString("\n\nThe whole value reads " + codeValue(out))
		}
	}
	return b.String()
}

// effectLine describes what compose substitutes for ref.
func effectLine(v project.Var, ref interp.Ref) string {
	empty := !v.Set || v.Value == ""
	switch ref.Op {
	case interp.OpDefaultIfEmpty:
		if empty {
			return "Compose uses the default `" + ref.Arg + "` (it applies when the variable is unset or empty)."
		}
	case interp.OpDefaultIfUnset:
		if !v.Set {
			return "Compose uses the default `" + ref.Arg + "` (it applies when the variable is unset)."
		}
	case interp.OpRequired, interp.OpRequiredNonEmpty:
		if !v.Set || ref.Op == interp.OpRequiredNonEmpty && v.Value == "" {
			return "Compose stops with an error: " + orDefault(ref.Arg, "the variable is required") + "."
		}
	case interp.OpAltIfSet, interp.OpAltIfNonEmpty:
		if v.Set && (ref.Op == interp.OpAltIfSet || v.Value != "") {
			return "Compose substitutes the alternative `" + ref.Arg + "`."
		}
		return "Compose substitutes an empty string (the alternative applies only when the variable is set)."
	}
	if !v.Set {
		return "Compose substitutes an empty string and warns."
	}
	return "Compose substitutes this value."
}

func hasSecretRef(value string) bool {
	for _, r := range interp.All(interp.Refs(value)) {
		if workspace.LooksSecret(r.Name) {
			return true
		}
	}
	return false
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// codeValue shows a value as Markdown code exactly as it is: inline when
// it is one line, else in a fenced block, so that a real line break and a
// literal "\n" look different.
func codeValue(s string) string {
	if strings.ContainsAny(s, "\n\r") {
		fence := "```"
		for strings.Contains(s, fence) {
			fence += "`"
		}
		return "\n\n" + fence + "text\n" + s + "\n" + fence
	}
	if s == "" {
		return "(empty)"
	}
	ticks := "`"
	for strings.Contains(s, ticks) {
		ticks += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return ticks + pad + s + pad + ticks
}
