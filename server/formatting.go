package server

import (
	"context"

	"github.com/stackls/stackls/format"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
	"github.com/stackls/stackls/workspace"
)

// Formatting returns the edits that format the whole document; [] when
// it is formatted already.
func (s *server) Formatting(ctx context.Context, params *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	snap := s.snapshot(ctx)
	f := s.file(snap, params.TextDocument.URI)
	if f == nil {
		return []protocol.TextEdit{}, nil
	}
	return s.format(ctx, snap, f, params.Options, nil)
}

// RangeFormatting returns the edits that format the lines the range
// touches; [] when the range lies outside the document.
func (s *server) RangeFormatting(ctx context.Context, params *protocol.DocumentRangeFormattingParams) ([]protocol.TextEdit, error) {
	snap := s.snapshot(ctx)
	f := s.file(snap, params.TextDocument.URI)
	if f == nil {
		return []protocol.TextEdit{}, nil
	}
	span, ok := s.spanOf(f, params.Range)
	if !ok {
		return []protocol.TextEdit{}, nil
	}
	return s.format(ctx, snap, f, params.Options, &span)
}

func (s *server) format(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, opts protocol.FormattingOptions, span *position.Span) ([]protocol.TextEdit, error) {
	edits, err := format.Format(ctx, snap, f.URI, format.Options{TabSize: int(opts.TabSize), InsertSpaces: opts.InsertSpaces}, span)
	if err != nil {
		return nil, err
	}
	return s.textEditsOf(f.Mapper(), edits), nil
}
