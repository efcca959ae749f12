package symbols

import (
	"context"

	"github.com/stackls/stackls/workspace"
)

// dotenvSymbols returns the outline of a dotenv file.
func dotenvSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	// TODO: implement.
	return nil, nil
}
