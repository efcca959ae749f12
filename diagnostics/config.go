package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// configDiagnostics returns the diagnostics of a config file: host names
// one edit away from a service.
func configDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	return unknownHostDiagnostics(snap, f)
}
