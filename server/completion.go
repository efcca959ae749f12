package server

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

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
	var data *completionData
	out := &protocol.CompletionList{IsIncomplete: list.Incomplete, Items: make([]protocol.CompletionItem, 0, len(list.Items))}
	for _, item := range list.Items {
		converted := s.completionItemOf(f.Mapper(), item)
		if lazy && item.Documentation != "" {
			// The client asks for the documentation of the item it shows,
			// with completionItem/resolve, so the list stays small.
			if data == nil {
				data = &completionData{Origin: s.completions.add(params.TextDocument.URI, params.Position)}
			}
			converted.Documentation = nil
			converted.Data = data
		}
		out.Items = append(out.Items, converted)
	}
	hoistItemDefaults(out, s.clientInfo().caps.TextDocument.Completion.CompletionList.ItemDefaults)
	return out, nil
}

// hoistItemDefaults moves the values that every item of list shares into
// the list's item defaults (LSP 3.17), for each default that the client
// supports: the edit range, the insert text format and the data. The
// items then carry only their text, which made the key list at a compose
// service 60% smaller.
func hoistItemDefaults(list *protocol.CompletionList, supported []string) {
	if len(list.Items) < 2 || len(supported) == 0 {
		return
	}
	items := list.Items
	defaults := &protocol.CompletionItemDefaults{}
	if slices.Contains(supported, "editRange") && shareEditRange(items) {
		rng := items[0].TextEdit.Range
		defaults.EditRange = &rng
		for i := range items {
			if text := items[i].TextEdit.NewText; text != items[i].Label {
				items[i].TextEditText = text // without it, the client inserts the label
			}
			items[i].TextEdit = nil
		}
	}
	if slices.Contains(supported, "insertTextFormat") && allItems(items, func(it *protocol.CompletionItem) bool { return it.InsertTextFormat == items[0].InsertTextFormat }) {
		defaults.InsertTextFormat = items[0].InsertTextFormat
		for i := range items {
			items[i].InsertTextFormat = 0
		}
	}
	// Items share data only as the same *completionData.
	if data, ok := items[0].Data.(*completionData); ok && slices.Contains(supported, "data") && allItems(items, func(it *protocol.CompletionItem) bool {
		other, ok := it.Data.(*completionData)
		return ok && other == data
	}) {
		defaults.Data = data
		for i := range items {
			items[i].Data = nil
		}
	}
	if defaults.EditRange != nil || defaults.InsertTextFormat != 0 || defaults.Data != nil {
		list.ItemDefaults = defaults
	}
}

// shareEditRange reports whether every item replaces the same range with
// a TextEdit.
func shareEditRange(items []protocol.CompletionItem) bool {
	return allItems(items, func(it *protocol.CompletionItem) bool {
		return it.TextEdit != nil && it.InsertText == "" && it.TextEdit.Range == items[0].TextEdit.Range
	})
}

// allItems reports whether ok holds for every item.
func allItems(items []protocol.CompletionItem, ok func(*protocol.CompletionItem) bool) bool {
	for i := range items {
		if !ok(&items[i]) {
			return false
		}
	}
	return true
}

// completionData is the data of an item whose documentation is sent on
// completionItem/resolve: the number of the request it came from, which
// completionOrigins maps to the document and position. The item's label
// comes back with the item.
type completionData struct {
	Origin uint64 `json:"origin"`
}

// maxCompletionOrigins is how many recent completion requests resolve can
// still find. A client resolves items of the list it shows, the last one.
const maxCompletionOrigins = 16

// completionOrigins records where recent completion requests were made,
// so that each item of a list carries a number instead of a URI and a
// position. That made a compose key list a third smaller.
type completionOrigins struct {
	mu      sync.Mutex
	next    uint64                                 // guarded by mu
	entries [maxCompletionOrigins]completionOrigin // guarded by mu; by number modulo the size
}

type completionOrigin struct {
	number   uint64
	uri      protocol.DocumentURI
	position protocol.Position
}

// add records a request and returns its number, from 1.
func (o *completionOrigins) add(uri protocol.DocumentURI, pos protocol.Position) uint64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.next++
	o.entries[o.next%maxCompletionOrigins] = completionOrigin{number: o.next, uri: uri, position: pos}
	return o.next
}

// find returns where request number was made, unless newer requests
// replaced it.
func (o *completionOrigins) find(number uint64) (protocol.DocumentURI, protocol.Position, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	e := o.entries[number%maxCompletionOrigins]
	if number == 0 || e.number != number {
		return "", protocol.Position{}, false
	}
	return e.uri, e.position, true
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
		if strings.Contains(item.Edit.NewText, "\n") {
			// The completion packages indent each line in full, as for a
			// compose key whose value starts on the next line. A client
			// that adds the current line's indentation, as VS Code does
			// by default, would indent those lines twice.
			out.InsertTextMode = protocol.InsertTextModeAsIs
		}
	}
	return out
}

// CompletionResolve adds the documentation that Completion left out of an
// item. It computes the completion again where the item's request was
// made, in the current snapshot, and takes the documentation of the item
// with the same label. When that request is no longer recorded, or has no
// such item, it returns the item unchanged.
func (s *server) CompletionResolve(ctx context.Context, params *protocol.CompletionItem) (*protocol.CompletionItem, error) {
	raw, err := json.Marshal(params.Data)
	if err != nil || params.Data == nil {
		return params, nil
	}
	var data completionData
	if err := json.Unmarshal(raw, &data); err != nil {
		return params, nil
	}
	uri, pos, found := s.completions.find(data.Origin)
	if !found {
		return params, nil
	}
	snap := s.snapshot(ctx)
	f, offset, ok := s.fileOffset(snap, uri, pos)
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
		if item.Label == params.Label && item.Documentation != "" {
			params.Documentation = protocol.MarkupContent{Kind: protocol.Markdown, Value: item.Documentation}
			break
		}
	}
	return params, nil
}
