package server

import (
	"context"
	"fmt"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
)

// DidOpen records an open document and schedules its diagnostics.
func (s *server) DidOpen(_ context.Context, params *protocol.DidOpenTextDocumentParams) error {
	u, err := position.ParseURI(string(params.TextDocument.URI))
	if err != nil {
		return fmt.Errorf("didOpen: %w", err)
	}
	doc := params.TextDocument
	defer s.gc.begin(len(doc.Text))()
	s.session.Open(u, string(doc.LanguageID), doc.Version, []byte(doc.Text))
	s.logSkipped()
	s.diagnostics.opened(u)
	return nil
}

// didChangeParams are the params of textDocument/didChange. Range is a
// pointer: a change without one replaces the whole content.
type didChangeParams struct {
	TextDocument struct {
		URI     string `json:"uri"`
		Version int32  `json:"version"`
	} `json:"textDocument"`
	ContentChanges []struct {
		Range *position.Range `json:"range"` // decoded from {"start":{"line","character"},"end":...}
		Text  string          `json:"text"`
	} `json:"contentChanges"`
}

// didChange applies incremental or full changes in the negotiated
// encoding and schedules diagnostics. A change that does not apply (the
// document is not open, or a range lies outside it) is logged and leaves
// the document as it was.
func (s *server) didChange(_ context.Context, params *didChangeParams) error {
	u, err := position.ParseURI(params.TextDocument.URI)
	if err != nil {
		return fmt.Errorf("didChange: %w", err)
	}
	if f := s.session.Snapshot().File(u); f != nil {
		defer s.gc.begin(len(f.Content))() // the parse of a large file allocates as much as its check
	}
	changes := make([]position.Change, len(params.ContentChanges))
	for i, change := range params.ContentChanges {
		changes[i] = position.Change{Range: change.Range, Text: change.Text}
	}
	if _, err := s.session.Change(u, params.TextDocument.Version, changes, s.encoding()); err != nil {
		return fmt.Errorf("didChange version %d: %w", params.TextDocument.Version, err)
	}
	s.logSkipped()
	s.diagnostics.changed(u)
	return nil
}

// DidClose drops an open document. Its disk copy, if any, takes its
// place, and its diagnostics are computed again from that copy.
func (s *server) DidClose(_ context.Context, params *protocol.DidCloseTextDocumentParams) error {
	u, err := position.ParseURI(string(params.TextDocument.URI))
	if err != nil {
		return fmt.Errorf("didClose: %w", err)
	}
	s.session.Close(u)
	s.diagnostics.changed(u)
	return nil
}
