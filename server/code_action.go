package server

import (
	"context"
	"slices"

	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/server/protocol"
)

// CodeAction returns the quick fixes of the diagnostics that overlap the
// range, each with its diagnostic attached; [] when there are none.
func (s *server) CodeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	actions := []protocol.CodeAction{}
	if len(params.Context.Only) > 0 && !slices.ContainsFunc(params.Context.Only, coversQuickFix) {
		return actions, nil
	}
	snap := s.snapshot(ctx)
	f := s.file(snap, params.TextDocument.URI)
	if f == nil {
		return actions, nil
	}
	span, ok := s.spanOf(f, params.Range)
	if !ok {
		return actions, nil
	}

	diags := diagnostics.File(ctx, snap, f.URI)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	for _, d := range diags {
		if len(d.Fixes) == 0 || !d.Span.Overlaps(span) {
			continue
		}
		pd, ok := s.diagnosticOf(snap, f.Mapper(), d)
		if !ok {
			continue
		}
		for _, fix := range d.Fixes {
			edit := s.workspaceEditOf(snap, fix.Edits)
			if edit == nil {
				continue
			}
			actions = append(actions, protocol.CodeAction{
				Title:       fix.Title,
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{pd},
				IsPreferred: fix.Preferred,
				Edit:        edit,
			})
		}
	}
	return actions, nil
}

// coversQuickFix reports whether an "only" kind includes quick fixes:
// "quickfix" itself or a parent kind such as "".
func coversQuickFix(kind protocol.CodeActionKind) bool {
	return kind == "" || kind == protocol.QuickFix
}
