package server_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/semantic"
)

// announced are the server capabilities that clients read.
type announced struct {
	TextDocumentSync struct {
		OpenClose bool `json:"openClose"`
		Change    int  `json:"change"`
	} `json:"textDocumentSync"`
	CompletionProvider struct {
		ResolveProvider   bool     `json:"resolveProvider"`
		TriggerCharacters []string `json:"triggerCharacters"`
	} `json:"completionProvider"`
	HoverProvider             bool `json:"hoverProvider"`
	DefinitionProvider        bool `json:"definitionProvider"`
	ReferencesProvider        bool `json:"referencesProvider"`
	DocumentHighlightProvider bool `json:"documentHighlightProvider"`
	DocumentSymbolProvider    bool `json:"documentSymbolProvider"`
	WorkspaceSymbolProvider   bool `json:"workspaceSymbolProvider"`
	CodeActionProvider        struct {
		CodeActionKinds []string `json:"codeActionKinds"`
	} `json:"codeActionProvider"`
	DocumentLinkProvider            *struct{} `json:"documentLinkProvider"`
	DocumentFormattingProvider      bool      `json:"documentFormattingProvider"`
	DocumentRangeFormattingProvider bool      `json:"documentRangeFormattingProvider"`
	RenameProvider                  struct {
		PrepareProvider bool `json:"prepareProvider"`
	} `json:"renameProvider"`
	FoldingRangeProvider   bool `json:"foldingRangeProvider"`
	SemanticTokensProvider struct {
		Legend struct {
			TokenTypes     []string `json:"tokenTypes"`
			TokenModifiers []string `json:"tokenModifiers"`
		} `json:"legend"`
		Full bool `json:"full"`
	} `json:"semanticTokensProvider"`
	PositionEncoding   string          `json:"positionEncoding"`
	DiagnosticProvider json.RawMessage `json:"diagnosticProvider"`
}

func capabilities(t *testing.T, c *lsptest.Client) announced {
	t.Helper()
	var caps announced
	if err := json.Unmarshal(c.Capabilities(), &caps); err != nil {
		t.Fatalf("decoding capabilities: %v\n%s", err, c.Capabilities())
	}
	return caps
}

func TestCapabilities(t *testing.T) {
	c := lsptest.New(t, composeArchive)
	caps := capabilities(t, c)

	if !caps.TextDocumentSync.OpenClose || caps.TextDocumentSync.Change != 2 {
		t.Errorf("textDocumentSync = %+v, want open/close and incremental (2)", caps.TextDocumentSync)
	}
	if !caps.CompletionProvider.ResolveProvider {
		t.Error("completionProvider.resolveProvider is false: clients never resolve the documentation left out of completion items")
	}
	wantTriggers := []string{"$", "{", "-", "=", ":", "/", `"`, " "}
	if !reflect.DeepEqual(caps.CompletionProvider.TriggerCharacters, wantTriggers) {
		t.Errorf("trigger characters = %q, want %q", caps.CompletionProvider.TriggerCharacters, wantTriggers)
	}
	providers := map[string]bool{
		"hover": caps.HoverProvider, "definition": caps.DefinitionProvider, "references": caps.ReferencesProvider,
		"documentHighlight": caps.DocumentHighlightProvider, "documentSymbol": caps.DocumentSymbolProvider,
		"workspaceSymbol": caps.WorkspaceSymbolProvider, "documentLink": caps.DocumentLinkProvider != nil,
		"formatting": caps.DocumentFormattingProvider, "rangeFormatting": caps.DocumentRangeFormattingProvider,
		"prepareRename": caps.RenameProvider.PrepareProvider, "foldingRange": caps.FoldingRangeProvider,
		"semanticTokens/full": caps.SemanticTokensProvider.Full,
	}
	for name, on := range providers {
		if !on {
			t.Errorf("capability %s is not announced", name)
		}
	}
	if !reflect.DeepEqual(caps.CodeActionProvider.CodeActionKinds, []string{"quickfix"}) {
		t.Errorf("code action kinds = %v, want [quickfix]", caps.CodeActionProvider.CodeActionKinds)
	}
	if !reflect.DeepEqual(caps.SemanticTokensProvider.Legend.TokenTypes, semantic.TypeNames) ||
		!reflect.DeepEqual(caps.SemanticTokensProvider.Legend.TokenModifiers, semantic.ModifierNames) {
		t.Errorf("legend = %+v, want the semantic package's names", caps.SemanticTokensProvider.Legend)
	}
	if caps.PositionEncoding != "utf-16" {
		t.Errorf("positionEncoding = %q, want utf-16", caps.PositionEncoding)
	}
	if caps.DiagnosticProvider != nil {
		t.Errorf("diagnosticProvider = %s, want none in push mode", caps.DiagnosticProvider)
	}
}

func TestPullDiagnosticsMode(t *testing.T) {
	c := lsptest.New(t, composeArchive, lsptest.WithInitializationOptions(map[string]any{"pullDiagnostics": true}))
	if caps := capabilities(t, c); caps.DiagnosticProvider == nil {
		t.Fatal("diagnosticProvider is not announced in pull mode")
	}
	c.Open("compose.yaml")
	c.Replace("compose.yaml", "mariadb:11", "mariadb:12")

	var report struct {
		Kind  string            `json:"kind"`
		Items []json.RawMessage `json:"items"`
	}
	if err := c.Call("textDocument/diagnostic", map[string]any{"textDocument": c.DocID("compose.yaml")}, &report); err != nil {
		t.Fatalf("textDocument/diagnostic: %v", err)
	}
	if report.Kind != "full" || report.Items == nil {
		t.Errorf("report = %+v, want kind full with an items list", report)
	}
	// NOTE: this catches pushes sent before the Sync response. A push
	// scheduled later would need a wait, which the test does not take.
	c.Sync()
	if got := c.Notifications("textDocument/publishDiagnostics"); len(got) != 0 {
		t.Errorf("the server pushed %d diagnostics in pull mode", len(got))
	}
}
