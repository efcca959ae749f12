package completion

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/workspace"
)

// TestMakefileVariableDetailHidesSecrets checks that a variable item
// shows that a variable named like a secret is set, not its value.
func TestMakefileVariableDetailHidesSecrets(t *testing.T) {
	ws := testws.New(t, "-- Makefile --\nAPI_TOKEN ?= mk-secret-in-make\nTAG := 1.27\nup:\n\techo $(«var»)\n")
	uri, offset := ws.Marker("var")
	list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"API_TOKEN": "API_TOKEN ?= " + workspace.HiddenValue, "TAG": "TAG := 1.27"}
	if list == nil || len(list.Items) != len(want) {
		t.Fatalf("completion %+v, want the items %v", list, want)
	}
	for _, item := range list.Items {
		if item.Detail != want[item.Label] {
			t.Errorf("item %s: detail %q, want %q", item.Label, item.Detail, want[item.Label])
		}
	}
}
