package shell

import (
	"fmt"
	"strings"
	"testing"
)

// entrypointScript returns a POSIX entrypoint script of one 40-line block
// per function. Each function waits for a host in an until loop, reads a
// command substitution, runs a case on its argument and writes two
// heredocs. It ends with exec "$@".
func entrypointScript(functionCount int) string {
	var b strings.Builder
	b.WriteString("#!/bin/sh\nset -eu\n")
	for i := 0; i < functionCount; i++ {
		fmt.Fprintf(&b, `
setup_%[1]d() {
    host="${DB%[1]d_HOST:-db%[1]d}"
    port="${DB%[1]d_PORT:-3306}"
    tries=0
    until nc -z "$host" "$port"; do
        tries=$((tries + 1))
        if [ "$tries" -ge 30 ]; then
            echo "db%[1]d: port $port still closed after $tries tries" >&2
            return 1
        fi
        sleep 1
    done
    version="$(mysql -h "$host" -P "$port" -N -e 'SELECT VERSION()' 2>/dev/null || echo unknown)"
    case "$1" in
        start|up)
            mode=primary
            ;;
        replica-*)
            mode="replica ${1#replica-}"
            ;;
        *)
            echo "setup_%[1]d: unknown command $1" >&2
            return 2
            ;;
    esac
    mkdir -p "/etc/app/db%[1]d" && cat > "/etc/app/db%[1]d/client.cnf" <<EOF
[client]
host = $host
port = $port
# server $version, $mode
user = ${DB_USER:-app}
EOF
    cat > "/etc/app/db%[1]d/README" <<'EOF'
Written by the entrypoint; $host is not expanded here.
EOF
    export DB%[1]d_READY=1
    printf '%%s\n' "db%[1]d ready: $(date -u +%%FT%%TZ)"
}
setup_%[1]d "${DB%[1]d_MODE:-start}"
`, i)
	}
	b.WriteString("exec \"$@\"\n")
	return b.String()
}

// BenchmarkParse measures Parse on a 2,000-line POSIX entrypoint script of
// 50 functions with loops, case, heredocs and command substitutions.
func BenchmarkParse(b *testing.B) {
	content := []byte(entrypointScript(50))
	if lines := strings.Count(string(content), "\n"); lines < 1900 || lines > 2100 {
		b.Fatalf("the script has %d lines, want about 2,000", lines)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		f := Parse(content, POSIX)
		if len(f.Functions) != 50 || len(f.Heredocs) != 100 || len(f.Errors) != 0 {
			b.Fatalf("parsed %d functions, %d heredocs and %d errors (first %v), want 50, 100 and 0",
				len(f.Functions), len(f.Heredocs), len(f.Errors), f.Errors)
		}
	}
}
