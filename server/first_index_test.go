package server_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// TestRequestBeforeIndexWaitsForIt sends a definition request right after
// initialized, without waiting for the index, and expects the same answer
// as after it: the request waits for the first index instead of answering
// from a snapshot that holds only the open document.
func TestRequestBeforeIndexWaitsForIt(t *testing.T) {
	archive := `
-- compose.yaml --
services:
  «db»mariadb:
    image: mariadb:11
-- tools/entrypoint.sh --
#!/bin/sh
until nc -z «use»mariadb 3306; do sleep 1; done
exec "$@"
`
	for i := 0; i < 30; i++ {
		archive += "-- filler/" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "/compose.yaml --\nservices:\n  web:\n    image: nginx:1.27\n"
	}
	c := lsptest.New(t, archive, lsptest.WithoutInitialize())
	root := string(position.URIFromPath(c.WS.Root))
	params := map[string]any{
		"processId":        os.Getpid(),
		"rootUri":          root,
		"workspaceFolders": []any{map[string]any{"uri": root, "name": filepath.Base(c.WS.Root)}},
		"capabilities":     map[string]any{},
	}
	if err := c.Call("initialize", params, nil); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	c.Notify("initialized", map[string]any{})

	uri, offset := c.WS.Marker("use")
	pos, err := position.NewMapper(c.WS.Content("tools/entrypoint.sh")).OffsetPosition(offset, position.UTF16)
	if err != nil {
		t.Fatal(err)
	}
	var got []struct {
		URI   string `json:"uri"`
		Range struct {
			Start struct{ Line, Character int } `json:"start"`
		} `json:"range"`
	}
	req := map[string]any{
		"textDocument": map[string]any{"uri": string(uri)},
		"position":     map[string]any{"line": pos.Line, "character": pos.Character},
	}
	if err := c.Call("textDocument/definition", req, &got); err != nil {
		t.Fatalf("definition: %v", err)
	}
	if len(got) != 1 {
		t.Fatalf("definition before the index = %d locations, want 1 (the mariadb key)\nserver log:\n%s", len(got), c.ServerLog())
	}
	wantURI, _ := c.WS.Marker("db")
	if got[0].URI != string(wantURI) || got[0].Range.Start.Line != 1 || got[0].Range.Start.Character != 2 {
		t.Errorf("definition = %s %d:%d, want %s 1:2", got[0].URI, got[0].Range.Start.Line, got[0].Range.Start.Character, wantURI)
	}
}
