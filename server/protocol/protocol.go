// Package protocol defines the Language Server Protocol messages that the
// stackls server sends and reads: the subset of LSP 3.17 it implements,
// with the spec's JSON names.
//
// The server used go.lsp.dev/protocol for these types. That package
// imports go.uber.org/zap for its own dispatch, and zap brings net/http
// and crypto/tls into every binary that imports it: 1.6 MB of executable
// and about 1.7 MB of resident memory at start, none of it used. The
// names here follow go.lsp.dev/protocol's, so the tests, which still
// decode with that package, and the server read alike.
package protocol

import "go.lsp.dev/jsonrpc2"

// Method names that the server handles or sends by name.
const (
	MethodInitialize                     = "initialize"
	MethodShutdown                       = "shutdown"
	MethodExit                           = "exit"
	MethodTextDocumentPublishDiagnostics = "textDocument/publishDiagnostics"
	MethodWorkspaceDidChangeWatchedFiles = "workspace/didChangeWatchedFiles"
)

// ErrRequestCancelled is the error of a request that the client cancelled
// (code -32800).
var ErrRequestCancelled = jsonrpc2.NewError(-32800, "request cancelled")

// CodeRequestFailed is the error code (LSP 3.17) of a valid request that
// failed for a reason the message gives the user, such as a rename to a
// name that is already taken.
const CodeRequestFailed jsonrpc2.Code = -32803

// URI is a URI that is not necessarily a document, such as a rule's
// documentation page.
type URI string

// DocumentURI is the URI of a document.
type DocumentURI string

// Position is a zero-based line and character offset, in the negotiated
// position encoding.
type Position struct {
	Line      uint32 `json:"line"`
	Character uint32 `json:"character"`
}

// Range is the span between two Positions, end exclusive.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Location is a Range in a document.
type Location struct {
	URI   DocumentURI `json:"uri"`
	Range Range       `json:"range"`
}

// TextEdit replaces the text of a Range.
type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

// WorkspaceEdit is a set of TextEdits by document.
type WorkspaceEdit struct {
	Changes map[DocumentURI][]TextEdit `json:"changes,omitempty"`
}

// TextDocumentIdentifier names a document.
type TextDocumentIdentifier struct {
	URI DocumentURI `json:"uri"`
}

// TextDocumentItem is a document the client opened, with its text.
type TextDocumentItem struct {
	URI        DocumentURI `json:"uri"`
	LanguageID string      `json:"languageId"`
	Version    int32       `json:"version"`
	Text       string      `json:"text"`
}

// TextDocumentPositionParams are the params of a request at a position.
type TextDocumentPositionParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Position     Position               `json:"position"`
}

// MarkupKind is the format of a MarkupContent.
type MarkupKind string

// Markdown is the MarkupKind of Markdown text.
const Markdown MarkupKind = "markdown"

// MarkupContent is text in a markup format.
type MarkupContent struct {
	Kind  MarkupKind `json:"kind"`
	Value string     `json:"value"`
}

// ServerInfo names the server in the initialize result.
type ServerInfo struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

// InitializedParams are the (empty) params of the initialized
// notification.
type InitializedParams struct{}

// TextDocumentSyncKind is the form in which the client sends document changes.
type TextDocumentSyncKind float64

// TextDocumentSyncKindIncremental is the sync kind in which the client
// sends only the changed ranges.
const TextDocumentSyncKindIncremental TextDocumentSyncKind = 2

// TextDocumentSyncOptions are the document sync capabilities.
type TextDocumentSyncOptions struct {
	OpenClose bool                 `json:"openClose,omitempty"`
	Change    TextDocumentSyncKind `json:"change,omitempty"`
}

// CompletionOptions are the completion capabilities.
type CompletionOptions struct {
	ResolveProvider   bool     `json:"resolveProvider,omitempty"`
	TriggerCharacters []string `json:"triggerCharacters,omitempty"`
}

// CodeActionKind is the kind of a code action.
type CodeActionKind string

// QuickFix is the kind of a code action that fixes a diagnostic.
const QuickFix CodeActionKind = "quickfix"

// CodeActionOptions are the code action capabilities.
type CodeActionOptions struct {
	CodeActionKinds []CodeActionKind `json:"codeActionKinds,omitempty"`
}

// DocumentLinkOptions are the document link capabilities.
type DocumentLinkOptions struct {
	ResolveProvider bool `json:"resolveProvider,omitempty"`
}

// RenameOptions are the rename capabilities.
type RenameOptions struct {
	PrepareProvider bool `json:"prepareProvider,omitempty"`
}

// ServerCapabilitiesWorkspaceFolders are the workspace folder
// capabilities.
type ServerCapabilitiesWorkspaceFolders struct {
	Supported           bool `json:"supported,omitempty"`
	ChangeNotifications any  `json:"changeNotifications,omitempty"`
}

