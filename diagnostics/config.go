package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// configDiagnostics returns the diagnostics of a config file.
func configDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	// TODO: implement.
	return nil
}
