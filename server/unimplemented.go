package server

import (
	"context"
	"fmt"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// This file holds the protocol.Server methods that stackls does not
// implement: requests are answered with MethodNotFound, notifications are
// ignored. It also holds the methods that extraMethods handles in place of
// the library, which are never called.

func notImplemented(method string) error {
	return fmt.Errorf("%s is not implemented by stackls: %w", method, jsonrpc2.ErrMethodNotFound)
}

// Request answers every method that neither the library nor extraMethods
// knows with MethodNotFound; for a notification the answer is not sent.
func (s *server) Request(_ context.Context, method string, _ any) (any, error) {
	return nil, notImplemented(method)
}

// Handled by extraMethods.

func (s *server) Initialize(context.Context, *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	return nil, notImplemented(protocol.MethodInitialize)
}
func (s *server) Shutdown(context.Context) error { return notImplemented(protocol.MethodShutdown) }
func (s *server) Exit(context.Context) error     { return notImplemented(protocol.MethodExit) }
func (s *server) DidChange(context.Context, *protocol.DidChangeTextDocumentParams) error {
	return notImplemented(protocol.MethodTextDocumentDidChange)
}

// Notifications that need no work.

func (s *server) WorkDoneProgressCancel(context.Context, *protocol.WorkDoneProgressCancelParams) error {
	return nil
}
func (s *server) LogTrace(context.Context, *protocol.LogTraceParams) error { return nil }
func (s *server) SetTrace(context.Context, *protocol.SetTraceParams) error { return nil }
func (s *server) DidChangeConfiguration(context.Context, *protocol.DidChangeConfigurationParams) error {
	return nil
}
func (s *server) WillSave(context.Context, *protocol.WillSaveTextDocumentParams) error { return nil }
func (s *server) DidCreateFiles(context.Context, *protocol.CreateFilesParams) error    { return nil }
func (s *server) DidRenameFiles(context.Context, *protocol.RenameFilesParams) error    { return nil }
func (s *server) DidDeleteFiles(context.Context, *protocol.DeleteFilesParams) error    { return nil }

// Requests that stackls does not implement.

func (s *server) CodeLens(context.Context, *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	return nil, notImplemented(protocol.MethodTextDocumentCodeLens)
}
func (s *server) CodeLensResolve(context.Context, *protocol.CodeLens) (*protocol.CodeLens, error) {
	return nil, notImplemented(protocol.MethodCodeLensResolve)
}
func (s *server) ColorPresentation(context.Context, *protocol.ColorPresentationParams) ([]protocol.ColorPresentation, error) {
	return nil, notImplemented(protocol.MethodTextDocumentColorPresentation)
}
func (s *server) Declaration(context.Context, *protocol.DeclarationParams) ([]protocol.Location, error) {
	return nil, notImplemented(protocol.MethodTextDocumentDeclaration)
}
func (s *server) DocumentColor(context.Context, *protocol.DocumentColorParams) ([]protocol.ColorInformation, error) {
	return nil, notImplemented(protocol.MethodTextDocumentDocumentColor)
}
func (s *server) ExecuteCommand(context.Context, *protocol.ExecuteCommandParams) (any, error) {
	return nil, notImplemented(protocol.MethodWorkspaceExecuteCommand)
}
func (s *server) Implementation(context.Context, *protocol.ImplementationParams) ([]protocol.Location, error) {
	return nil, notImplemented(protocol.MethodTextDocumentImplementation)
}
func (s *server) OnTypeFormatting(context.Context, *protocol.DocumentOnTypeFormattingParams) ([]protocol.TextEdit, error) {
	return nil, notImplemented(protocol.MethodTextDocumentOnTypeFormatting)
}
func (s *server) SignatureHelp(context.Context, *protocol.SignatureHelpParams) (*protocol.SignatureHelp, error) {
	return nil, notImplemented(protocol.MethodTextDocumentSignatureHelp)
}
func (s *server) TypeDefinition(context.Context, *protocol.TypeDefinitionParams) ([]protocol.Location, error) {
	return nil, notImplemented(protocol.MethodTextDocumentTypeDefinition)
}
func (s *server) WillSaveWaitUntil(context.Context, *protocol.WillSaveTextDocumentParams) ([]protocol.TextEdit, error) {
	return nil, notImplemented(protocol.MethodTextDocumentWillSaveWaitUntil)
}
func (s *server) ShowDocument(context.Context, *protocol.ShowDocumentParams) (*protocol.ShowDocumentResult, error) {
	return nil, notImplemented(protocol.MethodShowDocument)
}
func (s *server) WillCreateFiles(context.Context, *protocol.CreateFilesParams) (*protocol.WorkspaceEdit, error) {
	return nil, notImplemented(protocol.MethodWillCreateFiles)
}
func (s *server) WillRenameFiles(context.Context, *protocol.RenameFilesParams) (*protocol.WorkspaceEdit, error) {
	return nil, notImplemented(protocol.MethodWillRenameFiles)
}
func (s *server) WillDeleteFiles(context.Context, *protocol.DeleteFilesParams) (*protocol.WorkspaceEdit, error) {
	return nil, notImplemented(protocol.MethodWillDeleteFiles)
}
func (s *server) CodeLensRefresh(context.Context) error {
	return notImplemented(protocol.MethodCodeLensRefresh)
}
func (s *server) PrepareCallHierarchy(context.Context, *protocol.CallHierarchyPrepareParams) ([]protocol.CallHierarchyItem, error) {
	return nil, notImplemented(protocol.MethodTextDocumentPrepareCallHierarchy)
}
func (s *server) IncomingCalls(context.Context, *protocol.CallHierarchyIncomingCallsParams) ([]protocol.CallHierarchyIncomingCall, error) {
	return nil, notImplemented(protocol.MethodCallHierarchyIncomingCalls)
}
func (s *server) OutgoingCalls(context.Context, *protocol.CallHierarchyOutgoingCallsParams) ([]protocol.CallHierarchyOutgoingCall, error) {
	return nil, notImplemented(protocol.MethodCallHierarchyOutgoingCalls)
}
func (s *server) SemanticTokensFullDelta(context.Context, *protocol.SemanticTokensDeltaParams) (any, error) {
	return nil, notImplemented(protocol.MethodSemanticTokensFullDelta)
}
func (s *server) SemanticTokensRange(context.Context, *protocol.SemanticTokensRangeParams) (*protocol.SemanticTokens, error) {
	return nil, notImplemented(protocol.MethodSemanticTokensRange)
}
func (s *server) SemanticTokensRefresh(context.Context) error {
	return notImplemented(protocol.MethodSemanticTokensRefresh)
}
func (s *server) LinkedEditingRange(context.Context, *protocol.LinkedEditingRangeParams) (*protocol.LinkedEditingRanges, error) {
	return nil, notImplemented(protocol.MethodLinkedEditingRange)
}
func (s *server) Moniker(context.Context, *protocol.MonikerParams) ([]protocol.Moniker, error) {
	return nil, notImplemented(protocol.MethodMoniker)
}

var _ protocol.Server = (*server)(nil)
