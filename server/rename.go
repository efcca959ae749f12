package server

import (
	"context"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/server/protocol"
)

// prepareRenameParams are the params of textDocument/prepareRename.
type prepareRenameParams struct {
	protocol.TextDocumentPositionParams
}

// prepareRenameResult is the { range, placeholder } form of the
// prepareRename result.
type prepareRenameResult struct {
	Range       protocol.Range `json:"range"`
	Placeholder string         `json:"placeholder"`
}

// prepareRename returns the name at the position that Rename would
// change, or null when nothing there can be renamed.
func (s *server) prepareRename(ctx context.Context, params *prepareRenameParams) (*prepareRenameResult, error) {
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}

	target, err := navigation.PrepareRename(ctx, snap, f.URI, offset)
	if err != nil || target == nil {
		return nil, err
	}

	rng, ok := s.rangeOf(f.Mapper(), target.Span)
	if !ok {
		return nil, nil
	}
	return &prepareRenameResult{Range: rng, Placeholder: target.Placeholder}, nil
}

// Rename returns the edits, in every file, that rename the name at the
// position, or null when nothing there can be renamed.
func (s *server) Rename(ctx context.Context, params *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}

	edits, err := navigation.Rename(ctx, snap, f.URI, offset, params.NewName)
	if err != nil {
		// The rename checks reject a new name that is invalid or taken,
		// and the client shows the message.
		return nil, jsonrpc2.NewError(protocol.CodeRequestFailed, err.Error())
	}
	if len(edits) == 0 {
		return nil, nil
	}

	return s.workspaceEditOf(snap, edits), nil
}
