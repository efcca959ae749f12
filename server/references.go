package server

import (
	"context"

	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/server/protocol"
)

// References returns every use of the name at the position, in every file
// of the workspace; [] when there is none.
func (s *server) References(ctx context.Context, params *protocol.ReferenceParams) ([]protocol.Location, error) {
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, params.TextDocument.URI, params.Position)
	if !ok {
		return []protocol.Location{}, nil
	}

	locs, err := navigation.References(ctx, snap, f.URI, offset, params.Context.IncludeDeclaration)
	if err != nil {
		return nil, err
	}

	return s.locationsOf(snap, locs), nil
}
