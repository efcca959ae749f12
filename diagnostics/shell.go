package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// shellDiagnostics returns the diagnostics of a shell file.
func shellDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	// TODO: implement.
	return nil
}
