package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dotenvHover returns the hover at offset in a dotenv file: the service
// card of a host name in a value.
func dotenvHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	return hostHover(snap, f, offset), nil
}
