package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// shellHover returns the hover at offset in a shell file.
func shellHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	// TODO: implement.
	return nil, nil
}
