package server

import (
	"context"

	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/server/protocol"
)

// Hover returns the Markdown card for the word at the position, or null.
func (s *server) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}

	result, err := hover.Hover(ctx, snap, f.URI, offset)
	if err != nil || result == nil {
		return nil, err
	}

	out := &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: result.Markdown}}
	if rng, ok := s.rangeOf(f.Mapper(), result.Span); ok {
		out.Range = &rng
	}
	return out, nil
}
