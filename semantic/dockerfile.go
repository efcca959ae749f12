package semantic

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dockerfileTokens returns the semantic tokens of a dockerfile file.
func dockerfileTokens(ctx context.Context, f *workspace.File) ([]Token, error) {
	// TODO: implement.
	return nil, nil
}
