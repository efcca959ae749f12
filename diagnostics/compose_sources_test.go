package diagnostics_test

import "testing"

func TestComposeResourceSources(t *testing.T) {
	runComposeDiagCases(t, []composeDiagCase{
		{
			name:    "config without a source",
			file:    "compose.yaml",
			crlf:    true,
			archive: "-- compose.yaml --\n\ufeffservices:\n  web: # é\n    image: nginx\n    configs: [crontab]\nconfigs:\n  «key»crontab: {}\n",
			want:    []wantDiag{{"InvalidConfigSource", "key", "crontab", "config `crontab` has no source; set one of `file`, `environment`, `content`, or `external: true`"}},
		},
		{
			name:    "secret with two sources",
			file:    "compose.yaml",
			archive: "-- compose.yaml --\nservices:\n  web:\n    image: nginx\n    secrets: [db]\nsecrets:\n  db:\n    file: ./db.txt\n    «env»environment: DB_PASSWORD\n-- db.txt --\nx\n",
			want:    []wantDiag{{"InvalidSecretSource", "env", "environment", "secret `db` sets both `file` and `environment`; keep only one of `file`, `environment`"}},
		},
		{
			name:    "external, driver, merged and single sources are fine",
			file:    "compose.yaml",
			archive: "-- compose.yaml --\nx-src: &src\n  content: hello\nservices:\n  web:\n    image: nginx\n    configs: [a, c, d]\n    secrets: [s, t]\nconfigs:\n  a:\n    external: true\n  c:\n    <<: *src\n  d:\n    environment: D\nsecrets:\n  s:\n    file: ./s.txt\n  t:\n    driver: custom\n-- s.txt --\nx\n",
		},
	})
}
