package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// shellVarHover returns the hover for a variable at offset in a script:
// where the container's environment sets it and its value.
func shellVarHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	// TODO: implement with the container model.
	return nil, nil
}
