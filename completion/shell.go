package completion

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// shellCompletion returns the completion proposals at offset in a shell file.
func shellCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	// TODO: implement.
	return nil, nil
}
