package server

import (
	"context"

	"github.com/stackls/stackls/server/protocol"
	"github.com/stackls/stackls/symbols"
)

// Symbols returns the symbols of every file whose name contains the
// query; [] when none does.
func (s *server) Symbols(ctx context.Context, params *protocol.WorkspaceSymbolParams) ([]protocol.SymbolInformation, error) {
	snap := s.snapshot(ctx)

	found, err := symbols.Workspace(ctx, snap, params.Query)
	if err != nil {
		return nil, err
	}

	out := make([]protocol.SymbolInformation, 0, len(found))
	for _, sym := range found {
		if loc, ok := s.locationOf(snap, sym.Location); ok {
			out = append(out, protocol.SymbolInformation{
				Name:          sym.Name,
				Kind:          protocol.SymbolKind(sym.Kind),
				Location:      loc,
				ContainerName: sym.Container,
			})
		}
	}
	return out, nil
}
