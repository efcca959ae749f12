package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// composeHover returns the hover at offset in a compose file.
func composeHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	// TODO: implement.
	return nil, nil
}
