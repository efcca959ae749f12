package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// configHover returns the hover at offset in a config file.
func configHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	// TODO: implement.
	return nil, nil
}
