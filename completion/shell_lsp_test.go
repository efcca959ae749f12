package completion_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

// exampleWithMarks returns the files of a folder of examples/ as an
// archive, with each old text replaced by its new one, which adds markers.
func exampleWithMarks(t *testing.T, name string, replacements ...string) string {
	t.Helper()
	root := filepath.Join("..", "examples", name)
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
	archive := b.String()
	for i := 0; i+1 < len(replacements); i += 2 {
		if strings.Count(archive, replacements[i]) != 1 {
			t.Fatalf("%q does not occur once in %s", replacements[i], name)
		}
		archive = strings.Replace(archive, replacements[i], replacements[i+1], 1)
	}
	return archive
}

func TestShellCompletionOverLSP(t *testing.T) {
	tests := []struct {
		example, script, old, new string // new puts the marker «m» in the script
		want                      []string
	}{
		{"secrets-shared-script", "app/docker-entrypoint.sh", `case "$ROLE" in`, `case "$«m»ROLE" in`,
			[]string{"ROLE", "QUEUE", "APP_PORT", "DB_HOST", "DB_NAME", "DB_PASSWORD", "tries", "HOME"}},
		{"secrets-shared-script", "app/docker-entrypoint.sh", "DB_PASSWORD=$(cat /run/secrets/db_password)", "DB_PASSWORD=$(cat /run/secrets/«m»db_password)",
			[]string{"db_password"}},
		{"inception", "srcs/requirements/wordpress/tools/entrypoint.sh", `-u "$MYSQL_USER"`, `-u "$«m»MYSQL_USER"`,
			[]string{"MYSQL_USER", "MYSQL_PASSWORD", "WORDPRESS_DB_HOST", "tries"}},
		{"python-client-server", "client/entrypoint", `"${POLL_INTERVAL:-10}"`, `"${«m»POLL_INTERVAL:-10}"`,
			[]string{"POLL_INTERVAL", "HOSTNAME"}},
	}
	for _, tt := range tests {
		c := lsptest.New(t, exampleWithMarks(t, tt.example, tt.old, tt.new))
		c.Open(tt.script)
		labels := lsptest.Labels(c.Completion("m"))
		have := map[string]bool{}
		for _, l := range labels {
			have[l] = true
		}
		for _, want := range tt.want {
			if !have[want] {
				t.Errorf("completion in %s at %q = %v, lacks %s", tt.script, tt.new, labels, want)
			}
		}
	}
}
