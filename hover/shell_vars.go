package hover

import (
	"context"
	"fmt"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// maxShownDefs bounds the assignments of one variable a hover lists.
const maxShownDefs = 5

// shellVarHover returns the hover for a name at offset in a script: a
// "/run/secrets/NAME" path, a function, or a variable with where each
// container that holds the script sets it and its value.
func shellVarHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	model := f.Shell()
	if model == nil {
		return nil, nil
	}
	if ref := workspace.SecretRefAt(f.Content, offset); ref != nil {
		return secretHover(snap, f, ref), nil
	}
	if r := functionHover(f, model, offset); r != nil {
		return r, nil
	}

	ref := workspace.ScriptVarAt(model, offset)
	if ref == nil {
		return nil, nil
	}

	lines := containerVarLines(snap, workspace.ContainersOf(snap, f.URI), ref.Name)
	var defs []string
	for _, d := range model.VarDefs {
		if d.Name == ref.Name {
			defs = append(defs, scriptDefLine(f, d))
		}
	}
	if len(defs) > maxShownDefs {
		defs = append(defs[:maxShownDefs], fmt.Sprintf("and %d more assignments in this script", len(defs)-maxShownDefs))
	}
	lines = append(lines, defs...)
	if len(lines) == 0 {
		lines = append(lines, "not set by this script, and no container of the workspace holds it")
	}

	var b strings.Builder
	b.WriteString("**`" + ref.Name + "`**\n")
	for _, line := range lines {
		b.WriteString("\n- " + line)
	}
	return &Result{Markdown: b.String(), Span: ref.Span}, nil
}

// containerVarLines returns one line per container: where its environment
// sets name and the value, hidden when the name looks secret. A variable
// that Docker, the shell or a common package sets gets one more line.
func containerVarLines(snap *workspace.Snapshot, containers []*workspace.Container, name string) []string {
	var lines []string
	for _, ct := range containers {
		lines = append(lines, containerLabel(ct)+": "+envVarText(snap, ct, name))
	}
	if who := workspace.KnownVar(name); who != "" {
		lines = append(lines, who)
	}
	return lines
}

// containerLabel names a container: "service `api`" or "image of
// `app/Dockerfile`".
func containerLabel(ct *workspace.Container) string {
	if ct.Service != "" {
		return "service `" + ct.Service + "`"
	}
	return "image of `" + ct.Name() + "`"
}

// envVarText describes what the container's environment gives name.
func envVarText(snap *workspace.Snapshot, ct *workspace.Container, name string) string {
	v := ct.Lookup(name)
	if v == nil {
		if arg := ct.BuildArg(name); arg != nil {
			return fmt.Sprintf("not set when the container runs; it is a build argument (%s at %s)", arg.Source, whereText(snap, arg.Location))
		}
		return "not set"
	}
	var b strings.Builder
	switch {
	case !v.Known:
		b.WriteString("set, with its value taken from the environment `docker compose` runs in")
	case workspace.LooksSecret(name):
		b.WriteString("set (value hidden: the name looks like a secret)")
	default:
		b.WriteString(codeValue(v.Value))
	}
	fmt.Fprintf(&b, ", from %s at %s", sourceText(v.Source), whereText(snap, v.Location))
	if v.Raw != "" && v.Raw != v.Value && len(v.From) > 0 && !workspace.LooksSecret(name) {
		fmt.Fprintf(&b, " (%s", codeValue(v.Raw))
	} else if len(v.From) > 0 {
		b.WriteString(" (")
	}
	for i, from := range v.From {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, " read from %s", whereText(snap, from))
	}
	if len(v.From) > 0 {
		b.WriteString(")")
	}
	if len(v.Overrides) > 0 {
		o := v.Overrides[0]
		fmt.Fprintf(&b, "; it overrides %s at %s", sourceText(o.Source), whereText(snap, o.Location))
	}
	return b.String()
}

// sourceText names where a variable is set, with Markdown code spans.
func sourceText(s workspace.EnvSource) string {
	switch s {
	case workspace.SourceEnvironment:
		return "compose `environment`"
	case workspace.SourceEnvFile:
		return "`env_file`"
	case workspace.SourceImageEnv:
		return "Dockerfile `ENV`"
	case workspace.SourceBuildArg:
		return "Dockerfile `ARG`"
	}
	return s.String()
}

// whereText returns "`path:line`" of a Location, with the path relative to
// its workspace folder and the line 1-based.
func whereText(snap *workspace.Snapshot, loc position.Location) string {
	where := relativePath(snap, loc.URI.Path())
	if f := snap.File(loc.URI); f != nil {
		where += fmt.Sprintf(":%d", f.Mapper().OffsetLine(loc.Span.Start)+1)
	}
	return "`" + where + "`"
}

// scriptDefLine describes one assignment of the script.
func scriptDefLine(f *workspace.File, d *shell.VarRef) string {
	line := fmt.Sprintf("set in this script at line %d", f.Mapper().OffsetLine(d.Span.Start)+1)
	switch {
	case d.Value == nil:
	case workspace.LooksSecret(d.Name):
		line += " (value hidden: the name looks like a secret)"
	default:
		line += ": " + codeValue(string(f.Content[d.Value.Span.Start:d.Value.Span.End]))
	}
	return line
}

// secretHover describes a "/run/secrets/NAME" path: for each service that
// holds the file, the secret mounted there and where it is declared. It
// never shows the secret's content.
func secretHover(snap *workspace.Snapshot, f *workspace.File, ref *workspace.SecretRef) *Result {
	var b strings.Builder
	fmt.Fprintf(&b, "**secret file `%s`**\n", ref.Path)
	containers := workspace.ContainersOf(snap, f.URI)
	for _, ct := range containers {
		if ct.Service == "" {
			continue
		}
		s := ct.Secret(ref.Path)
		switch {
		case s == nil:
			fmt.Fprintf(&b, "\n- %s: not mounted; add the secret to the service's `secrets`", containerLabel(ct))
		case s.Decl == nil:
			fmt.Fprintf(&b, "\n- %s: secret `%s` from %s, which no top-level `secrets` declares", containerLabel(ct), s.Name, whereText(snap, s.Use))
		default:
			fmt.Fprintf(&b, "\n- %s: secret `%s` declared at %s", containerLabel(ct), s.Name, whereText(snap, *s.Decl))
			if s.File != "" {
				fmt.Fprintf(&b, ", from the file `%s`", relativePath(snap, s.File.Path()))
			}
		}
	}
	if len(containers) == 0 {
		b.WriteString("\nNo service of the workspace holds this file.")
	}
	return &Result{Markdown: b.String(), Span: ref.Span}
}
