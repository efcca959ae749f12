package server

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"go.lsp.dev/jsonrpc2"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
)

// TestEncodeMessageMatchesJSONRPC2 checks that the fast path for
// successful responses writes the same JSON value as jsonrpc2 does.
func TestEncodeMessageMatchesJSONRPC2(t *testing.T) {
	results := []any{nil, []int{}, map[string]any{"contents": "ü \"q\" \u2028"}, 3, "text"}
	ids := []jsonrpc2.ID{jsonrpc2.NewNumberID(7), jsonrpc2.NewStringID("a\"b")}
	for _, id := range ids {
		for _, result := range results {
			resp, err := jsonrpc2.NewResponse(id, result, nil)
			if err != nil {
				t.Fatal(err)
			}
			assertSameJSON(t, resp)
		}
		resp, err := jsonrpc2.NewResponse(id, nil, jsonrpc2.NewError(jsonrpc2.InternalError, "boom"))
		if err != nil {
			t.Fatal(err)
		}
		assertSameJSON(t, resp)
		resp, err = jsonrpc2.NewResponse(id, nil, errors.New("plain"))
		if err != nil {
			t.Fatal(err)
		}
		assertSameJSON(t, resp)
	}
}

// TestEncodeNotificationMatchesJSONRPC2 checks the same for notifications.
func TestEncodeNotificationMatchesJSONRPC2(t *testing.T) {
	for _, params := range []any{nil, map[string]any{"uri": "file:///a", "diagnostics": []any{}}, []string{"é"}} {
		n, err := jsonrpc2.NewNotification("textDocument/publishDiagnostics", params)
		if err != nil {
			t.Fatal(err)
		}
		assertSameJSON(t, n)
	}
}

func assertSameJSON(t *testing.T, msg interface {
	jsonrpc2.Message
	MarshalJSON() ([]byte, error)
}) {
	t.Helper()
	got, err := encodeMessage(msg)
	if err != nil {
		t.Fatal(err)
	}
	want, err := msg.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var gotValue, wantValue any
	if err := json.Unmarshal(got, &gotValue); err != nil {
		t.Fatalf("encodeMessage wrote invalid JSON %s: %v", got, err)
	}
	if err := json.Unmarshal(want, &wantValue); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotValue, wantValue) {
		t.Errorf("encodeMessage = %s, want %s", got, want)
	}
}

// TestDecodeNotificationKeepsParams checks that a decoded notification is
// a request that is not a call, with its method, and its params as sent.
func TestDecodeNotificationKeepsParams(t *testing.T) {
	params := `{"textDocument":{"uri":"file:///w/Dockerfile","languageId":"dockerfile","version":1,"text":"FROM alpine\nRUN echo \"é\"\n"}}`
	for _, body := range []string{
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":` + params + `}`,
		`{"params":` + params + `,"method":"textDocument/didOpen","jsonrpc":"2.0"}`,
	} {
		msg, err := decodeMessage([]byte(body))
		if err != nil {
			t.Fatalf("decoding %s: %v", body, err)
		}
		req, ok := msg.(jsonrpc2.Request)
		if !ok {
			t.Fatalf("decoded %T, want a jsonrpc2.Request", msg)
		}
		if _, isCall := msg.(*jsonrpc2.Call); isCall {
			t.Errorf("a notification decoded as a call")
		}
		if req.Method() != "textDocument/didOpen" {
			t.Errorf("method = %q", req.Method())
		}
		if string(req.Params()) != params {
			t.Errorf("params = %s, want %s", req.Params(), params)
		}
	}
	msg, err := decodeMessage([]byte(`{"jsonrpc":"2.0","method":"initialized"}`))
	if err != nil {
		t.Fatal(err)
	}
	if p := msg.(jsonrpc2.Request).Params(); len(p) != 0 {
		t.Errorf("params of a notification without params = %s, want none", p)
	}
}

// TestPublishParamsJSON checks the params that publish writes around an
// encoded diagnostics list against the JSON of the params type.
func TestPublishParamsJSON(t *testing.T) {
	list := []protocol.Diagnostic{{Message: "m \"q\"", Severity: 1}}
	encoded, err := json.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	u := position.URIFromPath("/w/a b/Dockerfile")
	for _, version := range []int32{0, 7} {
		got := publishParamsJSON(u, version, encoded)
		want, err := json.Marshal(&protocol.PublishDiagnosticsParams{URI: protocol.DocumentURI(u), Version: uint32(version), Diagnostics: list})
		if err != nil {
			t.Fatal(err)
		}
		var gotValue, wantValue any
		if err := json.Unmarshal(got, &gotValue); err != nil {
			t.Fatalf("version %d: invalid JSON %s: %v", version, got, err)
		}
		if err := json.Unmarshal(want, &wantValue); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(gotValue, wantValue) {
			t.Errorf("version %d: got %s, want %s", version, got, want)
		}
	}
}
