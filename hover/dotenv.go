package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dotenvHover returns the hover at offset in a dotenv file.
func dotenvHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	// TODO: implement.
	return nil, nil
}
