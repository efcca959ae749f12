package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// makefileHover returns the hover at offset in a makefile file.
func makefileHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	// TODO: implement.
	return nil, nil
}
