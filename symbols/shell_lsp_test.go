package symbols_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestShellOutlineOverLSP(t *testing.T) {
	content, err := os.ReadFile(filepath.Join("..", "examples", "secrets-shared-script", "app", "docker-entrypoint.sh"))
	if err != nil {
		t.Fatal(err)
	}
	c := lsptest.New(t, "-- docker-entrypoint.sh --\n"+string(content))
	var names []string
	for _, s := range c.Symbols("docker-entrypoint.sh") {
		names = append(names, s.Name)
		if text := string(c.Content("docker-entrypoint.sh")[s.Selection.Start:s.Selection.End]); text != s.Name {
			t.Errorf("symbol %s selects %q", s.Name, text)
		}
	}
	if got := strings.Join(names, " "); got != "DB_PASSWORD wait_for_db" {
		t.Errorf("outline = %s, want DB_PASSWORD wait_for_db", got)
	}

	var folds []string
	for _, r := range c.Folding("docker-entrypoint.sh") {
		folds = append(folds, fmt.Sprintf("%s:%d-%d", r.Kind, r.StartLine, r.EndLine))
	}
	want := ":10-19 :12-18 :14-16 :22-24 comment:1-3"
	if got := strings.Join(folds, " "); got != want {
		t.Errorf("folding ranges = %s, want %s", got, want)
	}

	found := false
	for _, s := range c.WorkspaceSymbols("wait_for") {
		found = found || s.Name == "wait_for_db"
	}
	if !found {
		t.Errorf("workspace symbols for wait_for lack wait_for_db: %+v", c.WorkspaceSymbols("wait_for"))
	}
}
