package server_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/server"
)

// publishedVersions returns the versions of the publishes for a file, in
// the order the server sent them.
func publishedVersions(t *testing.T, c *lsptest.Client, rel string) []int32 {
	t.Helper()
	var versions []int32
	for _, note := range c.Notifications("textDocument/publishDiagnostics") {
		var p struct {
			URI     string `json:"uri"`
			Version int32  `json:"version"`
		}
		if err := json.Unmarshal(note.Params, &p); err != nil {
			t.Fatal(err)
		}
		if p.URI == string(c.WS.URI(rel)) {
			versions = append(versions, p.Version)
		}
	}
	return versions
}

func TestDiagnosticsDebounceEdits(t *testing.T) {
	// A long delay makes the burst of edits below fall inside it on any
	// machine.
	opts := server.Options{DiagnosticsDelay: 300 * time.Millisecond}
	c := lsptest.New(t, composeArchive, lsptest.WithServerOptions(opts))
	c.Open("compose.yaml")
	c.Diagnostics("compose.yaml")

	for i := range 5 {
		c.Replace("compose.yaml", "mariadb:1", fmt.Sprintf("mariadb:1%d", i))
	}
	c.Diagnostics("compose.yaml")

	if got := publishedVersions(t, c, "compose.yaml"); fmt.Sprint(got) != "[1 6]" {
		t.Errorf("published versions = %v, want [1 6]: one publish for the burst, with its last version", got)
	}
}

func TestDiagnosticsFollowEachVersion(t *testing.T) {
	c := lsptest.New(t, composeArchive)
	c.Open("compose.yaml")

	for i := range 3 {
		c.Replace("compose.yaml", "mariadb:1", fmt.Sprintf("mariadb:1%d", i))
		start := time.Now()
		c.Diagnostics("compose.yaml") // waits for the publish of this version
		t.Logf("version %d published %v after the edit", c.Version("compose.yaml"), time.Since(start))
	}
}

func TestConcurrentEditsAndRequests(t *testing.T) {
	c := lsptest.New(t, composeArchive)
	c.Open("compose.yaml")
	methods := []string{
		"textDocument/hover", "textDocument/definition", "textDocument/completion",
		"textDocument/documentHighlight", "textDocument/references",
	}

	var wg sync.WaitGroup
	for _, method := range methods {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				params := map[string]any{
					"textDocument": c.DocID("compose.yaml"),
					"position":     map[string]any{"line": 5, "character": 15},
					"context":      map[string]any{"includeDeclaration": true},
				}
				if err := c.Call(method, params, nil); err != nil {
					t.Errorf("%s during edits: %v", method, err)
					return
				}
			}
		}()
	}
	for i := range 20 {
		c.Replace("compose.yaml", "mariadb:1", fmt.Sprintf("mariadb:1%d", i%10))
	}
	wg.Wait()

	c.Diagnostics("compose.yaml") // fails the test unless the last version is published
}
