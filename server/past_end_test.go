package server_test

import (
	"fmt"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

// pastEndArchive holds the degenerate documents that editors send while
// typing: no final newline, one space, empty files.
const pastEndArchive = `
-- Dockerfile --
FROM alpine:3.20
-- compose.yaml --
services:
  web:
    image: nginx
-- space/compose.yaml --
 
-- empty/Dockerfile --
-- empty/compose.yaml --
`

// isEmptyResult reports whether a decoded result is null, [], or an object
// whose list field ("items", "data") is empty.
func isEmptyResult(result any) bool {
	switch v := result.(type) {
	case nil:
		return true
	case []any:
		return len(v) == 0
	case map[string]any:
		for _, key := range []string{"items", "data"} {
			if list, ok := v[key].([]any); ok {
				return len(list) == 0
			}
		}
	}
	return false
}

func TestRequestsPastTheEnd(t *testing.T) {
	c := lsptest.New(t, pastEndArchive)
	// Every archive file ends with a newline: the Dockerfile has lines 0
	// (16 characters) and 1 (empty). nonl/Dockerfile, opened below with no
	// file on disk, has no final newline.
	positions := map[string][][2]int{
		"Dockerfile":         {{0, 17}, {0, 40}, {2, 0}, {5, 0}, {4294967295, 4294967295}},
		"compose.yaml":       {{2, 200}, {5, 0}, {9, 9}},
		"space/compose.yaml": {{0, 2}, {3, 0}},
		"empty/Dockerfile":   {{0, 1}, {1, 0}},
		"nonl/Dockerfile":    {{0, 17}, {1, 0}},
	}
	methods := []string{
		"textDocument/hover", "textDocument/definition", "textDocument/references",
		"textDocument/documentHighlight", "textDocument/completion",
		"textDocument/prepareRename", "textDocument/rename",
	}
	for _, open := range []bool{false, true} {
		for rel, places := range positions {
			switch {
			case open && rel == "nonl/Dockerfile":
				c.OpenContent(rel, "dockerfile", []byte("FROM alpine:3.20"))
			case open:
				c.Open(rel)
			}
			for _, place := range places {
				for _, method := range methods {
					name := fmt.Sprintf("%s %s %d:%d open=%v", method, rel, place[0], place[1], open)
					params := map[string]any{
						"textDocument": c.DocID(rel),
						"position":     map[string]any{"line": place[0], "character": place[1]},
						"context":      map[string]any{"includeDeclaration": true},
						"newName":      "x",
					}
					var result any
					if err := c.Call(method, params, &result); err != nil {
						t.Errorf("%s: error %v, want an empty result", name, err)
					} else if !isEmptyResult(result) {
						t.Errorf("%s: result %v, want null or []", name, result)
					}
				}
			}
		}
	}
}

func TestRangeRequestsPastTheEnd(t *testing.T) {
	c := lsptest.New(t, pastEndArchive)
	c.Open("Dockerfile")
	pastEnd := map[string]any{"start": map[string]any{"line": 3, "character": 0}, "end": map[string]any{"line": 4, "character": 0}}
	options := map[string]any{"tabSize": 4, "insertSpaces": true}
	requests := map[string]map[string]any{
		"textDocument/codeAction":      {"textDocument": c.DocID("Dockerfile"), "range": pastEnd, "context": map[string]any{"diagnostics": []any{}}},
		"textDocument/rangeFormatting": {"textDocument": c.DocID("Dockerfile"), "range": pastEnd, "options": options},
	}
	for method, params := range requests {
		var result any
		if err := c.Call(method, params, &result); err != nil {
			t.Errorf("%s: error %v, want []", method, err)
		} else if !isEmptyResult(result) {
			t.Errorf("%s: result %v, want []", method, result)
		}
	}
}

func TestFileRequestsOnUnknownAndEmptyFiles(t *testing.T) {
	c := lsptest.New(t, pastEndArchive)
	c.Open("empty/Dockerfile")
	c.Open("empty/compose.yaml")
	unknown := map[string]any{"uri": "file:///no/such/Dockerfile"}
	methods := []string{
		"textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/semanticTokens/full",
		"textDocument/formatting", "textDocument/documentLink",
	}
	for _, doc := range []map[string]any{unknown, c.DocID("empty/Dockerfile"), c.DocID("empty/compose.yaml")} {
		for _, method := range append(methods, "textDocument/diagnostic") {
			if method == "textDocument/diagnostic" && doc["uri"] != unknown["uri"] {
				continue // an empty Dockerfile may get a "no instructions" notice
			}
			params := map[string]any{"textDocument": doc, "options": map[string]any{"tabSize": 2, "insertSpaces": true}}
			var result any
			if err := c.Call(method, params, &result); err != nil {
				t.Errorf("%s on %v: error %v, want an empty result", method, doc["uri"], err)
			} else if !isEmptyResult(result) {
				t.Errorf("%s on %v: result %v, want an empty result", method, doc["uri"], result)
			}
		}
	}

	// The server still serves a normal request.
	c.Open("compose.yaml")
	if err := c.Call("textDocument/hover", c.PosAt("compose.yaml", c.Find("compose.yaml", "image", 1).Start), nil); err != nil {
		t.Errorf("hover after the degenerate requests: %v", err)
	}
}
