package server

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/stackls/stackls/completion"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
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

	lazy := slices.Contains(s.clientInfo().caps.TextDocument.Completion.CompletionItem.ResolveSupport.Properties, "documentation")
	out := &protocol.CompletionList{IsIncomplete: list.Incomplete, Items: make([]protocol.CompletionItem, 0, len(list.Items))}
	for _, item := range list.Items {
		converted := s.completionItemOf(f.Mapper(), item)
		if lazy && item.Documentation != "" {
			// The client asks for the documentation of the item it shows,
			// with completionItem/resolve, so the list stays small.
			converted.Documentation = nil
			converted.Data = completionData{URI: params.TextDocument.URI, Position: params.Position, Label: item.Label}
		}
		out.Items = append(out.Items, converted)
	}
	return out, nil
}

// completionData is the data of an item whose documentation is sent on
// completionItem/resolve: where the completion was requested, and the
// item's label.
type completionData struct {
	URI      protocol.DocumentURI `json:"uri"`
	Position protocol.Position    `json:"position"`
	Label    string               `json:"label"`
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

// CompletionResolve adds the documentation that Completion left out of an
// item. It computes the completion again where the item came from, in the
// current snapshot, and takes the documentation of the item with the same
// label. Without such an item, it returns the item unchanged.
func (s *server) CompletionResolve(ctx context.Context, params *protocol.CompletionItem) (*protocol.CompletionItem, error) {
	raw, err := json.Marshal(params.Data)
	if err != nil || params.Data == nil {
		return params, nil
	}
	var data completionData
	if err := json.Unmarshal(raw, &data); err != nil || data.Label != params.Label {
		return params, nil
	}
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, data.URI, data.Position)
	if !ok {
		return params, nil
	}
	list, err := completion.Complete(ctx, snap, f.URI, offset, completion.Options{})
	if err != nil {
		return nil, fmt.Errorf("resolving completion item %q: %w", params.Label, err)
	}
	if list == nil {
		return params, nil
	}
	for _, item := range list.Items {
		if item.Label == data.Label && item.Documentation != "" {
			params.Documentation = protocol.MarkupContent{Kind: protocol.Markdown, Value: item.Documentation}
			break
		}
	}
	return params, nil
}
