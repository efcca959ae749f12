package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// composeDiagnostics returns the diagnostics of a compose file.
func composeDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	// TODO: implement.
	return nil
}
