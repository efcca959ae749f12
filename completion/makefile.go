package completion

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// makefileCompletion returns the completion proposals at offset in a makefile file.
func makefileCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	// TODO: implement.
	return nil, nil
}
