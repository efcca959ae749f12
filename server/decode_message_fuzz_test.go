package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"go.lsp.dev/jsonrpc2"
)

// describeWire decodes body with encoding/json into a wireMessage and
// describes the result, or "error" when encoding/json rejects it.
func describeWire(body []byte) string {
	var wire wireMessage
	if err := json.Unmarshal(body, &wire); err != nil {
		return "error"
	}
	return describeFields(wire.Version, wire.ID, wire.Method, wire.Params, wire.Result, wire.Error)
}

// describeDecoded describes what decodeMessage read from body, in the
// form of describeWire, or "error" when it failed for invalid JSON.
func describeDecoded(body []byte) string {
	var wire wireMessage
	if err := segjsonUnmarshal(body, &wire); err != nil {
		return "error"
	}
	return describeFields(wire.Version, wire.ID, wire.Method, wire.Params, wire.Result, wire.Error)
}

func describeFields(version *string, id *jsonrpc2.ID, method string, params, result json.RawMessage, rpcErr *jsonrpc2.Error) string {
	var b bytes.Buffer
	if version != nil {
		fmt.Fprintf(&b, "version %q ", *version)
	}
	if id != nil {
		fmt.Fprintf(&b, "id %v ", *id)
	}
	fmt.Fprintf(&b, "method %q params %s result %s", method, compact(params), compact(result))
	if rpcErr != nil {
		fmt.Fprintf(&b, " error %d %q", rpcErr.Code, rpcErr.Message)
		if rpcErr.Data != nil {
			fmt.Fprintf(&b, " data %s", compact(*rpcErr.Data))
		}
	}
	return b.String()
}

// compact returns raw without insignificant space, or raw itself when it
// is not valid JSON.
func compact(raw json.RawMessage) string {
	if raw == nil {
		return "<none>"
	}
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}

// FuzzDecodeMessageAgreesWithEncodingJSON checks that the decoder of
// decodeMessage accepts the bodies that encoding/json accepts, rejects
// the others, and reads the same fields from them.
func FuzzDecodeMessageAgreesWithEncodingJSON(f *testing.F) {
	for _, seed := range []string{
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/a","text":"x\n\"é\"\u2028"}}}`,
		`{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"position":{"line":1,"character":2}}}`,
		`{"jsonrpc":"2.0","id":"a\"b","result":[1,2,{"x":null}]}`,
		`{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no","data":{"k":[true]}}}`,
		`{"jsonrpc":"2.0","id":4,"error":{"code":1,"message":"m"}}`,
		`{"JSONRPC":"2.0","Method":"x","params":null}`,
		`{"jsonrpc":"2.0","method":"x","params":[1,2,3],"method":"y"}`,
		` {"jsonrpc" : "2.0" , "method" : "exit" } `,
		`{"jsonrpc":"2.0","method":"x"} trailing`,
		`{"jsonrpc":"2.0","method":"x","params":{"a":"\ud800"}}`,
		`{"jsonrpc":2,"method":"x"}`,
		`{"id":1.5,"method":"x"}`,
		`[1]`, `null`, `{`, `{"method":"x","params":{"a":1,}}`, "{\"method\":\"\xff\"}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		want, got := describeWire(body), describeDecoded(body)
		if got != want {
			t.Errorf("body %q:\nencoding/json: %s\ndecodeMessage: %s", body, want, got)
		}
	})
}
