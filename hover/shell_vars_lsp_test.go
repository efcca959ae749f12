package hover_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

// markedExample returns the files of a folder of examples/ as an archive,
// with a marker «name» put before word in the only occurrence of around,
// for each {around, word, name} triple.
func markedExample(t *testing.T, name string, marks ...[3]string) string {
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
	for _, m := range marks {
		around, word, marker := m[0], m[1], m[2]
		if n := strings.Count(archive, around); n != 1 {
			t.Fatalf("%q occurs %d times in %s, want once", around, n, name)
		}
		i := strings.Index(around, word)
		archive = strings.Replace(archive, around, around[:i]+"«"+marker+"»"+around[i:], 1)
	}
	return archive
}

func TestExampleVariableHoverOverLSP(t *testing.T) {
	tests := []struct {
		example  string
		mark     [3]string
		span     string
		contains []string
		excludes []string
	}{
		{"secrets-shared-script", [3]string{`case "$ROLE" in`, "ROLE", "m"}, "ROLE", []string{
			"- service `api`: `api`, from compose `environment` at `compose.yaml:7`",
			"- service `worker`: `worker`, from `env_file` at `worker.env:2`",
		}, nil},
		{"secrets-shared-script", [3]string{"DB_PASSWORD=$(cat", "DB_PASSWORD", "m"}, "DB_PASSWORD", []string{
			"set in this script at line 7 (value hidden: the name looks like a secret)",
		}, []string{"change-me", "$(cat"}},
		{"secrets-shared-script", [3]string{"DB_PASSWORD=$(cat /run/secrets/db_password)", "db_password)", "m"}, "db_password", []string{
			"- service `api`: secret `db_password` declared at `compose.yaml:36`, from the file `secrets/db_password.txt`",
			"- service `worker`: secret `db_password` declared at `compose.yaml:36`",
		}, []string{"change-me"}},
		{"secrets-shared-script", [3]string{"\nwait_for_db\n", "wait_for_db", "m"}, "wait_for_db", []string{
			"**function `wait_for_db`** defined at line 11, called 1 time", "Waits up to 60 seconds for PostgreSQL to accept connections.",
		}, nil},
		{"secrets-shared-script", [3]string{"role = ${ROLE}", "ROLE", "m"}, "ROLE", []string{
			"**`ROLE`** in an envsubst-style template", "- service `worker`: `worker`",
		}, nil},
		{"secrets-shared-script", [3]string{"  api:\n    build: app", "api", "m"}, "api", []string{
			"**How `api` runs**", "1. started by `make up` at `Makefile:9`",
			"4. entrypoint `app/docker-entrypoint.sh` as `/usr/local/bin/docker-entrypoint.sh` (`app/Dockerfile:12`), then command `app/app.sh` as `/usr/local/bin/app` (`app/Dockerfile:13`)",
			"8. secrets: `/run/secrets/db_password`",
		}, nil},
		{"inception", [3]string{`-subj "/CN=$DOMAIN_NAME"`, "DOMAIN_NAME", "m"}, "DOMAIN_NAME", []string{
			"- service `nginx`: `login.42.fr`, from compose `environment` at `srcs/docker-compose.yml:10` (`${DOMAIN_NAME}` read from `srcs/.env:3`)",
		}, nil},
		{"inception", [3]string{`--dbpass="$MYSQL_PASSWORD"`, "MYSQL_PASSWORD", "m"}, "MYSQL_PASSWORD", []string{
			"- service `wordpress`: set (value hidden: the name looks like a secret), from `env_file` at `srcs/.env:8`",
		}, []string{"change-me"}},
		{"python-client-server", [3]string{`"${POLL_INTERVAL:-10}"`, "POLL_INTERVAL", "m"}, "POLL_INTERVAL", []string{
			"- service `python_client`: `10`, from compose `environment` at `compose.yaml:16`",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.example+"/"+tt.span, func(t *testing.T) {
			c := lsptest.New(t, markedExample(t, tt.example, tt.mark))
			got := c.Hover("m")
			if got == nil {
				t.Fatal("no hover")
			}
			content := c.Content(c.WS.MarkerFile("m"))
			if text := string(content[got.Span.Start:got.Span.End]); text != tt.span {
				t.Errorf("hover spans %q, want %q", text, tt.span)
			}
			for _, part := range tt.contains {
				if !strings.Contains(got.Markdown, part) {
					t.Errorf("hover lacks %q:\n%s", part, got.Markdown)
				}
			}
			for _, part := range tt.excludes {
				if strings.Contains(got.Markdown, part) {
					t.Errorf("hover must not hold %q:\n%s", part, got.Markdown)
				}
			}
		})
	}
}
