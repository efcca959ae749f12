package completion

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// configCompletion returns the completion proposals at offset in a config file.
func configCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	// TODO: implement.
	return nil, nil
}
