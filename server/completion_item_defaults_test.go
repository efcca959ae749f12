package server

import (
	"reflect"
	"testing"

	"github.com/stackls/stackls/server/protocol"
)

func TestHoistItemDefaults(t *testing.T) {
	at := func(line uint32) protocol.Range {
		return protocol.Range{Start: protocol.Position{Line: line, Character: 4}, End: protocol.Position{Line: line, Character: 6}}
	}
	data := &completionData{Origin: 3}
	item := func(label, text string, rng protocol.Range, format protocol.InsertTextFormat, d any) protocol.CompletionItem {
		return protocol.CompletionItem{Label: label, InsertTextFormat: format, TextEdit: &protocol.TextEdit{Range: rng, NewText: text}, Data: d}
	}
	all := []string{"editRange", "insertTextFormat", "data"}
	tests := []struct {
		name      string
		items     []protocol.CompletionItem
		supported []string
		defaults  *protocol.CompletionItemDefaults
		want      []protocol.CompletionItem
	}{{
		name:      "shared range, format and data",
		items:     []protocol.CompletionItem{item("image", "image: ", at(1), 1, data), item("build", "build", at(1), 1, data)},
		supported: all,
		defaults:  &protocol.CompletionItemDefaults{EditRange: &protocol.Range{Start: at(1).Start, End: at(1).End}, InsertTextFormat: 1, Data: data},
		want:      []protocol.CompletionItem{{Label: "image", TextEditText: "image: "}, {Label: "build"}},
	}, {
		name:      "ranges differ",
		items:     []protocol.CompletionItem{item("a", "a", at(1), 1, nil), item("b", "b", at(2), 1, nil)},
		supported: all,
		defaults:  &protocol.CompletionItemDefaults{InsertTextFormat: 1},
		want:      []protocol.CompletionItem{{Label: "a", TextEdit: &protocol.TextEdit{Range: at(1), NewText: "a"}}, {Label: "b", TextEdit: &protocol.TextEdit{Range: at(2), NewText: "b"}}},
	}, {
		name:      "formats and data differ",
		items:     []protocol.CompletionItem{item("a", "a", at(1), 1, data), item("b", "b$1", at(1), 2, &completionData{Origin: 3})},
		supported: all,
		defaults:  &protocol.CompletionItemDefaults{EditRange: &protocol.Range{Start: at(1).Start, End: at(1).End}},
		want:      []protocol.CompletionItem{{Label: "a", InsertTextFormat: 1, Data: data}, {Label: "b", TextEditText: "b$1", InsertTextFormat: 2, Data: &completionData{Origin: 3}}},
	}, {
		name:      "no support",
		items:     []protocol.CompletionItem{item("a", "a", at(1), 1, nil), item("b", "b", at(1), 1, nil)},
		supported: nil,
		want:      []protocol.CompletionItem{item("a", "a", at(1), 1, nil), item("b", "b", at(1), 1, nil)},
	}, {
		name:      "only the format supported",
		items:     []protocol.CompletionItem{item("a", "a", at(1), 1, nil), item("b", "b", at(1), 1, nil)},
		supported: []string{"insertTextFormat"},
		defaults:  &protocol.CompletionItemDefaults{InsertTextFormat: 1},
		want:      []protocol.CompletionItem{{Label: "a", TextEdit: &protocol.TextEdit{Range: at(1), NewText: "a"}}, {Label: "b", TextEdit: &protocol.TextEdit{Range: at(1), NewText: "b"}}},
	}, {
		name:      "one item",
		items:     []protocol.CompletionItem{item("a", "a", at(1), 1, nil)},
		supported: all,
		want:      []protocol.CompletionItem{item("a", "a", at(1), 1, nil)},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := &protocol.CompletionList{Items: tt.items}
			hoistItemDefaults(list, tt.supported)
			if !reflect.DeepEqual(list.ItemDefaults, tt.defaults) {
				t.Errorf("defaults = %+v, want %+v", list.ItemDefaults, tt.defaults)
			}
			if !reflect.DeepEqual(list.Items, tt.want) {
				t.Errorf("items =\n%+v\nwant\n%+v", list.Items, tt.want)
			}
		})
	}
}
