package dotenv

import (
	"fmt"
	"strings"
	"testing"
)

// envFile returns a .env file of one block of 20 lines and 14 entries per
// group. A block has comments, plain, single- and double-quoted values,
// export, "${VAR}" references to earlier keys, an inline comment, escapes,
// an inherited key and a double-quoted value over three lines.
func envFile(groupCount int) string {
	var b strings.Builder
	for i := 0; i < groupCount; i++ {
		fmt.Fprintf(&b, `# Service %[1]d: database and cache settings.
DB%[1]d_HOST=db%[1]d
DB%[1]d_PORT=3306
export DB%[1]d_USER='app_%[1]d'
DB%[1]d_PASSWORD="s3cr3t-%[1]d with spaces"
DB%[1]d_URL=mysql://${DB%[1]d_USER}:${DB%[1]d_PASSWORD}@${DB%[1]d_HOST}:${DB%[1]d_PORT}/app
CACHE%[1]d_URL=redis://cache%[1]d:6379/0 # the cache of service %[1]d
LOG%[1]d_FORMAT="{\"level\":\"info\",\"service\":%[1]d}\n"
export FEATURE%[1]d_FLAGS=a,b,c
TZ%[1]d = Europe/Paris
INHERITED%[1]d
TLS%[1]d_CERT="-----BEGIN CERTIFICATE-----
MIIB%[1]dIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA
-----END CERTIFICATE-----"

# Timeouts in seconds.
TIMEOUT%[1]d=${TIMEOUT:-30}
RETRIES%[1]d=${RETRIES%[1]d:-5}
EMPTY%[1]d=

`, i)
	}
	return b.String()
}

// BenchmarkParse measures Parse on a 2,000-line .env file of 1,400
// entries with quotes, comments, export, references and multi-line values.
func BenchmarkParse(b *testing.B) {
	content := []byte(envFile(100))
	if lines := strings.Count(string(content), "\n"); lines < 1900 || lines > 2100 {
		b.Fatalf("the .env file has %d lines, want about 2,000", lines)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		f := Parse(content)
		if len(f.Entries) != 1400 || len(f.Errors) != 0 {
			b.Fatalf("parsed %d entries and %d errors (first %v), want 1400 and 0", len(f.Entries), len(f.Errors), f.Errors)
		}
	}
}
