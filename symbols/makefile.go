package symbols

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// makefileSymbols returns the outline of a makefile file.
func makefileSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	// TODO: implement.
	return nil, nil
}

// makefileFolding returns the folding ranges of a makefile file.
func makefileFolding(ctx context.Context, f *workspace.File) ([]FoldingRange, error) {
	// TODO: implement.
	return nil, nil
}
