package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dockerfileHover returns the hover at offset in a dockerfile file.
func dockerfileHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	// TODO: implement.
	return nil, nil
}
