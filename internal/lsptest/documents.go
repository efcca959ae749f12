package lsptest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/stackls/stackls/position"
)

// document is an open document as the client sees it.
type document struct {
	version int32
	content []byte
}

// Edit replaces Span of a document's current content with NewText.
type Edit = position.TextEdit

// languageID returns the languageId VS Code with the Docker extension
// sends for a file name.
func languageID(rel string) string {
	base := strings.ToLower(filepath.Base(rel))
	switch {
	case strings.Contains(base, "dockerfile") || strings.Contains(base, "containerfile"):
		return "dockerfile"
	case strings.Contains(base, "compose") && (strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml")):
		return "dockercompose"
	case strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml"):
		return "yaml"
	case base == "makefile" || strings.HasSuffix(base, ".mk"):
		return "makefile"
	case base == ".env" || strings.HasPrefix(base, ".env.") || strings.HasSuffix(base, ".env"):
		return "dotenv"
	case strings.HasSuffix(base, ".sh") || strings.HasSuffix(base, ".bash"):
		return "shellscript"
	}
	return "plaintext"
}

// Open opens a workspace file with its content on disk, version 1 and the
// languageId VS Code would send.
func (c *Client) Open(rel string) { c.OpenAs(rel, languageID(rel)) }

// OpenAs opens a workspace file with an explicit languageId.
func (c *Client) OpenAs(rel, languageID string) {
	c.t.Helper()
	content, err := os.ReadFile(c.WS.Path(rel))
	if err != nil {
		c.t.Fatalf("opening %s: %v", rel, err)
	}
	c.OpenContent(rel, languageID, content)
}

// OpenContent opens a document with the given content, which need not be
// on disk.
func (c *Client) OpenContent(rel, languageID string, content []byte) {
	c.t.Helper()
	c.mu.Lock()
	c.docs[rel] = &document{version: 1, content: content}
	c.expectAfter[c.uri(rel)] = c.event()
	c.mu.Unlock()
	c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": c.uri(rel), "languageId": languageID, "version": 1, "text": string(content),
	}})
}

// Change applies edits to an open document, in order, each Span read
// against the content the edits before it produced, and sends them as
// one incremental didChange with the next version.
func (c *Client) Change(rel string, edits ...Edit) {
	c.t.Helper()
	c.mu.Lock()
	doc, ok := c.docs[rel]
	if !ok {
		c.mu.Unlock()
		c.t.Fatalf("change to %s, which is not open", rel)
	}
	changes := make([]map[string]any, 0, len(edits))
	content := doc.content
	for _, edit := range edits {
		rng, err := position.NewMapper(content).SpanRange(edit.Span, c.encoding)
		if err != nil {
			c.mu.Unlock()
			c.t.Fatalf("edit %v of %s: %v", edit.Span, rel, err)
		}
		changes = append(changes, map[string]any{"range": rangeJSON(rng), "text": edit.NewText})
		content = append(append(append([]byte(nil), content[:edit.Span.Start]...), edit.NewText...), content[edit.Span.End:]...)
	}
	doc.version++
	doc.content = content
	version := doc.version
	c.expectAfter[c.uri(rel)] = c.event()
	c.mu.Unlock()

	c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": c.uri(rel), "version": version},
		"contentChanges": changes,
	})
}

// Replace changes the first occurrence of old in an open document to new.
func (c *Client) Replace(rel, old, new string) {
	c.t.Helper()
	c.Change(rel, Edit{Span: c.Find(rel, old, 1), NewText: new})
}

// ChangeFull replaces the whole content of an open document, with a
// didChange that has no range.
func (c *Client) ChangeFull(rel string, content []byte) {
	c.t.Helper()
	c.mu.Lock()
	doc, ok := c.docs[rel]
	if !ok {
		c.mu.Unlock()
		c.t.Fatalf("change to %s, which is not open", rel)
	}
	doc.version++
	doc.content = content
	version := doc.version
	c.expectAfter[c.uri(rel)] = c.event()
	c.mu.Unlock()
	c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": c.uri(rel), "version": version},
		"contentChanges": []any{map[string]any{"text": string(content)}},
	})
}

// Close closes an open document.
func (c *Client) Close(rel string) {
	c.t.Helper()
	c.mu.Lock()
	delete(c.docs, rel)
	c.expectAfter[c.uri(rel)] = c.event()
	c.mu.Unlock()
	c.Notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": c.uri(rel)}})
}

// WatchedFileChanged writes content to a workspace file, or deletes it
// when content is nil, and sends workspace/didChangeWatchedFiles as a
// file watcher would.
func (c *Client) WatchedFileChanged(rel string, content []byte) {
	c.t.Helper()
	path := c.WS.Path(rel)
	_, statErr := os.Stat(path)
	kind := protocol.FileChangeTypeChanged
	switch {
	case content == nil:
		kind = protocol.FileChangeTypeDeleted
		if err := os.Remove(path); err != nil {
			c.t.Fatalf("deleting %s: %v", rel, err)
		}
	default:
		if errors.Is(statErr, os.ErrNotExist) {
			kind = protocol.FileChangeTypeCreated
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			c.t.Fatalf("creating the folder of %s: %v", rel, err)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			c.t.Fatalf("writing %s: %v", rel, err)
		}
	}
	c.mu.Lock()
	c.expectAfter[c.uri(rel)] = c.event()
	c.mu.Unlock()
	c.Notify("workspace/didChangeWatchedFiles", map[string]any{
		"changes": []any{map[string]any{"uri": c.uri(rel), "type": kind}},
	})
}

// Content returns the current content of a file as the server should see
// it: the open document's, else the disk copy's.
func (c *Client) Content(rel string) []byte {
	c.t.Helper()
	c.mu.Lock()
	doc, ok := c.docs[rel]
	c.mu.Unlock()
	if ok {
		return doc.content
	}
	content, err := os.ReadFile(c.WS.Path(rel))
	if err != nil {
		c.t.Fatalf("reading %s: %v", rel, err)
	}
	return content
}

// Version returns the version of an open document, 0 when it is closed.
func (c *Client) Version(rel string) int32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if doc, ok := c.docs[rel]; ok {
		return doc.version
	}
	return 0
}

// Find returns the Span of the nth (1-based) occurrence of text in the
// current content of a file.
func (c *Client) Find(rel, text string, nth int) position.Span {
	c.t.Helper()
	content := string(c.Content(rel))
	from := 0
	for n := 1; ; n++ {
		i := strings.Index(content[from:], text)
		if i < 0 {
			c.t.Fatalf("occurrence %d of %q not found in %s", nth, text, rel)
		}
		if n == nth {
			return position.Span{Start: from + i, End: from + i + len(text)}
		}
		from += i + len(text)
	}
}

// Sync returns once the server has read every message sent before it.
// The server responds to a request only after the notifications before it
// ran.
func (c *Client) Sync() {
	c.t.Helper()
	if err := c.Call("workspace/symbol", map[string]any{"query": "lsptest sync"}, nil); err != nil {
		c.t.Fatalf("sync: %v", err)
	}
}

func rangeJSON(rng position.Range) map[string]any {
	return map[string]any{"start": positionJSON(rng.Start), "end": positionJSON(rng.End)}
}

func positionJSON(pos position.Position) map[string]any {
	return map[string]any{"line": pos.Line, "character": pos.Character}
}
