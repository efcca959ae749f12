package server

import (
	"context"

	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/server/protocol"
)

// DocumentHighlight returns the occurrences, in the same file, of the name
// at the position; [] when there is none.
func (s *server) DocumentHighlight(ctx context.Context, params *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, params.TextDocument.URI, params.Position)
	if !ok {
		return []protocol.DocumentHighlight{}, nil
	}

	highlights, err := navigation.Highlights(ctx, snap, f.URI, offset)
	if err != nil {
		return nil, err
	}

	out := make([]protocol.DocumentHighlight, 0, len(highlights))
	for _, h := range highlights {
		if rng, ok := s.rangeOf(f.Mapper(), h.Span); ok {
			out = append(out, protocol.DocumentHighlight{Range: rng, Kind: protocol.DocumentHighlightKind(h.Kind)})
		}
	}
	return out, nil
}
