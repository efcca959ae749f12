package completion_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestComposeCompletionOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- .env --
TAG=1.27
-- compose.yaml --
services:
  web:
    image: nginx:${«var»}
    restart: «restart»
    depends_on:
      - cache
      - «dep»
  db:
    image: postgres
  cache:
    image: redis
«top»
-- one/compose.yaml --
 «space»`)
	tests := []struct {
		marker string
		want   []string
	}{
		{"var", []string{"TAG"}},
		{"restart", []string{"no", "always", "on-failure", "unless-stopped"}},
		{"dep", []string{"db"}},
	}
	for _, tt := range tests {
		if got := lsptest.Labels(c.Completion(tt.marker)); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("completion at «%s» = %v, want %v", tt.marker, got, tt.want)
		}
	}
	for _, marker := range []string{"top", "space"} {
		got := strings.Join(lsptest.Labels(c.Completion(marker)), " ")
		if !strings.Contains(got, "include") || !strings.Contains(got, "name") {
			t.Errorf("completion at «%s» = %q, want top-level keys", marker, got)
		}
	}
}
