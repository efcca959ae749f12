package semantic

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// makefileTokens returns the semantic tokens of a makefile file.
func makefileTokens(ctx context.Context, f *workspace.File) ([]Token, error) {
	// TODO: implement.
	return nil, nil
}
