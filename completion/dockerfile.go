package completion

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dockerfileCompletion returns the completion proposals at offset in a dockerfile file.
func dockerfileCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	// TODO: implement.
	return nil, nil
}
