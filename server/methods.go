package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"go.lsp.dev/jsonrpc2"
)

// methodHandler handles one method: it decodes the params, runs the
// method and replies.
type methodHandler func(ctx context.Context, s *server, reply jsonrpc2.Replier, req jsonrpc2.Request)

// methods maps every method that stackls handles to its handler. A request
// for any other method gets MethodNotFound, and a notification for one is
// ignored.
//
// The server decodes params with encoding/json into the types of
// server/protocol, or into types of the file that handles the method:
//   - initialize: the server decodes only the capabilities it uses,
//     leniently;
//   - didChange: the change's Range is a pointer, so that a whole-content
//     change is distinguished from an insert at 0:0;
//   - prepareRename and textDocument/diagnostic have their own types.
var methods map[string]methodHandler

func init() {
	methods = map[string]methodHandler{
		// Lifecycle.
		"initialize":      request((*server).initialize),
		"initialized":     notification((*server).afterInitialized),
		"shutdown":        request((*server).shutdown),
		"exit":            notification((*server).exit),
		"$/cancelRequest": notification((*server).cancelRequest),

		// Documents and the workspace.
		"textDocument/didOpen":                notification((*server).DidOpen),
		"textDocument/didChange":              notification((*server).didChange),
		"textDocument/didClose":               notification((*server).DidClose),
		"workspace/didChangeWatchedFiles":     notification((*server).DidChangeWatchedFiles),
		"workspace/didChangeWorkspaceFolders": notification((*server).DidChangeWorkspaceFolders),

		// Language features.
		"textDocument/hover":               request((*server).Hover),
		"textDocument/definition":          request((*server).Definition),
		"textDocument/references":          request((*server).References),
		"textDocument/documentHighlight":   request((*server).DocumentHighlight),
		"textDocument/prepareRename":       request((*server).prepareRename),
		"textDocument/rename":              request((*server).Rename),
		"textDocument/completion":          request((*server).Completion),
		"completionItem/resolve":           request((*server).CompletionResolve),
		"textDocument/codeAction":          request((*server).CodeAction),
		"textDocument/documentLink":        request((*server).DocumentLink),
		"documentLink/resolve":             request((*server).DocumentLinkResolve),
		"textDocument/documentSymbol":      request((*server).DocumentSymbol),
		"workspace/symbol":                 request((*server).Symbols),
		"textDocument/foldingRange":        request((*server).FoldingRanges),
		"textDocument/formatting":          request((*server).Formatting),
		"textDocument/rangeFormatting":     request((*server).RangeFormatting),
		"textDocument/semanticTokens/full": request((*server).SemanticTokensFull),
		"textDocument/diagnostic":          request((*server).pullDiagnostics),
	}
	// Notifications that need no work: the content of a saved file came
	// with didChange, and the server has no settings or trace output.
	for _, method := range []string{
		"textDocument/didSave",
		"textDocument/willSave",
		"workspace/didChangeConfiguration",
		"workspace/didCreateFiles",
		"workspace/didRenameFiles",
		"workspace/didDeleteFiles",
		"window/workDoneProgress/cancel",
		"$/setTrace",
		"$/logTrace",
	} {
		methods[method] = notification(func(*server, context.Context, *noParams) error { return nil })
	}
}

// request adapts a typed request handler: it decodes the params, calls f
// and replies with its result. The reply maps and logs errors.
func request[P, R any](f func(s *server, ctx context.Context, params *P) (R, error)) methodHandler {
	return func(ctx context.Context, s *server, reply jsonrpc2.Replier, req jsonrpc2.Request) {
		var params P
		if err := decodeParams(req.Params(), &params); err != nil {
			s.sendReply(ctx, reply, req.Method(), nil, err)
			return
		}
		result, err := f(s, ctx, &params)
		if err != nil {
			s.sendReply(ctx, reply, req.Method(), nil, err)
			return
		}
		s.sendReply(ctx, reply, req.Method(), result, nil)
	}
}

// notification adapts a typed notification handler. A notification sent
// with an id gets a response like a request, with null or the error.
func notification[P any](f func(s *server, ctx context.Context, params *P) error) methodHandler {
	return func(ctx context.Context, s *server, reply jsonrpc2.Replier, req jsonrpc2.Request) {
		var params P
		err := decodeParams(req.Params(), &params)
		if err == nil {
			err = f(s, ctx, &params)
		}
		s.sendReply(ctx, reply, req.Method(), nil, err)
	}
}

// noParams is the params type of methods that take none.
type noParams struct{}

// decodeParams decodes raw into params. Absent or null params leave params
// at its zero value.
func decodeParams(raw []byte, params any) error {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return nil
	}
	if _, none := params.(*noParams); none {
		return nil
	}
	if err := json.Unmarshal(trimmed, params); err != nil {
		return fmt.Errorf("%w: %v", jsonrpc2.ErrInvalidParams, err)
	}
	return nil
}

// cancelParams are the params of $/cancelRequest.
type cancelParams struct {
	ID jsonrpc2.ID `json:"id"`
}

// cancelRequest cancels the context of a running request, whose response
// is then the RequestCancelled error.
func (s *server) cancelRequest(_ context.Context, params *cancelParams) error {
	if !s.requests.cancel(params.ID) {
		s.log.Debug("cancel for a request that is not running", "id", fmt.Sprint(params.ID))
	}
	return nil
}
