package server

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"go.lsp.dev/jsonrpc2"
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
