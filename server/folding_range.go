package server

import (
	"context"

	"github.com/stackls/stackls/server/protocol"
	"github.com/stackls/stackls/symbols"
)

// FoldingRanges returns the foldable line ranges of the document; [] when
// there are none. A range that would fold less than two lines is dropped.
func (s *server) FoldingRanges(ctx context.Context, params *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	snap := s.snapshot(ctx)
	f := s.file(snap, params.TextDocument.URI)
	if f == nil {
		return []protocol.FoldingRange{}, nil
	}

	ranges, err := symbols.Folding(ctx, snap, f.URI)
	if err != nil {
		return nil, err
	}

	out := make([]protocol.FoldingRange, 0, len(ranges))
	for _, fr := range ranges {
		rng, ok := s.rangeOf(f.Mapper(), fr.Span)
		if !ok || rng.End.Line <= rng.Start.Line {
			continue
		}
		out = append(out, protocol.FoldingRange{
			StartLine: rng.Start.Line,
			EndLine:   rng.End.Line,
			Kind:      protocol.FoldingRangeKind(fr.Kind),
		})
	}
	return out, nil
}
