package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dotenvDiagnostics returns the diagnostics of a dotenv file.
func dotenvDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	// TODO: implement.
	return nil
}
