package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/stackls/stackls/completion"
	"github.com/stackls/stackls/position"
)

// Completion returns the proposals at the position; an empty list when
// there are none or the position lies outside the document.
func (s *server) Completion(ctx context.Context, params *protocol.CompletionParams) (*protocol.CompletionList, error) {
	empty := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, params.TextDocument.URI, params.Position)
	if !ok {
		return empty, nil
	}

	opts := completion.Options{Snippets: s.clientInfo().caps.TextDocument.Completion.CompletionItem.SnippetSupport}
	list, err := completion.Complete(ctx, snap, f.URI, offset, opts)
	if err != nil {
		return nil, err
	}
	if list == nil {
		return empty, nil
	}

	out := &protocol.CompletionList{IsIncomplete: list.Incomplete, Items: make([]protocol.CompletionItem, 0, len(list.Items))}
	for _, item := range list.Items {
		out.Items = append(out.Items, s.completionItemOf(f.Mapper(), item))
	}
	return out, nil
}

// completionItemOf converts one item. An edit outside the document is
// dropped, and the client then inserts the label.
func (s *server) completionItemOf(m *position.Mapper, item *completion.Item) protocol.CompletionItem {
	out := protocol.CompletionItem{
		Label:            item.Label,
		Kind:             protocol.CompletionItemKind(item.Kind),
		Detail:           item.Detail,
		SortText:         item.SortText,
		FilterText:       item.FilterText,
		InsertTextFormat: protocol.InsertTextFormatPlainText,
	}
	if item.Documentation != "" {
		out.Documentation = protocol.MarkupContent{Kind: protocol.Markdown, Value: item.Documentation}
	}
	if item.Snippet {
		out.InsertTextFormat = protocol.InsertTextFormatSnippet
	}
	if item.Edit != nil {
		if rng, ok := s.rangeOf(m, item.Edit.Span); ok {
			out.TextEdit = &protocol.TextEdit{Range: rng, NewText: item.Edit.NewText}
		} else if item.Snippet {
			out.InsertText = item.Edit.NewText
		}
	}
	return out
}

// CompletionResolve returns the item unchanged: items are complete when
// sent.
func (s *server) CompletionResolve(_ context.Context, params *protocol.CompletionItem) (*protocol.CompletionItem, error) {
	return params, nil
}
