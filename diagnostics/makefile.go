package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// makefileDiagnostics returns the diagnostics of a makefile file.
func makefileDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	// TODO: implement.
	return nil
}
