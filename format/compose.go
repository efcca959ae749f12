package format

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeFormat returns the edits that format a compose file, or the lines that
// span touches.
func composeFormat(ctx context.Context, f *workspace.File, opts Options, span *position.Span) ([]position.TextEdit, error) {
	// TODO: implement.
	return nil, nil
}
