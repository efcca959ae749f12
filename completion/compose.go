package completion

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// composeCompletion returns the completion proposals at offset in a compose file.
func composeCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	// TODO: implement.
	return nil, nil
}
