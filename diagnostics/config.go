package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// configDiagnostics returns the diagnostics of a config file: host names
// one edit away from a service, and the checks of templates, secrets and
// ports against the containers that hold the file.
func configDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	return append(unknownHostDiagnostics(snap, f), configVarDiagnostics(ctx, snap, f)...)
}
