package diagnostics

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// describeDiagnostics renders diagnostics as "line:col-line:col severity
// code: message" with 0-based UTF-16 positions.
func describeDiagnostics(t *testing.T, content []byte, diags []*Diagnostic) []string {
	t.Helper()
	m := position.NewMapper(content)
	var out []string
	for _, d := range diags {
		rng, err := m.SpanRange(d.Span, position.UTF16)
		if err != nil {
			t.Fatalf("diagnostic Span %v: %v", d.Span, err)
		}
		out = append(out, fmt.Sprintf("%d:%d-%d:%d %s %s: %s", rng.Start.Line, rng.Start.Character, rng.End.Line, rng.End.Character, d.Severity, d.Code, d.Message))
	}
	return out
}

func TestShellDialectDiagnostics(t *testing.T) {
	const body = "set -eu\nif [[ \"${APP_ENV:-prod}\" == \"dev\" ]]; then\n  echo \"dev mode\"\nfi\nexec \"$@\"\n"
	const direct, viaShell = `["/usr/local/bin/entrypoint.sh"]`, `["sh", "/usr/local/bin/entrypoint.sh"]`
	tests := []struct {
		name       string
		script     string
		entrypoint string
		want       []string // "{image}" stands for the Dockerfile's folder and name
	}{
		{"sh", "#!/bin/sh\n" + body, direct, []string{
			"2:3-2:5 warning ShellDialect: `[[ ]]` is a bash test, not POSIX sh; use `[ ]` or a bash shebang",
			"2:25-2:27 warning ShellDialect: `==` in a test is a bash extension, not POSIX sh; use `=`",
		}},
		{"bash", "#!/bin/bash\n" + body, direct, nil},
		// The kernel runs the script: without "#!" it fails with "exec
		// format error", and testws writes it without the executable bit.
		{"no shebang", body, direct, []string{
			"1:3-1:5 warning ShellDialect: `[[ ]]` is a bash test, not POSIX sh; use `[ ]` or a bash shebang",
			"1:25-1:27 warning ShellDialect: `==` in a test is a bash extension, not POSIX sh; use `=`",
			"0:0-0:7 error ShebangMissing: the script has no `#!` line, but the image of `{image}` runs it directly, so the container fails with \"exec format error\"; add `#!/bin/sh` as its first line",
			"0:0-0:7 warning ScriptNotExecutable: the image of `{image}` runs `/usr/local/bin/entrypoint.sh` directly, but the file is not executable on disk and no `COPY --chmod` or `RUN chmod` makes it so, so the container fails with \"permission denied\"; add `--chmod=755` to the COPY or run `chmod +x` on the file",
		}},
		// sh reads the script, so it needs neither "#!" nor the bit.
		{"no shebang read by sh", body, viaShell, []string{
			"1:3-1:5 warning ShellDialect: `[[ ]]` is a bash test, not POSIX sh; use `[ ]` or a bash shebang",
			"1:25-1:27 warning ShellDialect: `==` in a test is a bash extension, not POSIX sh; use `=`",
		}},
		{"syntax error", "#!/bin/sh\nif true; then\n  echo é😀 \"unterminated\n", direct, []string{
			"2:11-2:24 error ShellSyntax: reached EOF without closing quote `\"` (parsed as POSIX sh)",
		}},
		{"missing fi in bash", "#!/usr/bin/env bash\nif true; then\n  echo\n", direct, []string{
			"1:0-1:2 error ShellSyntax: `if` statement must end with `fi` (parsed as bash)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := testws.New(t, "-- docker/entrypoint.sh --\n"+tt.script+"-- Dockerfile --\nFROM alpine:3.20\nCOPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT "+tt.entrypoint+"\n")
			uri := ws.URI("docker/entrypoint.sh")
			got := describeDiagnostics(t, ws.Content("docker/entrypoint.sh"), shellDiagnostics(context.Background(), ws.Snapshot(), ws.Snapshot().File(uri)))
			want := strings.ReplaceAll(strings.Join(tt.want, "\n"), "{image}", filepath.Base(ws.Root)+"/Dockerfile")
			if strings.Join(got, "\n") != want {
				t.Errorf("script %q\ngot\n  %s\nwant\n  %s", tt.script, strings.Join(got, "\n  "), strings.ReplaceAll(want, "\n", "\n  "))
			}
		})
	}
}

// unknownHostArchive names services wrongly in a script and a config file.
const unknownHostArchive = `
-- compose.yaml --
services:
  mariadb:
    image: mariadb:11
  app:
    build: .
-- Dockerfile --
FROM alpine:3.20
COPY run.sh /run.sh
COPY app.conf /etc/app.conf
ENTRYPOINT ["/run.sh"]
-- run.sh --
#!/bin/sh
echo 'é😀'; nc -z «typo»mariadbb 3306
nc -z localhost 3306
nc -z example.com 443
mysqladmin ping -h «ok»mariadb
-- app.conf --
db_host = «conf»maraidb
`

func TestUnknownHostDiagnostics(t *testing.T) {
	ws := testws.New(t, unknownHostArchive)
	snap := ws.Snapshot()
	tests := []struct {
		file, marker, word, want string
	}{
		{"run.sh", "typo", "mariadbb", "`mariadbb` is not a service; did you mean `mariadb`?"},
		{"app.conf", "conf", "maraidb", "`maraidb` is not a service; did you mean `mariadb`?"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			uri, offset := ws.Marker(tt.marker)
			diags := File(context.Background(), snap, uri)
			if len(diags) != 1 {
				t.Fatalf("%s: %d diagnostics, want 1: %v", tt.file, len(diags), describeDiagnostics(t, ws.Content(tt.file), diags))
			}
			d := diags[0]
			span := position.Span{Start: offset, End: offset + len(tt.word)}
			if d.Span != span || d.Message != tt.want || d.Code != "UnknownHost" || d.Severity != Warning {
				t.Errorf("%s: got %v %s %v %q, want %v UnknownHost warning %q", tt.file, d.Span, d.Code, d.Severity, d.Message, span, tt.want)
			}
			if len(d.Fixes) != 1 || len(d.Fixes[0].Edits[uri]) != 1 {
				t.Fatalf("%s: fixes = %+v, want one edit", tt.file, d.Fixes)
			}
			if edit := d.Fixes[0].Edits[uri][0]; edit.Span != span || edit.NewText != "mariadb" {
				t.Errorf("%s: fix edit = %+v, want mariadb at %v", tt.file, edit, span)
			}
		})
	}
}

func TestShellDiagnosticsCRLFAndBOM(t *testing.T) {
	script := "\ufeff#!/bin/sh\nset -e\nnc -z mariadb 3306\nexec \"$@\"\n"
	ws := testws.New(t, "-- compose.yaml --\nservices:\n  mariadb:\n    image: mariadb:11\n-- entrypoint.sh --\n"+script, testws.WithCRLF("entrypoint.sh"))
	uri := ws.URI("entrypoint.sh")
	for _, d := range shellDiagnostics(context.Background(), ws.Snapshot(), ws.Snapshot().File(uri)) {
		if d.Code == ruleShellSyntax.Name || d.Code == ruleShellDialect.Name || d.Code == ruleUnknownHost.Name {
			t.Errorf("unexpected diagnostic at %v: %s", d.Span, d.Message)
		}
	}
}
