package lsptest

import (
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"

	"github.com/stackls/stackls/position"
)

// publish is one textDocument/publishDiagnostics the server sent.
type publish struct {
	seq         int
	version     int32
	diagnostics []protocol.Diagnostic
}

// Diagnostic is a published diagnostic as tests compare it.
type Diagnostic struct {
	Span     position.Span
	Severity protocol.DiagnosticSeverity
	Code     string
	Source   string
	Message  string
}

// String formats d as "[start,end) severity code: message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%v %v %s: %s", d.Span, d.Severity, d.Code, d.Message)
}

// recordPublish stores a publish. The caller holds mu.
func (c *Client) recordPublish(params json.RawMessage) {
	var p struct {
		URI         string                `json:"uri"`
		Version     int32                 `json:"version"`
		Diagnostics []protocol.Diagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		c.t.Errorf("the server sent invalid publishDiagnostics params: %v", err)
		return
	}
	u, err := position.ParseURI(p.URI)
	if err != nil {
		c.t.Errorf("the server published diagnostics for an invalid URI %q: %v", p.URI, err)
		return
	}
	c.publishes[u] = append(c.publishes[u], publish{seq: c.seq + 1, version: p.Version, diagnostics: p.Diagnostics})
}

// Diagnostics waits for the diagnostics of a file's current state and
// returns them:
//   - for an open document, the publish of its current version;
//   - for a file that was closed or changed on disk in the test, the
//     first publish after that;
//   - for a file untouched since indexing, the last publish, or none,
//     because the server publishes every indexed file with problems
//     before it reports the index done.
//
// It needs push diagnostics, the server's default.
func (c *Client) Diagnostics(rel string) []Diagnostic {
	c.t.Helper()
	u := c.uri(rel)
	var found *publish
	c.await("diagnostics of "+rel, func() bool {
		found = c.latestPublish(rel, u)
		return found != nil
	})
	var out []Diagnostic
	for _, d := range found.diagnostics {
		code := ""
		if d.Code != nil {
			code = fmt.Sprint(d.Code)
		}
		out = append(out, Diagnostic{
			Span: c.span(rel, d.Range), Severity: d.Severity, Code: code, Source: d.Source, Message: d.Message,
		})
	}
	return out
}

// latestPublish returns the publish that Diagnostics returns, or nil
// while it has not arrived. The caller holds mu.
func (c *Client) latestPublish(rel string, u position.URI) *publish {
	all := c.publishes[u]
	after, touched := c.expectAfter[u]
	doc, open := c.docs[rel]
	for i := len(all) - 1; i >= 0; i-- {
		p := all[i]
		switch {
		case open && p.version == doc.version && p.seq > after:
			return &p
		case !open && touched && p.seq > after:
			return &p
		case !open && !touched:
			return &p
		}
	}
	if !open && !touched && c.indexed != nil {
		return &publish{}
	}
	return nil
}
