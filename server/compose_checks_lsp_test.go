package server_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// The compose checks that compare with compose-go's loader reach the
// editor over LSP with the ranges of the offending values.
func TestComposeLoaderChecksOverLSP(t *testing.T) {
	const archive = "-- compose.yaml --\n" +
		"services:\n" +
		"  api: # é\n" +
		"    image: nginx\n" +
		"    profiles: [debug]\n" +
		"  worker:\n" +
		"    image: busybox\n" +
		"    stop_grace_period: «grace»\"30\"\n" +
		"    expose:\n" +
		"      - «expose»1.5\n" +
		"    depends_on: [«dep»api]\n" +
		"    configs: [crontab]\n" +
		"    entrypoint: «entry»'\"0'\n" +
		"    mem_limit: «mem»256M2\n" +
		"    restart: «restart»sometimes\n" +
		"    volumes:\n" +
		"      - type: «bind»bind\n" +
		"        target: /srv\n" +
		"    ports:\n" +
		"      - «port»published: \"8443\"\n" +
		"  cache:\n" +
		"    <<: «merge»\"x\"\n" +
		"    image: redis:7\n" +
		"configs:\n" +
		"  «config»crontab: {}\n"
	c := lsptest.New(t, archive, lsptest.WithCRLF("compose.yaml"))
	c.Open("compose.yaml")
	diags := c.Diagnostics("compose.yaml")

	tests := []struct {
		code, marker, text string
	}{
		{"InvalidDuration", "grace", `"30"`},
		{"InvalidPort", "expose", "1.5"},
		{"ProfiledDependency", "dep", "api"},
		{"InvalidConfigSource", "config", "crontab"},
		{"InvalidCommand", "entry", `'"0'`},
		{"InvalidByteSize", "mem", "256M2"},
		{"MissingBindSource", "bind", "bind"},
		{"MissingPortTarget", "port", "published"},
		{"InvalidMerge", "merge", `"x"`},
		{"InvalidRestart", "restart", "sometimes"},
	}
	for _, tt := range tests {
		_, at := c.WS.Marker(tt.marker)
		want := position.Span{Start: at, End: at + len(tt.text)}
		got := findCode(diags, tt.code)
		if len(got) != 1 || got[0].Span != want {
			t.Errorf("%s diagnostics %v, want one at %v", tt.code, got, want)
		}
	}
}

// Removing the workspace folder clears the diagnostics of its files.
func TestRemovedFolderClearsDiagnostics(t *testing.T) {
	const archive = "-- compose.yaml --\nservices:\n  web:\n    image: nginx\n    restrat: always\n"
	c := lsptest.New(t, archive)
	if got := findCode(c.Diagnostics("compose.yaml"), "UnknownProperty"); len(got) != 1 {
		t.Fatalf("UnknownProperty diagnostics before the removal: %v, want one", got)
	}
	before := len(c.Notifications("textDocument/publishDiagnostics"))

	folder := map[string]any{"uri": string(position.URIFromPath(c.WS.Root)), "name": "root"}
	c.Notify("workspace/didChangeWorkspaceFolders", map[string]any{
		"event": map[string]any{"added": []any{}, "removed": []any{folder}},
	})

	uri := string(c.WS.URI("compose.yaml"))
	deadline := time.Now().Add(lsptest.Timeout)
	for time.Now().Before(deadline) {
		for _, n := range c.Notifications("textDocument/publishDiagnostics")[before:] {
			var params struct {
				URI         string            `json:"uri"`
				Diagnostics []json.RawMessage `json:"diagnostics"`
			}
			if err := json.Unmarshal(n.Params, &params); err != nil {
				t.Fatal(err)
			}
			if params.URI == uri && len(params.Diagnostics) == 0 {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("no empty publishDiagnostics for compose.yaml within %v of removing its folder\nserver log:\n%s", lsptest.Timeout, c.ServerLog())
}
