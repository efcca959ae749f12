package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// configHover returns the hover at offset in a config file: the service
// card of a host name.
func configHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	return hostHover(snap, f, offset), nil
}
