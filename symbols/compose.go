package symbols

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// composeSymbols returns the outline of a compose file.
func composeSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	// TODO: implement.
	return nil, nil
}

// composeFolding returns the folding ranges of a compose file.
func composeFolding(ctx context.Context, f *workspace.File) ([]FoldingRange, error) {
	// TODO: implement.
	return nil, nil
}
