package server

import (
	"context"

	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
	"github.com/stackls/stackls/workspace"
)

// documentDiagnosticParams are the params of textDocument/diagnostic
// (LSP 3.17).
type documentDiagnosticParams struct {
	TextDocument struct {
		URI string `json:"uri"`
	} `json:"textDocument"`
	Identifier       string `json:"identifier,omitempty"`
	PreviousResultID string `json:"previousResultId,omitempty"`
}

// fullDocumentDiagnosticReport is the result of textDocument/diagnostic.
// stackls always sends the full report.
type fullDocumentDiagnosticReport struct {
	Kind  string                `json:"kind"` // "full"
	Items []protocol.Diagnostic `json:"items"`
}

// pullDiagnostics returns the textDocument/diagnostic report of the
// request's Snapshot; an unknown document has none.
func (s *server) pullDiagnostics(ctx context.Context, params *documentDiagnosticParams) (*fullDocumentDiagnosticReport, error) {
	snap := s.snapshot(ctx)
	report := &fullDocumentDiagnosticReport{Kind: "full", Items: []protocol.Diagnostic{}}
	u, err := position.ParseURI(params.TextDocument.URI)
	if err != nil || snap.File(u) == nil {
		return report, nil
	}

	diags := diagnostics.File(ctx, snap, u)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	report.Items = s.diagnosticsOf(snap, u, diags)
	return report, nil
}

// diagnosticsOf converts the diagnostics of the file at u, dropping those
// whose Span lies outside it. The result is never nil, so it encodes as [].
func (s *server) diagnosticsOf(snap *workspace.Snapshot, u position.URI, diags []*diagnostics.Diagnostic) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(diags))
	m := s.mapperOf(snap, u)
	if m == nil {
		return out
	}
	for _, d := range diags {
		if pd, ok := s.diagnosticOf(snap, m, d); ok {
			out = append(out, pd)
		}
	}
	return out
}

// diagnosticOf converts one diagnostic of the file that m maps.
func (s *server) diagnosticOf(snap *workspace.Snapshot, m *position.Mapper, d *diagnostics.Diagnostic) (protocol.Diagnostic, bool) {
	rng, ok := s.rangeOf(m, d.Span)
	if !ok {
		return protocol.Diagnostic{}, false
	}
	pd := protocol.Diagnostic{
		Range:    rng,
		Severity: protocol.DiagnosticSeverity(d.Severity),
		Source:   d.Source,
		Message:  d.Message,
	}
	if pd.Source == "" {
		pd.Source = "stackls"
	}
	if d.Code != "" {
		pd.Code = d.Code
	}
	if d.CodeHref != "" {
		pd.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(d.CodeHref)}
	}
	for _, tag := range d.Tags {
		pd.Tags = append(pd.Tags, protocol.DiagnosticTag(tag))
	}
	for _, rel := range d.Related {
		if loc, ok := s.locationOf(snap, rel.Location); ok {
			pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{Location: loc, Message: rel.Message})
		}
	}
	return pd, true
}
