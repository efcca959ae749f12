package protocol

import (
	"encoding/json"
	"reflect"
	"testing"

	lsp "go.lsp.dev/protocol"
)

// TestWireMatchesGoLSPDev checks that each message the server sends has
// the JSON that go.lsp.dev/protocol reads and writes for it: decoding
// ours into that package's type and encoding it again gives the same
// JSON value, so no field is misnamed or dropped.
func TestWireMatchesGoLSPDev(t *testing.T) {
	rng := Range{Start: Position{Line: 1, Character: 2}, End: Position{Line: 3, Character: 4}}
	loc := Location{URI: "file:///w/compose.yaml", Range: rng}
	edit := &WorkspaceEdit{Changes: map[DocumentURI][]TextEdit{"file:///w/a": {{Range: rng, NewText: "x"}}}}
	diag := Diagnostic{
		Range: rng, Severity: 2, Code: "UnknownHost", CodeDescription: &CodeDescription{Href: "https://example.test/rule"},
		Source: "stackls", Message: "m", Tags: []DiagnosticTag{2},
		RelatedInformation: []DiagnosticRelatedInformation{{Location: loc, Message: "here"}},
	}
	cases := []struct {
		name string
		ours any
		them any
	}{
		{"location", loc, &lsp.Location{}},
		{"workspace edit", edit, &lsp.WorkspaceEdit{}},
		{"publish diagnostics", &PublishDiagnosticsParams{URI: "file:///w/a", Version: 3, Diagnostics: []Diagnostic{diag}}, &lsp.PublishDiagnosticsParams{}},
		{"completion list", &CompletionList{IsIncomplete: true, Items: []CompletionItem{{
			Label: "RUN", Kind: 14, Detail: "d", Documentation: MarkupContent{Kind: Markdown, Value: "v"},
			SortText: "a", FilterText: "f", InsertText: "RUN ", InsertTextFormat: InsertTextFormatSnippet,
			TextEdit: &TextEdit{Range: rng, NewText: "RUN"}, Data: map[string]any{"label": "RUN"},
		}}}, &lsp.CompletionList{}},
		{"hover", &Hover{Contents: MarkupContent{Kind: Markdown, Value: "**x**"}, Range: &rng}, &lsp.Hover{}},
		{"highlights", []DocumentHighlight{{Range: rng, Kind: 3}}, &[]lsp.DocumentHighlight{}},
		{"document symbols", []DocumentSymbol{{Name: "web", Detail: "service", Kind: 5, Range: rng, SelectionRange: rng,
			Children: []DocumentSymbol{{Name: "image", Kind: 7, Range: rng, SelectionRange: rng}}}}, &[]lsp.DocumentSymbol{}},
		{"symbol information", []SymbolInformation{{Name: "web", Kind: 5, Location: loc, ContainerName: "compose.yaml"}}, &[]lsp.SymbolInformation{}},
		{"code actions", []CodeAction{{Title: "t", Kind: QuickFix, Diagnostics: []Diagnostic{diag}, IsPreferred: true, Edit: edit}}, &[]lsp.CodeAction{}},
		{"document links", []DocumentLink{{Range: rng, Target: "file:///w/Dockerfile", Tooltip: "tip"}}, &[]lsp.DocumentLink{}},
		{"folding ranges", []FoldingRange{{StartLine: 1, StartCharacter: 2, EndLine: 5, EndCharacter: 1, Kind: "comment"}}, &[]lsp.FoldingRange{}},
		{"semantic tokens", &SemanticTokens{Data: []uint32{0, 1, 2, 3, 0}}, &lsp.SemanticTokens{}},
		{"registration", &RegistrationParams{Registrations: []Registration{{ID: "w", Method: MethodWorkspaceDidChangeWatchedFiles,
			RegisterOptions: DidChangeWatchedFilesRegistrationOptions{Watchers: []FileSystemWatcher{{GlobPattern: "**/*.yml"}}}}}}, &lsp.RegistrationParams{}},
		{"show message", &ShowMessageParams{Type: MessageTypeWarning, Message: "m"}, &lsp.ShowMessageParams{}},
		{"log message", &LogMessageParams{Type: MessageTypeInfo, Message: "m"}, &lsp.LogMessageParams{}},
		{"server info", &ServerInfo{Name: "stackls", Version: "1"}, &lsp.ServerInfo{}},
		{"capabilities", &ServerCapabilities{
			TextDocumentSync:   &TextDocumentSyncOptions{OpenClose: true, Change: TextDocumentSyncKindIncremental},
			CompletionProvider: &CompletionOptions{TriggerCharacters: []string{"$"}}, HoverProvider: true,
			DefinitionProvider: true, ReferencesProvider: true, DocumentHighlightProvider: true, DocumentSymbolProvider: true,
			CodeActionProvider: &CodeActionOptions{CodeActionKinds: []CodeActionKind{QuickFix}}, WorkspaceSymbolProvider: true,
			DocumentFormattingProvider: true, DocumentRangeFormattingProvider: true, RenameProvider: &RenameOptions{PrepareProvider: true},
			DocumentLinkProvider: &DocumentLinkOptions{}, FoldingRangeProvider: true,
			Workspace: &ServerCapabilitiesWorkspace{WorkspaceFolders: &ServerCapabilitiesWorkspaceFolders{Supported: true, ChangeNotifications: true}},
		}, &lsp.ServerCapabilities{}},
	}
	for _, tc := range cases {
		ours, err := json.Marshal(tc.ours)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if err := json.Unmarshal(ours, tc.them); err != nil {
			t.Errorf("%s: go.lsp.dev/protocol cannot read %s: %v", tc.name, ours, err)
			continue
		}
		again, err := json.Marshal(tc.them)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var want, got any
		if err := json.Unmarshal(ours, &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(again, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: ours %s, go.lsp.dev/protocol writes it back as %s", tc.name, ours, again)
		}
	}
}

// TestParamsReadLikeGoLSPDev checks that the params the server reads
// decode the JSON that go.lsp.dev/protocol writes for them.
func TestParamsReadLikeGoLSPDev(t *testing.T) {
	pos := lsp.TextDocumentPositionParams{TextDocument: lsp.TextDocumentIdentifier{URI: "file:///w/a"}, Position: lsp.Position{Line: 4, Character: 7}}
	cases := []struct {
		name string
		them any
		ours any
	}{
		{"completion", &lsp.CompletionParams{TextDocumentPositionParams: pos, Context: &lsp.CompletionContext{TriggerKind: 2, TriggerCharacter: "$"}}, &CompletionParams{}},
		{"references", &lsp.ReferenceParams{TextDocumentPositionParams: pos, Context: lsp.ReferenceContext{IncludeDeclaration: true}}, &ReferenceParams{}},
		{"rename", &lsp.RenameParams{TextDocumentPositionParams: pos, NewName: "db"}, &RenameParams{}},
		{"code action", &lsp.CodeActionParams{TextDocument: lsp.TextDocumentIdentifier{URI: "file:///w/a"},
			Range: lsp.Range{End: lsp.Position{Line: 2}}, Context: lsp.CodeActionContext{Only: []lsp.CodeActionKind{lsp.QuickFix}, Diagnostics: []lsp.Diagnostic{}}}, &CodeActionParams{}},
		{"range formatting", &lsp.DocumentRangeFormattingParams{TextDocument: lsp.TextDocumentIdentifier{URI: "file:///w/a"},
			Range: lsp.Range{End: lsp.Position{Line: 2}}, Options: lsp.FormattingOptions{InsertSpaces: true, TabSize: 2}}, &DocumentRangeFormattingParams{}},
		{"did open", &lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{URI: "file:///w/a", LanguageID: "dockerfile", Version: 3, Text: "FROM x\n"}}, &DidOpenTextDocumentParams{}},
		{"watched files", &lsp.DidChangeWatchedFilesParams{Changes: []*lsp.FileEvent{{URI: "file:///w/a", Type: 2}}}, &DidChangeWatchedFilesParams{}},
		{"folders", &lsp.DidChangeWorkspaceFoldersParams{Event: lsp.WorkspaceFoldersChangeEvent{
			Added: []lsp.WorkspaceFolder{{URI: "file:///w", Name: "w"}}, Removed: []lsp.WorkspaceFolder{}}}, &DidChangeWorkspaceFoldersParams{}},
		{"workspace symbol", &lsp.WorkspaceSymbolParams{Query: "web"}, &WorkspaceSymbolParams{}},
	}
	for _, tc := range cases {
		them, err := json.Marshal(tc.them)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(them, tc.ours); err != nil {
			t.Errorf("%s: cannot read %s: %v", tc.name, them, err)
			continue
		}
		ours, err := json.Marshal(tc.ours)
		if err != nil {
			t.Fatal(err)
		}
		var want, got any
		if err := json.Unmarshal(them, &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(ours, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read %s, wrote back %s", tc.name, them, ours)
		}
	}
}
