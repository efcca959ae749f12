package server

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
	"github.com/stackls/stackls/symbols"
)

// DocumentSymbol returns the outline of the document: a tree of
// DocumentSymbol when the client supports it, else a flat list of
// SymbolInformation; [] for an unknown document.
func (s *server) DocumentSymbol(ctx context.Context, params *protocol.DocumentSymbolParams) ([]any, error) {
	snap := s.snapshot(ctx)
	f := s.file(snap, params.TextDocument.URI)
	if f == nil {
		return []any{}, nil
	}

	outline, err := symbols.Document(ctx, snap, f.URI)
	if err != nil {
		return nil, err
	}

	out := []any{}
	if s.clientInfo().caps.TextDocument.DocumentSymbol.HierarchicalDocumentSymbolSupport {
		for _, sym := range s.documentSymbolsOf(f.Mapper(), outline) {
			out = append(out, sym)
		}
		return out, nil
	}
	var flatten func(syms []*symbols.Symbol, container string)
	flatten = func(syms []*symbols.Symbol, container string) {
		for _, sym := range syms {
			if rng, ok := s.rangeOf(f.Mapper(), sym.SelectionSpan); ok {
				out = append(out, protocol.SymbolInformation{
					Name:          sym.Name,
					Kind:          protocol.SymbolKind(sym.Kind),
					Location:      protocol.Location{URI: protocol.DocumentURI(f.URI), Range: rng},
					ContainerName: container,
				})
			}
			flatten(sym.Children, sym.Name)
		}
	}
	flatten(outline, "")
	return out, nil
}

// documentSymbolsOf converts an outline, dropping symbols outside the
// document; the selection range is clamped into the full range, as the
// LSP requires.
func (s *server) documentSymbolsOf(m *position.Mapper, syms []*symbols.Symbol) []protocol.DocumentSymbol {
	out := make([]protocol.DocumentSymbol, 0, len(syms))
	for _, sym := range syms {
		full, ok := s.rangeOf(m, sym.Span)
		if !ok {
			continue
		}
		selection, ok := s.rangeOf(m, sym.SelectionSpan)
		if !ok || sym.SelectionSpan.Start < sym.Span.Start || sym.SelectionSpan.End > sym.Span.End {
			selection = protocol.Range{Start: full.Start, End: full.Start}
		}
		out = append(out, protocol.DocumentSymbol{
			Name:           sym.Name,
			Detail:         sym.Detail,
			Kind:           protocol.SymbolKind(sym.Kind),
			Range:          full,
			SelectionRange: selection,
			Children:       s.documentSymbolsOf(m, sym.Children),
		})
	}
	return out
}
