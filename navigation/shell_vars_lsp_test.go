package navigation_test

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// secretsExample returns the secrets-shared-script example with markers:
// «role» on $ROLE and «secret» in /run/secrets/db_password of the script,
// «tpl» on ${ROLE} of the template, «dbkey» on the db service key, and
// «apirole» and «workerrole» where the services set ROLE.
func secretsExample(t *testing.T) string {
	archive := testws.Example(t, "secrets-shared-script")
	archive = mark(t, archive, `case "$ROLE" in`, "ROLE", "role")
	archive = mark(t, archive, "DB_PASSWORD=$(cat /run/secrets/db_password)", "db_password)", "secret")
	archive = mark(t, archive, "role = ${ROLE}", "ROLE", "tpl")
	archive = mark(t, archive, "  db:\n    image: postgres", "db", "dbkey")
	archive = mark(t, archive, "      ROLE: api", "ROLE", "apirole")
	archive = mark(t, archive, "ROLE=worker", "ROLE", "workerrole")
	archive = mark(t, archive, "secrets:\n  db_password:\n", "db_password", "secretdecl")
	archive = mark(t, archive, "until nc -z db 5432", "db", "nc")
	return archive
}

func TestSharedScriptDefinitionOverLSP(t *testing.T) {
	c := lsptest.New(t, secretsExample(t))
	role := []lsptest.Loc{markerLoc(c, "apirole", "ROLE"), markerLoc(c, "workerrole", "ROLE")}
	tests := []struct {
		marker string
		want   []lsptest.Loc
	}{
		{"role", role},
		{"tpl", role},
		{"secret", []lsptest.Loc{markerLoc(c, "secretdecl", "db_password")}},
		{"nc", []lsptest.Loc{markerLoc(c, "dbkey", "db")}},
	}
	for _, tt := range tests {
		if got := sortLocs(c.Definition(tt.marker)); !reflect.DeepEqual(got, sortLocs(tt.want)) {
			t.Errorf("definition at «%s» in %s = %v, want %v", tt.marker, c.WS.MarkerFile(tt.marker), got, tt.want)
		}
	}
}

func TestSharedScriptReferencesOverLSP(t *testing.T) {
	c := lsptest.New(t, secretsExample(t))
	got := c.References("role", false)
	var paths []string
	for _, loc := range got {
		if text := string(c.Content(loc.Path)[loc.Span.Start:loc.Span.End]); text != "ROLE" {
			t.Errorf("reference %v holds %q, want ROLE", loc, text)
		}
		paths = append(paths, loc.Path)
	}
	want := []string{"app/app.conf.template", "app/docker-entrypoint.sh"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("references of $ROLE are in %v, want %v", paths, want)
	}
	withDecl := c.References("role", true)
	if !containsLoc(withDecl, markerLoc(c, "apirole", "ROLE")) || !containsLoc(withDecl, markerLoc(c, "workerrole", "ROLE")) {
		t.Errorf("references with declarations %v lack the compose and env_file entries", withDecl)
	}
}

func containsLoc(list []lsptest.Loc, loc lsptest.Loc) bool {
	for _, l := range list {
		if l == loc {
			return true
		}
	}
	return false
}

// TestServiceRenameOverLSP renames the db service from its key: one edit
// covers the compose file, the env_file, the script, the config template
// and the Makefile, and replaces only whole "db" tokens.
func TestServiceRenameOverLSP(t *testing.T) {
	c := lsptest.New(t, secretsExample(t))
	edits := c.Rename("dbkey", "postgres")
	counts := map[string]int{}
	for path, list := range edits {
		content := c.Content(path)
		for _, e := range list {
			if old := string(content[e.Span.Start:e.Span.End]); old != "db" || e.NewText != "postgres" {
				t.Errorf("%s: edit %v replaces %q with %q, want db with postgres", path, e.Span, old, e.NewText)
			}
			before, after := byte(' '), byte(' ')
			if e.Span.Start > 0 {
				before = content[e.Span.Start-1]
			}
			if e.Span.End < len(content) {
				after = content[e.Span.End]
			}
			if isWordByte(before) || isWordByte(after) {
				t.Errorf("%s: edit at %v is inside a longer word %q", path, e.Span, content[max(0, e.Span.Start-5):min(len(content), e.Span.End+5)])
			}
		}
		counts[path] = len(list)
	}
	want := map[string]int{
		"compose.yaml":             4, // the key, two depends_on entries, DB_HOST: db
		"worker.env":               1,
		"app/docker-entrypoint.sh": 1,
		"app/app.conf.template":    1,
		"Makefile":                 1,
	}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("edits per file = %v, want %v", counts, want)
	}

	script := c.Content("app/docker-entrypoint.sh")
	renamed, err := position.ApplyEdits(script, edits["app/docker-entrypoint.sh"])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(renamed), "nc -z postgres 5432") || !strings.Contains(string(renamed), "/run/secrets/db_password") || !strings.Contains(string(renamed), "$DB_HOST") {
		t.Errorf("renamed script:\n%s", renamed)
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b == '-' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// TestInceptionVariablesOverLSP follows DOMAIN_NAME from the nginx
// entrypoint and its template to compose and .env.
func TestInceptionVariablesOverLSP(t *testing.T) {
	archive := testws.Example(t, "inception")
	archive = mark(t, archive, `-subj "/CN=$DOMAIN_NAME"`, "DOMAIN_NAME", "script")
	archive = mark(t, archive, "server_name ${DOMAIN_NAME};", "DOMAIN_NAME", "tpl")
	archive = mark(t, archive, "      DOMAIN_NAME: ${DOMAIN_NAME}", "DOMAIN_NAME", "key")
	archive = mark(t, archive, "DOMAIN_NAME=login.42.fr", "DOMAIN_NAME", "env")
	c := lsptest.New(t, archive)
	want := []lsptest.Loc{markerLoc(c, "key", "DOMAIN_NAME"), markerLoc(c, "env", "DOMAIN_NAME")}
	for _, marker := range []string{"script", "tpl"} {
		if got := c.Definition(marker); !reflect.DeepEqual(got, want) {
			t.Errorf("definition at «%s» = %v, want %v", marker, got, want)
		}
	}
	refs := c.References("script", false)
	files := map[string]int{}
	for _, loc := range refs {
		files[loc.Path]++
	}
	if files["srcs/requirements/nginx/tools/entrypoint.sh"] != 4 || files["srcs/requirements/nginx/conf/wordpress.conf.template"] != 4 {
		t.Errorf("references of DOMAIN_NAME by file = %v, want 4 in the entrypoint and 4 in the template, its comment included", files)
	}
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) != 2 {
		t.Errorf("references of DOMAIN_NAME in files %v, want the nginx entrypoint and template only", keys)
	}
}

