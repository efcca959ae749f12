package diagnostics

import (
	"context"
	"fmt"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// scriptRule is a script or config file check declared as data: its name
// (the Diagnostic's Code), severity and documentation.
type scriptRule struct {
	Name     string
	Severity Severity
	URL      string
}

var (
	ruleShellSyntax = scriptRule{
		Name:     "ShellSyntax",
		Severity: Error,
		URL:      "https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html",
	}
	// ruleShellDialect is a warning: some /bin/sh shells, such as BusyBox
	// ash, accept a few bash constructs, but dash and POSIX sh do not.
	ruleShellDialect = scriptRule{
		Name:     "ShellDialect",
		Severity: Warning,
		URL:      "https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html",
	}
	// ruleUnknownHost is a warning: the name may be a host outside the
	// compose project.
	ruleUnknownHost = scriptRule{
		Name:     "UnknownHost",
		Severity: Warning,
		URL:      "https://docs.docker.com/compose/how-tos/networking/",
	}
)

func (r scriptRule) diagnostic(message string) *Diagnostic {
	return &Diagnostic{Severity: r.Severity, Code: r.Name, CodeHref: r.URL, Source: "stackls", Message: message}
}

// shellDiagnostics returns the diagnostics of a shell file: syntax errors,
// constructs that the shebang's shell lacks, host names one edit away from
// a service, and the entrypoint checks.
func shellDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	model := f.Shell()
	if model == nil {
		return nil
	}
	var diags []*Diagnostic
	dialectKnown := dialectKnown(snap, f.URI, model)
	for _, e := range model.Errors {
		if e.Feature != "" && !dialectKnown {
			continue
		}
		diags = append(diags, shellErrorDiagnostic(model, e))
	}
	diags = append(diags, unknownHostDiagnostics(snap, f)...)
	return append(diags, entrypointDiagnostics(ctx, snap, f)...)
}

// dialectKnown reports whether the shell that reads a script is known, so
// that constructs it lacks are worth a warning: the script has a shebang,
// or a container runs it through sh or runs it directly. A script with no
// shebang that only bash scripts source or that an unknown caller runs
// may be bash, as ShellCheck assumes for such files.
func dialectKnown(snap *workspace.Snapshot, uri position.URI, model *shell.File) bool {
	if model.Shebang != nil {
		return true
	}
	for _, img := range snap.Index().CopiedAs(uri) {
		for _, runner := range img.Runners() {
			if runner != "bash" && runner != "zsh" && runner != "ksh" && runner != "mksh" {
				return true
			}
		}
	}
	return false
}

// shellErrorDiagnostic converts a parse error of the shell model.
func shellErrorDiagnostic(model *shell.File, e *shell.Error) *Diagnostic {
	if e.Feature == "" {
		d := ruleShellSyntax.diagnostic(fmt.Sprintf("%s (parsed as %s)", e.Message, dialectName(model.Dialect)))
		d.Span = e.Span
		return d
	}
	d := ruleShellDialect.diagnostic(e.Message)
	d.Span = e.Span
	return d
}

// dialectName names the shell a script is parsed as, after its shebang.
func dialectName(d shell.Dialect) string {
	if d == shell.POSIX {
		return "POSIX sh"
	}
	return d.String()
}

// unknownHostDiagnostics returns a warning, with a quick fix, for each word
// in a host position of f that names no service but is one edit away from
// a service name, container name, hostname or alias.
func unknownHostDiagnostics(snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	ix := snap.Index()
	candidates := ix.HostCandidates(f.URI)
	if len(candidates) == 0 {
		return nil
	}
	names := ix.HostNames(f.URI)
	var diags []*Diagnostic
	for _, use := range candidates {
		if len(use.Defs) > 0 || len(use.Name) < 3 {
			continue
		}
		suggestion := oneEditAway(use.Name, names)
		if suggestion == "" {
			continue
		}
		d := ruleUnknownHost.diagnostic(fmt.Sprintf("`%s` is not a service; did you mean `%s`?", use.Name, suggestion))
		d.Span = use.Location.Span
		d.Fixes = []*Fix{{
			Title:     fmt.Sprintf("Change to `%s`", suggestion),
			Edits:     map[position.URI][]position.TextEdit{f.URI: {{Span: use.Location.Span, NewText: suggestion}}},
			Preferred: true,
		}}
		diags = append(diags, d)
	}
	return diags
}

// oneEditAway returns the first of names, which are sorted, at edit
// distance 1 from name, or "".
func oneEditAway(name string, names []string) string {
	for _, candidate := range names {
		if editDistance(name, candidate) == 1 {
			return candidate
		}
	}
	return ""
}
