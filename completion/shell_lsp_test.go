package completion_test

import (
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/internal/testws"
)

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
		c := lsptest.New(t, testws.Example(t, tt.example, tt.old, tt.new))
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