// ServerCapabilitiesWorkspace are the workspace capabilities.
type ServerCapabilitiesWorkspace struct {
	WorkspaceFolders *ServerCapabilitiesWorkspaceFolders `json:"workspaceFolders,omitempty"`
}

// ServerCapabilities are the capabilities the server announces. Fields
// that take a boolean or an options object are typed any.
type ServerCapabilities struct {
	TextDocumentSync                any                          `json:"textDocumentSync,omitempty"`
	CompletionProvider              *CompletionOptions           `json:"completionProvider,omitempty"`
	HoverProvider                   any                          `json:"hoverProvider,omitempty"`
	DefinitionProvider              any                          `json:"definitionProvider,omitempty"`
	ReferencesProvider              any                          `json:"referencesProvider,omitempty"`
	DocumentHighlightProvider       any                          `json:"documentHighlightProvider,omitempty"`
	DocumentSymbolProvider          any                          `json:"documentSymbolProvider,omitempty"`
	CodeActionProvider              any                          `json:"codeActionProvider,omitempty"`
	WorkspaceSymbolProvider         any                          `json:"workspaceSymbolProvider,omitempty"`
	DocumentFormattingProvider      any                          `json:"documentFormattingProvider,omitempty"`
	DocumentRangeFormattingProvider any                          `json:"documentRangeFormattingProvider,omitempty"`
	RenameProvider                  any                          `json:"renameProvider,omitempty"`
	DocumentLinkProvider            *DocumentLinkOptions         `json:"documentLinkProvider,omitempty"`
	FoldingRangeProvider            any                          `json:"foldingRangeProvider,omitempty"`
	SemanticTokensProvider          any                          `json:"semanticTokensProvider,omitempty"`
	Workspace                       *ServerCapabilitiesWorkspace `json:"workspace,omitempty"`
}

// MessageType is the severity of a shown or logged message.
type MessageType float64

// Message types.
const (
	MessageTypeError   MessageType = 1
	MessageTypeWarning MessageType = 2
	MessageTypeInfo    MessageType = 3
)

// ShowMessageParams are the params of window/showMessage.
type ShowMessageParams struct {
	Type    MessageType `json:"type"`
	Message string      `json:"message"`
}

// LogMessageParams are the params of window/logMessage.
type LogMessageParams struct {
	Type    MessageType `json:"type"`
	Message string      `json:"message"`
}

// Registration is one dynamic capability registration.
type Registration struct {
	ID              string `json:"id"`
	Method          string `json:"method"`
	RegisterOptions any    `json:"registerOptions,omitempty"`
}

// RegistrationParams are the params of client/registerCapability.
type RegistrationParams struct {
	Registrations []Registration `json:"registrations"`
}

// FileSystemWatcher is one watched glob pattern.
type FileSystemWatcher struct {
	GlobPattern string `json:"globPattern"`
	Kind        uint32 `json:"kind,omitempty"`
}

// DidChangeWatchedFilesRegistrationOptions are the options of a
// workspace/didChangeWatchedFiles registration.
type DidChangeWatchedFilesRegistrationOptions struct {
	Watchers []FileSystemWatcher `json:"watchers"`
}

// FileEvent is one change of a watched file.
type FileEvent struct {
	URI  DocumentURI `json:"uri"`
	Type uint32      `json:"type"`
}

// DidChangeWatchedFilesParams are the params of
// workspace/didChangeWatchedFiles.
type DidChangeWatchedFilesParams struct {
	Changes []*FileEvent `json:"changes,omitempty"`
}

// WorkspaceFolder is a folder of the workspace.
type WorkspaceFolder struct {
	URI  string `json:"uri"`
	Name string `json:"name"`
}

// WorkspaceFoldersChangeEvent lists the added and removed folders.
type WorkspaceFoldersChangeEvent struct {
	Added   []WorkspaceFolder `json:"added"`
	Removed []WorkspaceFolder `json:"removed"`
}

// DidChangeWorkspaceFoldersParams are the params of
// workspace/didChangeWorkspaceFolders.
type DidChangeWorkspaceFoldersParams struct {
	Event WorkspaceFoldersChangeEvent `json:"event"`
}

// DidOpenTextDocumentParams are the params of textDocument/didOpen.
type DidOpenTextDocumentParams struct {
	TextDocument TextDocumentItem `json:"textDocument"`
}

// DidCloseTextDocumentParams are the params of textDocument/didClose.
type DidCloseTextDocumentParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// DiagnosticSeverity is the severity of a Diagnostic.
type DiagnosticSeverity float64

// DiagnosticTag marks a Diagnostic as about unused or deprecated code.
type DiagnosticTag float64

