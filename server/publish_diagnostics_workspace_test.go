package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/server"
)

// linkedScriptArchive is a service whose image runs a script that names a
// host one edit away from the service's name.
const linkedScriptArchive = `
-- compose.yaml --
services:
  mariadb:
    build: ./db
-- db/Dockerfile --
FROM alpine:3.20
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
-- db/entrypoint.sh --
#!/bin/sh
nc -z mariadbx 3306
exec "$@"
`

// awaitScriptHint waits until the last publish for rel has an UnknownHost
// diagnostic when want is set, or none when it is not, and fails the test
// after five seconds.
func awaitScriptHint(t *testing.T, c *lsptest.Client, rel string, want bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var last *bool
		for _, note := range c.Notifications("textDocument/publishDiagnostics") {
			var p struct {
				URI         string `json:"uri"`
				Diagnostics []struct {
					Code any `json:"code"`
				} `json:"diagnostics"`
			}
			if err := json.Unmarshal(note.Params, &p); err != nil {
				t.Fatal(err)
			}
			if p.URI != string(c.WS.URI(rel)) {
				continue
			}
			has := false
			for _, d := range p.Diagnostics {
				has = has || d.Code == "UnknownHost"
			}
			last = &has
		}
		if last != nil && *last == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no publish for %s with UnknownHost = %v; the last had %v", rel, want, last)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestWorkspacePassRepublishesLinkedFiles(t *testing.T) {
	c := lsptest.New(t, linkedScriptArchive)
	c.Indexed()
	awaitScriptHint(t, c, "db/entrypoint.sh", true)

	c.Open("compose.yaml")
	c.Replace("compose.yaml", "mariadb:", "postgres:")
	awaitScriptHint(t, c, "db/entrypoint.sh", false)

	c.Replace("compose.yaml", "postgres:", "mariadb:")
	awaitScriptHint(t, c, "db/entrypoint.sh", true)
	c.Close("compose.yaml")

	content := strings.Replace(string(c.WS.Content("compose.yaml")), "mariadb:", "cache:", 1)
	c.WatchedFileChanged("compose.yaml", []byte(content))
	awaitScriptHint(t, c, "db/entrypoint.sh", false)
}

// TestWorkspacePassWaitsForRequests checks that the workspace pass gives
// way to a running request: while a hover runs, the workspace pass after
// an edit publishes nothing, and it publishes once the hover has replied.
func TestWorkspacePassWaitsForRequests(t *testing.T) {
	started, release := make(chan struct{}, 1), make(chan struct{})
	hook := func(_ context.Context, method string) {
		if method == "textDocument/hover" {
			started <- struct{}{}
			<-release
		}
	}
	c := lsptest.New(t, linkedScriptArchive, lsptest.WithServerOptions(server.Options{TestHook: hook}))
	c.Indexed()
	awaitScriptHint(t, c, "db/entrypoint.sh", true)

	c.Open("compose.yaml")
	_, answer := c.Go("textDocument/hover", map[string]any{
		"textDocument": map[string]string{"uri": string(c.WS.URI("compose.yaml"))},
		"position":     map[string]int{"line": 1, "character": 3},
	})
	<-started
	c.Replace("compose.yaml", "mariadb:", "postgres:")
	// The edit schedules the workspace pass 75 ms after it; wait well past.
	time.Sleep(300 * time.Millisecond)
	awaitScriptHint(t, c, "db/entrypoint.sh", true)

	close(release)
	c.AwaitResponse(answer)
	awaitScriptHint(t, c, "db/entrypoint.sh", false)
}
