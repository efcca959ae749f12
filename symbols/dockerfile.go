package symbols

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dockerfileSymbols returns the outline of a dockerfile file.
func dockerfileSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	// TODO: implement.
	return nil, nil
}

// dockerfileFolding returns the folding ranges of a dockerfile file.
func dockerfileFolding(ctx context.Context, f *workspace.File) ([]FoldingRange, error) {
	// TODO: implement.
	return nil, nil
}
