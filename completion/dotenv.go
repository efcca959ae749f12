package completion

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dotenvCompletion returns the completion proposals at offset in a dotenv file.
func dotenvCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	// TODO: implement.
	return nil, nil
}
