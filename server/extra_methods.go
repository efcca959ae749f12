package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"go.lsp.dev/jsonrpc2"
)

// methodHandler handles one method whose params the server decodes itself.
type methodHandler func(ctx context.Context, s *server, reply jsonrpc2.Replier, req jsonrpc2.Request)

// extraMethods are the methods that go.lsp.dev/protocol v0.12 lacks or
// decodes wrongly. They are looked up before the library's dispatch:
//   - initialize: the library's types lack positionEncodings, and the
//     server decodes only the capabilities it uses, leniently;
//   - shutdown and exit: the library rejects "params": null;
//   - didChange: the library's change event has a Range value, so a
//     whole-content change cannot be distinguished from an insert at 0:0;
//   - prepareRename: the library cannot return a placeholder;
//   - textDocument/diagnostic and $/cancelRequest: not in the library.
var extraMethods map[string]methodHandler

func init() {
	extraMethods = map[string]methodHandler{
		"initialize":                 request((*server).initialize),
		"shutdown":                   request((*server).shutdown),
		"exit":                       notification((*server).exit),
		"$/cancelRequest":            notification((*server).cancelRequest),
		"textDocument/didChange":     notification((*server).didChange),
		"textDocument/diagnostic":    request((*server).pullDiagnostics),
		"textDocument/prepareRename": request((*server).prepareRename),
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
