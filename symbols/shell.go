package symbols

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// shellSymbols returns the outline of a shell file.
func shellSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	// TODO: implement.
	return nil, nil
}

// shellFolding returns the folding ranges of a shell file.
func shellFolding(ctx context.Context, f *workspace.File) ([]FoldingRange, error) {
	// TODO: implement.
	return nil, nil
}
