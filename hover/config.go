package hover

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// configHover returns the hover at offset in a config file: the service
// card of a host name, else what the variables feature finds.
func configHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	if r := hostHover(snap, f, offset); r != nil {
		return r, nil
	}
	return configVarHover(snap, f, offset), nil
}
