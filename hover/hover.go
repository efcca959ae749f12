// Package hover builds the Markdown shown when the cursor rests on a word:
// documentation for keywords and keys, values of variables, and cards for
// services and stages that may be defined in other files.
package hover

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Result is a hover: Markdown text and the Span of the word it describes.
type Result struct {
	Markdown string
	Span     position.Span
}

// Hover returns the hover at a byte offset of the file at uri, or nil when
// there is nothing to show.
func Hover(ctx context.Context, snap *workspace.Snapshot, uri position.URI, offset int) (*Result, error) {
	f := snap.File(uri)
	if f == nil || f.Skipped != "" || offset < 0 || offset > len(f.Content) {
		return nil, nil
	}
	switch f.Kind {
	case workspace.KindDockerfile:
		return dockerfileHover(ctx, snap, f, offset)
	case workspace.KindCompose:
		return composeHover(ctx, snap, f, offset)
	case workspace.KindShell:
		return shellHover(ctx, snap, f, offset)
	case workspace.KindMakefile:
		return makefileHover(ctx, snap, f, offset)
	case workspace.KindDotEnv:
		return dotenvHover(ctx, snap, f, offset)
	case workspace.KindConfig:
		return configHover(ctx, snap, f, offset)
	}
	return nil, nil
}
