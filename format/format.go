// Package format computes formatting edits that never change what a file
// means: instruction casing and continuation indentation in Dockerfiles,
// indentation in compose files, with comments and key order kept.
package format

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Options are the client's formatting options.
type Options struct {
	TabSize      int
	InsertSpaces bool
}

// Format returns the edits that format the file at uri, or only the lines
// that span touches when span is not nil.
func Format(ctx context.Context, snap *workspace.Snapshot, uri position.URI, opts Options, span *position.Span) ([]position.TextEdit, error) {
	f := snap.File(uri)
	if f == nil || f.Skipped != "" {
		return nil, nil
	}
	switch f.Kind {
	case workspace.KindDockerfile:
		return dockerfileFormat(ctx, f, opts, span)
	case workspace.KindCompose:
		return composeFormat(ctx, f, opts, span)
	}
	return nil, nil
}
