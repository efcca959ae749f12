package symbols

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// configSymbols returns the outline of a config file.
func configSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	// TODO: implement.
	return nil, nil
}
