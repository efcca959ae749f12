package server_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

const itemDefaultsArchive = `
-- compose.yaml --
services:
  web:
    image: nginx
    «key»
`

// wireList is a completion list as the client reads it, with the LSP 3.17
// item defaults.
type wireList struct {
	ItemDefaults *struct {
		EditRange        *json.RawMessage `json:"editRange"`
		InsertTextFormat int              `json:"insertTextFormat"`
		Data             json.RawMessage  `json:"data"`
	} `json:"itemDefaults"`
	Items []map[string]any `json:"items"`
}

// applied returns the items of list with the item defaults applied, as
// vscode-languageclient and Neovim apply them: an item without a textEdit
// replaces the default edit range with its textEditText, or its label.
func (list wireList) applied(t *testing.T) []map[string]any {
	t.Helper()
	d := list.ItemDefaults
	if d == nil {
		return list.Items
	}
	var rng any
	if d.EditRange != nil {
		if err := json.Unmarshal(*d.EditRange, &rng); err != nil {
			t.Fatal(err)
		}
	}
	var data any
	if d.Data != nil {
		if err := json.Unmarshal(d.Data, &data); err != nil {
			t.Fatal(err)
		}
	}
	out := make([]map[string]any, len(list.Items))
	for i, item := range list.Items {
		merged := map[string]any{}
		for k, v := range item {
			merged[k] = v
		}
		if _, ok := merged["textEdit"]; !ok && rng != nil {
			text, ok := merged["textEditText"]
			if !ok {
				text = merged["label"]
			}
			merged["textEdit"] = map[string]any{"range": rng, "newText": text}
			delete(merged, "textEditText")
		}
		if _, ok := merged["insertTextFormat"]; !ok && d.InsertTextFormat != 0 {
			merged["insertTextFormat"] = float64(d.InsertTextFormat)
		}
		if _, ok := merged["data"]; !ok && data != nil {
			merged["data"] = data
		}
		out[i] = merged
	}
	return out
}

// A client that supports item defaults gets a list that, with them
// applied, has the items that a client without them gets, and an item
// with the default data resolves.
func TestCompletionItemDefaults(t *testing.T) {
	withDefaults := lsptest.New(t, itemDefaultsArchive)
	var hoisted wireList
	if err := withDefaults.Call("textDocument/completion", withDefaults.At("key"), &hoisted); err != nil {
		t.Fatal(err)
	}
	if hoisted.ItemDefaults == nil || hoisted.ItemDefaults.EditRange == nil || hoisted.ItemDefaults.Data == nil {
		t.Fatalf("item defaults = %+v, want an edit range and data", hoisted.ItemDefaults)
	}
	for _, item := range hoisted.Items {
		if _, ok := item["textEdit"]; ok {
			t.Fatalf("item %v has a textEdit of its own", item["label"])
		}
	}

	caps := map[string]any{"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{
		"snippetSupport": true, "resolveSupport": map[string]any{"properties": []string{"documentation"}},
	}}}}
	without := lsptest.New(t, itemDefaultsArchive, lsptest.WithCapabilities(caps))
	var plain wireList
	if err := without.Call("textDocument/completion", without.At("key"), &plain); err != nil {
		t.Fatal(err)
	}
	if plain.ItemDefaults != nil {
		t.Errorf("a client without item defaults got %+v", plain.ItemDefaults)
	}
	if len(plain.Items) < 10 {
		t.Fatalf("%d service keys, want the schema's", len(plain.Items))
	}
	if got, want := hoisted.applied(t), plain.Items; !reflect.DeepEqual(got, want) {
		t.Errorf("with the defaults applied the items differ:\ngot  %v\nwant %v", got, want)
	}

	item := hoisted.applied(t)[0]
	var resolved map[string]any
	if err := withDefaults.Call("completionItem/resolve", item, &resolved); err != nil {
		t.Fatalf("resolve: %v", err)
	}
	if doc, ok := resolved["documentation"].(map[string]any); !ok || doc["value"] == "" {
		t.Errorf("resolved %v: documentation = %v, want markdown", item["label"], resolved["documentation"])
	}
}

// Items whose text runs over several lines carry their whole indentation
// and ask the client to insert them as they are (insertTextMode 1). A
// client that indents the lines after the first, as VS Code does by
// default, would otherwise indent them twice.
func TestMultilineItemsInsertAsIs(t *testing.T) {
	c := lsptest.New(t, itemDefaultsArchive)
	var list wireList
	if err := c.Call("textDocument/completion", c.At("key"), &list); err != nil {
		t.Fatal(err)
	}
	multiline := 0
	for _, item := range list.applied(t) {
		edit, _ := item["textEdit"].(map[string]any)
		text, _ := edit["newText"].(string)
		mode, hasMode := item["insertTextMode"]
		switch {
		case strings.Contains(text, "\n"):
			multiline++
			if mode != float64(1) {
				t.Errorf("item %v inserts %q with insertTextMode %v, want 1 (as is)", item["label"], text, mode)
			}
			if !strings.HasSuffix(strings.TrimSuffix(text, "- "), "\n      ") {
				t.Errorf("item %v inserts %q: want its next line indented by 6 spaces, under a key at 4", item["label"], text)
			}
		case hasMode:
			t.Errorf("one-line item %v has insertTextMode %v", item["label"], mode)
		}
	}
	if multiline == 0 {
		t.Error("no service key starts a mapping or a list on the next line")
	}
}
