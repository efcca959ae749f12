package workspace

import "testing"

func TestLooksSecret(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"DB_PASSWORD", true},
		{"db_passwd", true},
		{"PASS", true},
		{"MYSQL_ROOT_PASSWORD", true},
		{"api_key", true},
		{"AWS_ACCESS_KEY_ID", true},
		{"GH_TOKEN", true},
		{"AWS_SECRET_ACCESS_KEY", true},
		{"GOOGLE_APPLICATION_CREDENTIALS", true},
		{"Credential", true},
		{"TAG", false},
		{"GREETING", false},
		{"DB_HOST", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := LooksSecret(tt.name); got != tt.want {
			t.Errorf("LooksSecret(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
