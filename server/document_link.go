package server

import (
	"context"

	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/server/protocol"
)

// DocumentLink returns the paths and URLs of the document that open a
// file or a web page; [] when there are none.
func (s *server) DocumentLink(ctx context.Context, params *protocol.DocumentLinkParams) ([]protocol.DocumentLink, error) {
	snap := s.snapshot(ctx)
	f := s.file(snap, params.TextDocument.URI)
	if f == nil {
		return []protocol.DocumentLink{}, nil
	}

	links, err := navigation.Links(ctx, snap, f.URI)
	if err != nil {
		return nil, err
	}

	out := make([]protocol.DocumentLink, 0, len(links))
	for _, link := range links {
		if rng, ok := s.rangeOf(f.Mapper(), link.Span); ok {
			out = append(out, protocol.DocumentLink{Range: rng, Target: protocol.DocumentURI(link.Target), Tooltip: link.Tooltip})
		}
	}
	return out, nil
}

// DocumentLinkResolve returns the link unchanged: links carry their
// target already.
func (s *server) DocumentLinkResolve(_ context.Context, params *protocol.DocumentLink) (*protocol.DocumentLink, error) {
	return params, nil
}
