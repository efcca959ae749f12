package navigation

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// shellVarDefinition returns where the container's environment or the
// script itself sets the variable at offset.
func shellVarDefinition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	// TODO: implement with the container model.
	return nil, nil
}

// shellVarReferences returns the uses of the variable at offset across the
// files of the containers that run the script.
func shellVarReferences(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	// TODO: implement with the container model.
	return nil, nil
}