// TestEntrypointPathDefinitionOverLSP goes from the ENTRYPOINT path of a
// Dockerfile to the script that the COPY above puts there, and checks the
// dialect warnings of a "#!/bin/sh" script that uses bash tests.
func TestEntrypointPathDefinitionOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- docker/entrypoint.sh --
#!/bin/sh
set -eu
if [[ "${APP_ENV:-prod}" == "dev" ]]; then
  echo "dev mode"
fi
exec "$@"
-- Dockerfile --
FROM alpine:3.20
COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["/«path»usr/local/bin/entrypoint.sh"]
`)
	want := []lsptest.Loc{{Path: "docker/entrypoint.sh", Span: position.Span{}}}
	if got := c.Definition("path"); !reflect.DeepEqual(got, want) {
		t.Errorf("definition of the ENTRYPOINT path = %v, want %v", got, want)
	}
	c.Open("docker/entrypoint.sh")
	var codes []string
	for _, d := range c.Diagnostics("docker/entrypoint.sh") {
		codes = append(codes, d.Code)
	}
	if strings.Join(codes, " ") != "ShellDialect ShellDialect" {
		t.Errorf("diagnostics of the sh script = %v, want two ShellDialect warnings", codes)
	}
	c.Replace("docker/entrypoint.sh", "#!/bin/sh", "#!/bin/bash")
	if got := c.Diagnostics("docker/entrypoint.sh"); len(got) != 0 {
		t.Errorf("diagnostics of the bash script = %v, want none", got)
	}
}

// TestScriptWithoutExtensionOverLSP follows POLL_INTERVAL from the
// client's entrypoint, a script without an extension, to compose.yaml.
func TestScriptWithoutExtensionOverLSP(t *testing.T) {
	archive := testws.Example(t, "python-client-server")
	archive = mark(t, archive, `"${POLL_INTERVAL:-10}"`, "POLL_INTERVAL", "use")
	archive = mark(t, archive, `POLL_INTERVAL: "10"`, "POLL_INTERVAL", "key")
	c := lsptest.New(t, archive)
	want := []lsptest.Loc{markerLoc(c, "key", "POLL_INTERVAL")}
	if got := c.Definition("use"); !reflect.DeepEqual(got, want) {
		t.Errorf("definition of POLL_INTERVAL = %v, want %v", got, want)
	}
	refs := c.References("use", true)
	if len(refs) != 2 || refs[0].Path != "client/entrypoint" || refs[1] != want[0] {
		t.Errorf("references of POLL_INTERVAL = %v, want the use and the compose key", refs)
	}
}

// TestInceptionServiceRenameOverLSP renames mariadb from its key: the
// Makefile's "logs" argument changes with the compose file, the scripts
// and the .env value, and every edit replaces a whole "mariadb".
func TestInceptionServiceRenameOverLSP(t *testing.T) {
	archive := mark(t, testws.Example(t, "inception"), "  mariadb:\n    container_name", "mariadb", "key")
	c := lsptest.New(t, archive)
	edits := c.Rename("key", "database")
	for _, path := range []string{"Makefile", "srcs/docker-compose.yml", "srcs/.env", "srcs/requirements/wordpress/tools/entrypoint.sh"} {
		if len(edits[path]) == 0 {
			t.Errorf("the rename does not edit %s: %v", path, edits)
		}
	}
	for path, list := range edits {
		content := c.Content(path)
		for _, e := range list {
			if old := string(content[e.Span.Start:e.Span.End]); old != "mariadb" {
				t.Errorf("%s: edit %v replaces %q, want mariadb", path, e.Span, old)
			}
		}
	}
	makefile, err := position.ApplyEdits(c.Content("Makefile"), edits["Makefile"])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(makefile), "logs -f nginx wordpress database") || !strings.Contains(string(makefile), "$(DATA_DIR)/mariadb") {
		t.Errorf("renamed Makefile:\n%s", makefile)
	}
}
