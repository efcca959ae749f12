package diagnostics

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// makefileDiagnostics returns the diagnostics of a Makefile: syntax
// errors, recipe lines indented with spaces, and compose calls that name
// a missing file or an unknown service.
func makefileDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	mf := f.Makefile()
	var diags []*Diagnostic
	for _, e := range mf.Errors {
		diags = append(diags, ruleMakefileSyntax.at(e.Span, e.Message))
	}
	diags = append(diags, spaceIndentDiagnostics(f.URI, mf)...)
	if ctx.Err() != nil {
		return diags
	}

	seen := map[position.Span]bool{} // words of an assignment are shared by calls
	for _, c := range mf.ComposeCalls {
		diags = append(diags, callFileDiagnostics(snap, f.URI, c, seen)...)
		diags = append(diags, callServiceDiagnostics(snap, f, c, seen)...)
	}
	return diags
}

func (r makefileRule) at(span position.Span, message string) *Diagnostic {
	return &Diagnostic{Span: span, Severity: r.Severity, Code: r.Name, CodeHref: r.URL, Source: "stackls", Message: message}
}

// spaceIndentDiagnostics flags each recipe line indented with spaces, on
// its indentation, with a fix that replaces it by a tab.
func spaceIndentDiagnostics(uri position.URI, mf *makefile.File) []*Diagnostic {
	var diags []*Diagnostic
	for _, r := range mf.Rules {
		for _, rc := range r.Recipes {
			if !rc.SpaceIndent {
				continue
			}
			indent := position.Span{Start: rc.Span.Start, End: rc.TextSpan.Start}
			d := ruleRecipeSpaceIndent.at(indent, recipeSpaceIndentMessage())
			// NOTE: the fix writes a tab even where .RECIPEPREFIX sets another prefix.
			d.Fixes = []*Fix{{
				Title:     "Indent the recipe line with a tab",
				Edits:     map[position.URI][]position.TextEdit{uri: {{Span: indent, NewText: "\t"}}},
				Preferred: true,
			}}
			diags = append(diags, d)
		}
	}
	return diags
}

// callFileDiagnostics flags each -f and --env-file value of c that names
// no file.
func callFileDiagnostics(snap *workspace.Snapshot, uri position.URI, c *makefile.ComposeCall, seen map[position.Span]bool) []*Diagnostic {
	var diags []*Diagnostic
	check := func(words []*makefile.Word, rule makefileRule, kind string) {
		for _, w := range words {
			p := workspace.CallPath(uri, c, w)
			if p == "" || seen[w.Span] || snap.FileExists(p) {
				continue
			}
			seen[w.Span] = true
			diags = append(diags, rule.at(w.Span, fileNotFoundMessage(kind, w.Text, p)))
		}
	}
	check(c.Files, ruleComposeFileNotFound, "compose file")
	check(c.EnvFiles, ruleEnvFileNotFound, "env file")
	return diags
}

// callServiceDiagnostics flags each service argument of c that the
// compose files of the call do not define. Without known compose files it
// checks against every compose file of the workspace, and reports
// nothing when the workspace has none. The fix is offered only where the name is
// written as is, not made of several variables.
func callServiceDiagnostics(snap *workspace.Snapshot, f *workspace.File, c *makefile.ComposeCall, seen map[position.Span]bool) []*Diagnostic {
	uri := f.URI
	if len(c.Services) == 0 {
		return nil
	}
	names := snap.CallServiceNames(uri, c)
	if len(names) == 0 {
		return nil
	}
	var fileNames []string
	for _, cf := range snap.CallComposeFiles(uri, c) {
		fileNames = append(fileNames, makefileRelPath(uri, cf.URI.Path()))
	}
	var diags []*Diagnostic
	for _, w := range c.Services {
		if seen[w.Span] || makefileHasName(names, w.Text) {
			continue
		}
		seen[w.Span] = true
		suggestion := closestName(w.Text, names)
		d := ruleUnknownService.at(w.Span, unknownServiceMessage(w.Text, fileNames, suggestion))
		if suggestion != "" && string(f.Content[w.Span.Start:w.Span.End]) == w.Text {
			d.Fixes = []*Fix{{
				Title:     "Change to `" + suggestion + "`",
				Edits:     map[position.URI][]position.TextEdit{uri: {{Span: w.Span, NewText: suggestion}}},
				Preferred: true,
			}}
		}
		diags = append(diags, d)
	}
	return diags
}

func makefileHasName(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// makefileRelPath returns path relative to the Makefile's folder when it lies
// below it, else path itself.
func makefileRelPath(makefileURI position.URI, path string) string {
	rel, err := filepath.Rel(makefileURI.Dir(), path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return path
	}
	return filepath.ToSlash(rel)
}
