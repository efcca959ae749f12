package lsptest

import (
	"os"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/stackls/stackls/position"
)

// Loc is a place in the workspace as tests compare it: the file's path
// relative to the root, with forward slashes (absolute for a file outside
// the root), and a byte Span of the file's current content.
type Loc struct {
	Path string
	Span position.Span
}

// At returns the text document position params of a marker. The marker's
// offset is read against the file's current content.
func (c *Client) At(marker string) map[string]any {
	c.t.Helper()
	_, offset := c.WS.Marker(marker)
	return c.PosAt(c.WS.MarkerFile(marker), offset)
}

// PosAt returns the text document position params of a byte offset in a
// file's current content.
func (c *Client) PosAt(rel string, offset int) map[string]any {
	c.t.Helper()
	pos, err := position.NewMapper(c.Content(rel)).OffsetPosition(offset, c.Encoding())
	if err != nil {
		c.t.Fatalf("offset %d of %s: %v", offset, rel, err)
	}
	return map[string]any{"textDocument": c.DocID(rel), "position": positionJSON(pos)}
}

// DocID returns the text document identifier of a file.
func (c *Client) DocID(rel string) map[string]any { return map[string]any{"uri": c.uri(rel)} }

// rel returns the path of a URI relative to the root, or its absolute path
// when it lies outside.
func (c *Client) rel(uri protocol.DocumentURI) string {
	path := position.URI(uri).Path()
	if rel, err := filepath.Rel(c.WS.Root, path); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return path
}

// span converts a range of a file to a byte Span of its current content.
func (c *Client) span(rel string, rng protocol.Range) position.Span {
	c.t.Helper()
	var content []byte
	if filepath.IsAbs(rel) {
		var err error
		if content, err = os.ReadFile(rel); err != nil {
			c.t.Fatalf("reading %s: %v", rel, err)
		}
	} else {
		content = c.Content(rel)
	}
	span, err := position.NewMapper(content).RangeSpan(position.Range{
		Start: position.Position{Line: int(rng.Start.Line), Character: int(rng.Start.Character)},
		End:   position.Position{Line: int(rng.End.Line), Character: int(rng.End.Character)},
	}, c.Encoding())
	if err != nil {
		c.t.Fatalf("the server sent range %v, which lies outside %s: %v", rng, rel, err)
	}
	return span
}

func (c *Client) loc(l protocol.Location) Loc {
	c.t.Helper()
	rel := c.rel(l.URI)
	return Loc{Path: rel, Span: c.span(rel, l.Range)}
}

// call is Call that fails the test on an error.
func (c *Client) call(method string, params, result any) {
	c.t.Helper()
	if err := c.Call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// HoverResult is a hover as tests compare it.
type HoverResult struct {
	Markdown string
	Span     position.Span // in the hovered file; empty when the server sent no range
}

// Hover returns the hover at a marker, or nil for a null result.
func (c *Client) Hover(marker string) *HoverResult {
	c.t.Helper()
	var result *protocol.Hover
	c.call("textDocument/hover", c.At(marker), &result)
	if result == nil {
		return nil
	}
	out := &HoverResult{Markdown: result.Contents.Value}
	if result.Range != nil {
		out.Span = c.span(c.WS.MarkerFile(marker), *result.Range)
	}
	return out
}

// Definition returns the definitions of the name at a marker.
func (c *Client) Definition(marker string) []Loc {
	c.t.Helper()
	var result []protocol.Location
	c.call("textDocument/definition", c.At(marker), &result)
	return c.locs(result)
}

// References returns the references of the name at a marker.
func (c *Client) References(marker string, includeDeclaration bool) []Loc {
	c.t.Helper()
	params := c.At(marker)
	params["context"] = map[string]any{"includeDeclaration": includeDeclaration}
	var result []protocol.Location
	c.call("textDocument/references", params, &result)
	return c.locs(result)
}

func (c *Client) locs(result []protocol.Location) []Loc {
	c.t.Helper()
	var out []Loc
	for _, l := range result {
		out = append(out, c.loc(l))
	}
	return out
}

// Highlight returns the highlighted occurrences of the name at a marker.
func (c *Client) Highlight(marker string) []position.Span {
	c.t.Helper()
	var result []protocol.DocumentHighlight
	c.call("textDocument/documentHighlight", c.At(marker), &result)
	var out []position.Span
	for _, h := range result {
		out = append(out, c.span(c.WS.MarkerFile(marker), h.Range))
	}
	return out
}

// Completion returns the completion list at a marker.
func (c *Client) Completion(marker string) *protocol.CompletionList {
	c.t.Helper()
	var result *protocol.CompletionList
	c.call("textDocument/completion", c.At(marker), &result)
	return result
}

// Labels returns the labels of a completion list's items, in order.
func Labels(list *protocol.CompletionList) []string {
	if list == nil {
		return nil
	}
	labels := make([]string, len(list.Items))
	for i, item := range list.Items {
		labels[i] = item.Label
	}
	return labels
}

// RenameTarget is a prepareRename result as tests compare it.
type RenameTarget struct {
	Span        position.Span
	Placeholder string
}

// PrepareRename returns what a rename at a marker would change, or nil.
func (c *Client) PrepareRename(marker string) *RenameTarget {
	c.t.Helper()
	var result *struct {
		Range       protocol.Range `json:"range"`
		Placeholder string         `json:"placeholder"`
	}
	c.call("textDocument/prepareRename", c.At(marker), &result)
	if result == nil {
		return nil
	}
	return &RenameTarget{Span: c.span(c.WS.MarkerFile(marker), result.Range), Placeholder: result.Placeholder}
}

// Rename returns the edits, by relative path, of a rename at a marker.
func (c *Client) Rename(marker, newName string) map[string][]Edit {
	c.t.Helper()
	params := c.At(marker)
	params["newName"] = newName
	var result *protocol.WorkspaceEdit
	c.call("textDocument/rename", params, &result)
	if result == nil {
		return nil
	}
	return c.workspaceEdits(result)
}

func (c *Client) workspaceEdits(edit *protocol.WorkspaceEdit) map[string][]Edit {
	c.t.Helper()
	out := map[string][]Edit{}
	for uri, edits := range edit.Changes {
		rel := c.rel(uri)
		out[rel] = c.edits(rel, edits)
	}
	return out
}

func (c *Client) edits(rel string, edits []protocol.TextEdit) []Edit {
	c.t.Helper()
	var out []Edit
	for _, e := range edits {
		out = append(out, Edit{Span: c.span(rel, e.Range), NewText: e.NewText})
	}
	return out
}
