package semantic

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// composeTokens returns the semantic tokens of a compose file.
func composeTokens(ctx context.Context, f *workspace.File) ([]Token, error) {
	// TODO: implement.
	return nil, nil
}
