package semantic

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// shellTokens returns the semantic tokens of a shell file.
func shellTokens(ctx context.Context, f *workspace.File) ([]Token, error) {
	// TODO: implement.
	return nil, nil
}
