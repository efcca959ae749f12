package server

import (
	"context"

	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/server/protocol"
)

// Definition returns where the name at the position is defined, or null.
func (s *server) Definition(ctx context.Context, params *protocol.DefinitionParams) ([]protocol.Location, error) {
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}

	locs, err := navigation.Definition(ctx, snap, f.URI, offset)
	if err != nil || len(locs) == 0 {
		return nil, err
	}

	return s.locationsOf(snap, locs), nil
}
