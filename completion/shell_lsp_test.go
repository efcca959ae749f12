package completion_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

// secretsScriptArchive returns the secrets-shared-script example with
// «dollar» after the "$" of "$ROLE" and «secret» after /run/secrets/ in
// its entrypoint.
func secretsScriptArchive(t *testing.T) string {
	t.Helper()
	root := filepath.Join("..", "examples", "secrets-shared-script")
	var b strings.Builder
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "README.md" {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		b.WriteString("-- " + filepath.ToSlash(rel) + " --\n")
		b.Write(content)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	archive := strings.Replace(b.String(), `case "$ROLE" in`, `case "$«dollar»ROLE" in`, 1)
	return strings.Replace(archive, "DB_PASSWORD=$(cat /run/secrets/db_password)", "DB_PASSWORD=$(cat /run/secrets/«secret»db_password)", 1)
}

func TestShellCompletionOverLSP(t *testing.T) {
	c := lsptest.New(t, secretsScriptArchive(t))
	c.Open("app/docker-entrypoint.sh")
	tests := []struct {
		marker string
		want   []string
	}{
		{"dollar", []string{"ROLE", "QUEUE", "APP_PORT", "DB_HOST", "DB_NAME", "DB_PASSWORD", "tries", "HOME"}},
		{"secret", []string{"db_password"}},
	}
	for _, tt := range tests {
		labels := lsptest.Labels(c.Completion(tt.marker))
		have := map[string]bool{}
		for _, l := range labels {
			have[l] = true
		}
		for _, want := range tt.want {
			if !have[want] {
				t.Errorf("completion at «%s» = %v, lacks %s", tt.marker, labels, want)
			}
		}
	}
}
