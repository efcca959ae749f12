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

func assertSameJSON(t *testing.T, resp *jsonrpc2.Response) {
	t.Helper()
	got, err := encodeMessage(resp)
	if err != nil {
		t.Fatal(err)
	}
	want, err := resp.MarshalJSON()
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
