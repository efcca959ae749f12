package lsptest

import (
	"encoding/json"

	"go.lsp.dev/protocol"

	"github.com/stackls/stackls/position"
)

// Link is a document link as tests compare it. Target is a path relative
// to the root for a file inside it, else the URI or URL as sent.
type Link struct {
	Span   position.Span
	Target string
}

// Links returns the document links of a file.
func (c *Client) Links(rel string) []Link {
	c.t.Helper()
	var result []protocol.DocumentLink
	c.call("textDocument/documentLink", map[string]any{"textDocument": c.DocID(rel)}, &result)
	var out []Link
	for _, link := range result {
		target := string(link.Target)
		if position.URI(target).Path() != "" {
			target = c.rel(link.Target)
		}
		out = append(out, Link{Span: c.span(rel, link.Range), Target: target})
	}
	return out
}

// Symbol is a document symbol as tests compare it.
type Symbol struct {
	Name      string
	Detail    string
	Kind      protocol.SymbolKind
	Span      position.Span
	Selection position.Span
	Children  []Symbol
}

// Symbols returns the outline of a file; the client asks for the
// hierarchical form.
func (c *Client) Symbols(rel string) []Symbol {
	c.t.Helper()
	var result []protocol.DocumentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": c.DocID(rel)}, &result)
	return c.symbols(rel, result)
}

func (c *Client) symbols(rel string, syms []protocol.DocumentSymbol) []Symbol {
	c.t.Helper()
	var out []Symbol
	for _, sym := range syms {
		out = append(out, Symbol{
			Name: sym.Name, Detail: sym.Detail, Kind: sym.Kind,
			Span: c.span(rel, sym.Range), Selection: c.span(rel, sym.SelectionRange),
			Children: c.symbols(rel, sym.Children),
		})
	}
	return out
}

// WorkspaceSymbol is a workspace symbol as tests compare it.
type WorkspaceSymbol struct {
	Name      string
	Kind      protocol.SymbolKind
	Loc       Loc
	Container string
}

// WorkspaceSymbols returns the workspace symbols that match query.
func (c *Client) WorkspaceSymbols(query string) []WorkspaceSymbol {
	c.t.Helper()
	var result []protocol.SymbolInformation
	c.call("workspace/symbol", map[string]any{"query": query}, &result)
	var out []WorkspaceSymbol
	for _, sym := range result {
		out = append(out, WorkspaceSymbol{Name: sym.Name, Kind: sym.Kind, Loc: c.loc(sym.Location), Container: sym.ContainerName})
	}
	return out
}

// Folding returns the folding ranges of a file as the server sent them;
// lines are 0-based.
func (c *Client) Folding(rel string) []protocol.FoldingRange {
	c.t.Helper()
	var result []protocol.FoldingRange
	c.call("textDocument/foldingRange", map[string]any{"textDocument": c.DocID(rel)}, &result)
	return result
}

// Token is a semantic token as tests compare it, with its type and
// modifiers named by the server's legend.
type Token struct {
	Span      position.Span
	Type      string
	Modifiers []string
}

// SemanticTokens returns the semantic tokens of a file, decoded from the
// relative encoding with the legend the server announced.
func (c *Client) SemanticTokens(rel string) []Token {
	c.t.Helper()
	var caps struct {
		SemanticTokensProvider struct {
			Legend protocol.SemanticTokensLegend `json:"legend"`
		} `json:"semanticTokensProvider"`
	}
	if err := json.Unmarshal(c.Capabilities(), &caps); err != nil {
		c.t.Fatalf("decoding the semantic tokens legend: %v", err)
	}
	legend := caps.SemanticTokensProvider.Legend

	var result protocol.SemanticTokens
	c.call("textDocument/semanticTokens/full", map[string]any{"textDocument": c.DocID(rel)}, &result)
	if len(result.Data)%5 != 0 {
		c.t.Fatalf("semantic tokens of %s: %d integers, not a multiple of 5", rel, len(result.Data))
	}

	var out []Token
	line, char := uint32(0), uint32(0)
	for i := 0; i < len(result.Data); i += 5 {
		d := result.Data[i : i+5]
		if d[0] > 0 {
			char = 0
		}
		line, char = line+d[0], char+d[1]
		if int(d[3]) >= len(legend.TokenTypes) {
			c.t.Fatalf("semantic token %d of %s has type %d outside the legend", i/5, rel, d[3])
		}
		tok := Token{
			Span: c.span(rel, protocol.Range{
				Start: protocol.Position{Line: line, Character: char},
				End:   protocol.Position{Line: line, Character: char + d[2]},
			}),
			Type: string(legend.TokenTypes[d[3]]),
		}
		for bit, name := range legend.TokenModifiers {
			if d[4]&(1<<bit) != 0 {
				tok.Modifiers = append(tok.Modifiers, string(name))
			}
		}
		out = append(out, tok)
	}
	return out
}

// Format returns the edits that format a whole file.
func (c *Client) Format(rel string) []Edit {
	c.t.Helper()
	var result []protocol.TextEdit
	c.call("textDocument/formatting", map[string]any{
		"textDocument": c.DocID(rel), "options": map[string]any{"tabSize": 4, "insertSpaces": true},
	}, &result)
	return c.edits(rel, result)
}

// FormatRange returns the edits that format the lines span touches.
func (c *Client) FormatRange(rel string, span position.Span) []Edit {
	c.t.Helper()
	var result []protocol.TextEdit
	c.call("textDocument/rangeFormatting", map[string]any{
		"textDocument": c.DocID(rel), "range": c.rangeOf(rel, span),
		"options": map[string]any{"tabSize": 4, "insertSpaces": true},
	}, &result)
	return c.edits(rel, result)
}

// CodeAction is a code action as tests compare it.
type CodeAction struct {
	Title       string
	Kind        string
	Preferred   bool
	Diagnostics []string // messages of the attached diagnostics
	Edits       map[string][]Edit
}

// CodeActions returns the code actions for a Span of a file.
func (c *Client) CodeActions(rel string, span position.Span) []CodeAction {
	c.t.Helper()
	var result []protocol.CodeAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": c.DocID(rel), "range": c.rangeOf(rel, span),
		"context": map[string]any{"diagnostics": []any{}, "triggerKind": 1},
	}, &result)
	var out []CodeAction
	for _, action := range result {
		converted := CodeAction{Title: action.Title, Kind: string(action.Kind), Preferred: action.IsPreferred}
		for _, d := range action.Diagnostics {
			converted.Diagnostics = append(converted.Diagnostics, d.Message)
		}
		if action.Edit != nil {
			converted.Edits = c.workspaceEdits(action.Edit)
		}
		out = append(out, converted)
	}
	return out
}

// rangeOf converts a Span of a file's current content to range params.
func (c *Client) rangeOf(rel string, span position.Span) map[string]any {
	c.t.Helper()
	rng, err := position.NewMapper(c.Content(rel)).SpanRange(span, c.Encoding())
	if err != nil {
		c.t.Fatalf("span %v of %s: %v", span, rel, err)
	}
	return rangeJSON(rng)
}
