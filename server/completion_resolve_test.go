package server_test

import (
	"testing"

	"go.lsp.dev/protocol"

	"github.com/stackls/stackls/internal/lsptest"
)

const completionArchive = `
-- Dockerfile --
FROM alpine:3.20
«blank»
`

// A client that resolves documentation gets items without it, and the
// documentation when it resolves an item. This client keeps each item's
// data in the item: TestCompletionItemDefaults covers one that takes it
// from the list's item defaults.
func TestCompletionDocumentationOnResolve(t *testing.T) {
	caps := map[string]any{"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{
		"snippetSupport": true, "resolveSupport": map[string]any{"properties": []string{"documentation"}},
	}}}}
	c := lsptest.New(t, completionArchive, lsptest.WithCapabilities(caps))
	list := c.Completion("blank")
	var run *protocol.CompletionItem
	for i := range list.Items {
		item := &list.Items[i]
		if item.Documentation != nil {
			t.Errorf("item %q has documentation before resolve", item.Label)
		}
		if item.Label == "RUN" {
			run = item
		}
	}
	if run == nil {
		t.Fatalf("no RUN item in %d items", len(list.Items))
	}
	var resolved protocol.CompletionItem
	if err := c.Call("completionItem/resolve", run, &resolved); err != nil {
		t.Fatalf("resolve: %v", err)
	}
	doc, ok := resolved.Documentation.(map[string]any)
	if !ok || doc["kind"] != "markdown" || doc["value"] == "" {
		t.Errorf("resolved documentation = %#v, want markdown", resolved.Documentation)
	}
}

// A client that does not resolve documentation gets it in the list.
func TestCompletionDocumentationInline(t *testing.T) {
	caps := map[string]any{"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}}}}
	c := lsptest.New(t, completionArchive, lsptest.WithCapabilities(caps))
	list := c.Completion("blank")
	documented := 0
	for _, item := range list.Items {
		if item.Documentation != nil {
			documented++
		}
		if item.Data != nil {
			t.Errorf("item %q has data %v", item.Label, item.Data)
		}
	}
	if documented == 0 {
		t.Errorf("no item of %d has documentation", len(list.Items))
	}
}
