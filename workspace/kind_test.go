package workspace_test

import (
	"testing"

	"github.com/stackls/stackls/workspace"
)

func TestDetectKindByName(t *testing.T) {
	tests := []struct {
		path string
		want workspace.Kind
	}{
		{"srcs/.env", workspace.KindDotEnv},
		{".env.example", workspace.KindDotEnv},
		{".env.local", workspace.KindDotEnv},
		{"db.env", workspace.KindDotEnv},
		{"patches/.env.patch", workspace.KindUnknown},
		{".env.diff", workspace.KindUnknown},
		{".env.gpg", workspace.KindUnknown},
		{".env.sh", workspace.KindShell},
		{".env.json", workspace.KindUnknown},
		{"docker-compose.yml", workspace.KindCompose},
		{"compose.override.yaml", workspace.KindCompose},
		{"Makefile", workspace.KindMakefile},
		{"conf/www.conf", workspace.KindConfig},
	}
	for _, tt := range tests {
		if got := workspace.DetectKind(tt.path, "", nil); got != tt.want {
			t.Errorf("DetectKind(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
