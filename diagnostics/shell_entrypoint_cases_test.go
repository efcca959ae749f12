package diagnostics

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// crlfDockerfile runs /entrypoint.sh from an Alpine image.
const crlfDockerfile = "-- Dockerfile --\nFROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n"

func TestEntrypointCRLF(t *testing.T) {
	tests := []struct {
		name   string
		script string
		crlf   bool
		want   []string
	}{
		{"crlf", "#!/bin/sh\nset -e\nexec \"$@\"\n", true, []string{
			"0:0-0:9 error CrlfLineEndings: the file has CRLF line endings, so the kernel will look for `/bin/sh\\r` and the container fails with \"bad interpreter: No such file or directory\"; save it with LF line endings",
		}},
		{"lf control", "#!/bin/sh\nset -e\nexec \"$@\"\n", false, nil},
		{"crlf suppressed", "#!/bin/sh\n# stackls-ignore CrlfLineEndings\nset -e\nexec \"$@\"\n", true, nil},
		{"other rule suppressed", "#!/bin/sh\n# stackls-ignore ShebangMissing\nset -e\n", true, []string{
			"0:0-0:9 error CrlfLineEndings: the file has CRLF line endings, so the kernel will look for `/bin/sh\\r` and the container fails with \"bad interpreter: No such file or directory\"; save it with LF line endings",
		}},
		{"crlf with argument", "#!/bin/sh -eu\nexec \"$@\"\n", true, []string{
			"0:0-0:13 error CrlfLineEndings: the file has CRLF line endings, so the kernel passes `-eu\\r` to `/bin/sh` and the script fails at its first line; save it with LF line endings",
		}},
		{"crlf with bom and no shebang", "\ufeffset -e\n", true, []string{
			"0:1-0:7 error CrlfLineEndings: the file has CRLF line endings, so the shell reads a carriage return at the end of every line (`set -e\\r` fails); save it with LF line endings",
			"0:1-0:7 warning ScriptNotExecutable: the image of `001/Dockerfile` runs `/entrypoint.sh` directly, but the file is not executable on disk and no `COPY --chmod` or `RUN chmod` makes it so, so the container fails with \"permission denied\"; add `--chmod=755` to the COPY or run `chmod +x` on the file",
			"0:1-0:7 error ShebangMissing: the script has no `#!` line, but the image of `001/Dockerfile` runs it directly, so the container fails with \"exec format error\"; add `#!/bin/sh` as its first line",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []testws.Option
			if tt.crlf {
				opts = append(opts, testws.WithCRLF("entrypoint.sh"))
			}
			ws := testws.New(t, "-- entrypoint.sh --\n"+tt.script+crlfDockerfile, opts...)
			content := ws.Content("entrypoint.sh")
			got := File(context.Background(), ws.Snapshot(), ws.URI("entrypoint.sh"))
			if lines := describeDiagnostics(t, content, got); strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("script %q\ngot\n  %s\nwant\n  %s", content, strings.Join(lines, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if docker := File(context.Background(), ws.Snapshot(), ws.URI("Dockerfile")); len(docker) != 0 {
				t.Errorf("Dockerfile diagnostics = %v, want none", describeDiagnostics(t, ws.Content("Dockerfile"), docker))
			}
			for _, d := range got {
				if d.Code != "CrlfLineEndings" {
					continue
				}
				fixed, err := position.ApplyEdits(content, d.Fixes[0].Edits[ws.URI("entrypoint.sh")])
				if err != nil || strings.Contains(string(fixed), "\r") || len(fixed) != len(content)-strings.Count(string(content), "\r\n") {
					t.Errorf("fix gives %q, %v; want the content with LF line ends", fixed, err)
				}
			}
		})
	}
}

// TestEntrypointCRLFModel checks that "\r\n" is one line break for the
// script model: the last word of "exec \"$@\"\r\n" is "\"$@\"".
func TestEntrypointCRLFModel(t *testing.T) {
	ws := testws.New(t, "-- entrypoint.sh --\n#!/bin/sh\nset -e\nexec \"$@\"\n"+crlfDockerfile, testws.WithCRLF("entrypoint.sh"))
	model := ws.Snapshot().File(ws.URI("entrypoint.sh")).Shell()
	last := model.Commands[len(model.Commands)-1]
	if !last.Exec || len(last.Args) != 1 || string(model.Content[last.Args[0].Span.Start:last.Args[0].Span.End]) != `"$@"` {
		t.Errorf("last command = %+v, want exec with the argument \"$@\"", last)
	}
	if model.Shebang == nil || string(model.Content[model.Shebang.Span.Start:model.Shebang.Span.End]) != "#!/bin/sh" {
		t.Errorf("shebang = %+v, want #!/bin/sh without the carriage return", model.Shebang)
	}
}

// dialectDockerfile is the Dockerfile of the dialect case: an Alpine image
// whose ENTRYPOINT is the script.
const dialectDockerfile = "-- Dockerfile --\nFROM alpine:3.20\nCOPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT [\"/usr/local/bin/entrypoint.sh\"]\n"

func TestEntrypointDialectFromShebang(t *testing.T) {
	const body = "set -eu\nif [[ \"${APP_ENV:-prod}\" == \"dev\" ]]; then\n  echo \"dev mode\"\nfi\nexec \"$@\"\n"
	tests := []struct {
		name, script string
		want         []string
	}{
		{"sh", "#!/bin/sh\n" + body, []string{
			"2:3-2:5 warning ShellDialect",
			"2:25-2:27 warning ShellDialect",
		}},
		{"bash", "#!/bin/bash\n" + body, nil},
		{"env bash", "#!/usr/bin/env bash\n" + body, nil},
		{"no shebang", body, []string{
			"0:0-0:7 warning ScriptNotExecutable",
			"0:0-0:7 error ShebangMissing",
			"1:3-1:5 warning ShellDialect",
			"1:25-1:27 warning ShellDialect",
		}},
		{"relative interpreter", "#!bash\n" + body, []string{"0:0-0:6 warning ShebangUnusual"}},
		{"bom before shebang", "\ufeff#!/bin/bash\n" + body, []string{"0:0-0:12 error ShebangAfterBOM", "0:1-0:12 warning ScriptNotExecutable"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := testws.New(t, "-- docker/entrypoint.sh --\n"+tt.script+dialectDockerfile)
			content := ws.Content("docker/entrypoint.sh")
			var got []string
			for _, line := range describeDiagnostics(t, content, File(context.Background(), ws.Snapshot(), ws.URI("docker/entrypoint.sh"))) {
				head, _, _ := strings.Cut(line, ": ")
				got = append(got, head)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("script %q\ngot\n  %s\nwant\n  %s", tt.script, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