// CodeDescription links a diagnostic code to its documentation.
type CodeDescription struct {
	Href URI `json:"href"`
}

// DiagnosticRelatedInformation is a place that a Diagnostic refers to.
type DiagnosticRelatedInformation struct {
	Location Location `json:"location"`
	Message  string   `json:"message"`
}

// Diagnostic is one problem in a document.
type Diagnostic struct {
	Range              Range                          `json:"range"`
	Severity           DiagnosticSeverity             `json:"severity,omitempty"`
	Code               any                            `json:"code,omitempty"`
	CodeDescription    *CodeDescription               `json:"codeDescription,omitempty"`
	Source             string                         `json:"source,omitempty"`
	Message            string                         `json:"message"`
	Tags               []DiagnosticTag                `json:"tags,omitempty"`
	RelatedInformation []DiagnosticRelatedInformation `json:"relatedInformation,omitempty"`
	Data               any                            `json:"data,omitempty"`
}

// PublishDiagnosticsParams are the params of
// textDocument/publishDiagnostics.
type PublishDiagnosticsParams struct {
	URI         DocumentURI  `json:"uri"`
	Version     uint32       `json:"version,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// CompletionItemKind is the kind of a completion item.
type CompletionItemKind float64

// InsertTextFormat is the format of insert text: plain text or a snippet.
type InsertTextFormat float64

// Insert text formats.
const (
	InsertTextFormatPlainText InsertTextFormat = 1
	InsertTextFormatSnippet   InsertTextFormat = 2
)

// CompletionItem is one completion proposal. Documentation is a string
// or a MarkupContent; TextEdit is a *TextEdit.
type CompletionItem struct {
	Label            string             `json:"label"`
	Kind             CompletionItemKind `json:"kind,omitempty"`
	Detail           string             `json:"detail,omitempty"`
	Documentation    any                `json:"documentation,omitempty"`
	SortText         string             `json:"sortText,omitempty"`
	FilterText       string             `json:"filterText,omitempty"`
	InsertText       string             `json:"insertText,omitempty"`
	InsertTextFormat InsertTextFormat   `json:"insertTextFormat,omitempty"`
	TextEdit         *TextEdit          `json:"textEdit,omitempty"`
	// TextEditText is the text that replaces the list's default edit range
	// (LSP 3.17), in place of a TextEdit of the item's own.
	TextEditText string `json:"textEditText,omitempty"`
	// InsertTextMode is the client's handling of the indentation of the
	// lines after the first (LSP 3.16).
	InsertTextMode InsertTextMode `json:"insertTextMode,omitempty"`
	Data           any            `json:"data,omitempty"`
}

// InsertTextMode is the handling of the whitespace of an inserted text's
// lines after the first.
type InsertTextMode int

// InsertTextModeAsIs inserts the text as it is: its lines already carry
// their whole indentation. The other mode, 2, adds the current line's
// indentation to each of them.
const InsertTextModeAsIs InsertTextMode = 1

// CompletionList is a completion result.
type CompletionList struct {
	IsIncomplete bool                    `json:"isIncomplete"`
	ItemDefaults *CompletionItemDefaults `json:"itemDefaults,omitempty"`
	Items        []CompletionItem        `json:"items"`
}

// CompletionItemDefaults are values that every item of a CompletionList
// shares, sent once for the list instead (LSP 3.17) to a client that
// supports each one.
type CompletionItemDefaults struct {
	EditRange        *Range           `json:"editRange,omitempty"`
	InsertTextFormat InsertTextFormat `json:"insertTextFormat,omitempty"`
	Data             any              `json:"data,omitempty"`
}

// CompletionContext is the trigger of a completion request.
type CompletionContext struct {
	TriggerKind      float64 `json:"triggerKind"`
	TriggerCharacter string  `json:"triggerCharacter,omitempty"`
}

// CompletionParams are the params of textDocument/completion.
type CompletionParams struct {
	TextDocumentPositionParams
	Context *CompletionContext `json:"context,omitempty"`
}

// HoverParams are the params of textDocument/hover.
type HoverParams struct {
	TextDocumentPositionParams
}

// Hover is a hover result.
type Hover struct {
	Contents MarkupContent `json:"contents"`
	Range    *Range        `json:"range,omitempty"`
}

// DefinitionParams are the params of textDocument/definition.
type DefinitionParams struct {
	TextDocumentPositionParams
}

// ReferenceContext is the option to include the declaration in references.
type ReferenceContext struct {
	IncludeDeclaration bool `json:"includeDeclaration"`
}

// ReferenceParams are the params of textDocument/references.
type ReferenceParams struct {
	TextDocumentPositionParams
	Context ReferenceContext `json:"context"`
}

// DocumentHighlightKind is the kind of access a highlight marks: text, read or write.
type DocumentHighlightKind float64

// DocumentHighlightParams are the params of
// textDocument/documentHighlight.
type DocumentHighlightParams struct {
	TextDocumentPositionParams
}

// DocumentHighlight is one highlighted range.
type DocumentHighlight struct {
	Range Range                 `json:"range"`
	Kind  DocumentHighlightKind `json:"kind,omitempty"`
}

// RenameParams are the params of textDocument/rename.
type RenameParams struct {
	TextDocumentPositionParams
	NewName string `json:"newName"`
}

// SymbolKind is the kind of a symbol.
type SymbolKind float64

// DocumentSymbolParams are the params of textDocument/documentSymbol.
type DocumentSymbolParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// DocumentSymbol is a symbol of a document, with its children.
type DocumentSymbol struct {
	Name           string           `json:"name"`
	Detail         string           `json:"detail,omitempty"`
	Kind           SymbolKind       `json:"kind"`
	Deprecated     bool             `json:"deprecated,omitempty"`
	Range          Range            `json:"range"`
	SelectionRange Range            `json:"selectionRange"`
	Children       []DocumentSymbol `json:"children,omitempty"`
}

// SymbolInformation is a symbol with its location, as flat lists and
// workspace symbols give them.
type SymbolInformation struct {
	Name          string     `json:"name"`
	Kind          SymbolKind `json:"kind"`
	Deprecated    bool       `json:"deprecated,omitempty"`
	Location      Location   `json:"location"`
	ContainerName string     `json:"containerName,omitempty"`
}

// WorkspaceSymbolParams are the params of workspace/symbol.
type WorkspaceSymbolParams struct {
	Query string `json:"query"`
}

// CodeActionContext carries the diagnostics and kinds a code action
// request is about.
type CodeActionContext struct {
	Diagnostics []Diagnostic     `json:"diagnostics"`
	Only        []CodeActionKind `json:"only,omitempty"`
}

// CodeActionParams are the params of textDocument/codeAction.
type CodeActionParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Range        Range                  `json:"range"`
	Context      CodeActionContext      `json:"context"`
}

// CodeAction is one code action.
type CodeAction struct {
	Title       string         `json:"title"`
	Kind        CodeActionKind `json:"kind,omitempty"`
	Diagnostics []Diagnostic   `json:"diagnostics,omitempty"`
	IsPreferred bool           `json:"isPreferred,omitempty"`
	Edit        *WorkspaceEdit `json:"edit,omitempty"`
}

// DocumentLinkParams are the params of textDocument/documentLink.
type DocumentLinkParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// DocumentLink is a link in a document.
type DocumentLink struct {
	Range   Range       `json:"range"`
	Target  DocumentURI `json:"target,omitempty"`
	Tooltip string      `json:"tooltip,omitempty"`
}

// FormattingOptions are the client's formatting preferences.
type FormattingOptions struct {
	TabSize      uint32 `json:"tabSize"`
	InsertSpaces bool   `json:"insertSpaces"`
}

// DocumentFormattingParams are the params of textDocument/formatting.
type DocumentFormattingParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Options      FormattingOptions      `json:"options"`
}

// DocumentRangeFormattingParams are the params of
// textDocument/rangeFormatting.
type DocumentRangeFormattingParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Range        Range                  `json:"range"`
	Options      FormattingOptions      `json:"options"`
}

// FoldingRangeKind is the kind of a folding range.
type FoldingRangeKind string

// FoldingRangeParams are the params of textDocument/foldingRange.
type FoldingRangeParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// FoldingRange is a foldable range of lines.
type FoldingRange struct {
	StartLine      uint32           `json:"startLine"`
	StartCharacter uint32           `json:"startCharacter,omitempty"`
	EndLine        uint32           `json:"endLine"`
	EndCharacter   uint32           `json:"endCharacter,omitempty"`
	Kind           FoldingRangeKind `json:"kind,omitempty"`
}

// SemanticTokenTypes is the name of a semantic token type.
type SemanticTokenTypes string

// SemanticTokenModifiers is the name of a semantic token modifier.
type SemanticTokenModifiers string

// SemanticTokensLegend names the token types and modifiers that
// SemanticTokens index.
type SemanticTokensLegend struct {
	TokenTypes     []SemanticTokenTypes     `json:"tokenTypes"`
	TokenModifiers []SemanticTokenModifiers `json:"tokenModifiers"`
}

// SemanticTokensParams are the params of
// textDocument/semanticTokens/full.
type SemanticTokensParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// SemanticTokens are the encoded tokens of a document.
type SemanticTokens struct {
	ResultID string   `json:"resultId,omitempty"`
	Data     []uint32 `json:"data"`
}
