package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dockerfileDiagnostics returns the diagnostics of a dockerfile file.
func dockerfileDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	// TODO: implement.
	return nil
}
