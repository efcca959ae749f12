package diagnostics

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// entrypointDiagnostics returns the checks that need the container model:
// CRLF line ends, shebang, exec "$@", executable bit, undefined variables,
// unknown secrets, wrong ports and background servers.
func entrypointDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	// TODO: implement with the container model.
	return nil
}
