package diagnostics

import (
	"context"
	"strings"

	"github.com/stackls/stackls/workspace"
)

// configVarDiagnostics returns the checks of a config file that containers
// hold: envsubst-style "${NAME}" references that a container does not
// set, "/run/secrets/NAME" paths that a service does not get, and
// host:port uses of a port the service does not declare.
//
// Only upper-case names are checked: lower-case ones such as nginx's
// "${uri}" belong to the program that reads the file.
func configVarDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	containers := workspace.ContainersOf(snap, f.URI)
	if len(containers) == 0 || f.Skipped != "" {
		return nil
	}
	var diags []*Diagnostic
	for _, ref := range workspace.TemplateRefs(f.Content) {
		if ref.HasDefault || strings.ToUpper(ref.Name) != ref.Name || workspace.KnownVar(ref.Name) != "" {
			continue
		}
		if d := undefinedVarDiagnostic(f.URI, ref.Name, ref.Span, containers, ""); d != nil {
			diags = append(diags, d)
		}
	}
	for _, ref := range workspace.SecretRefs(f.Content) {
		if d := unknownSecretDiagnostic(f.URI, ref, containers); d != nil {
			diags = append(diags, d)
		}
	}
	if ctx.Err() != nil {
		return nil
	}
	return withoutIgnored(f.Content, append(diags, hostPortDiagnostics(snap, f, nil)...))
}
