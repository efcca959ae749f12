package diagnostics_test

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// crlfArchive is an entrypoint that an Alpine image runs, as in a report
// of a container failing with "bad interpreter".
const crlfArchive = `
-- entrypoint.sh --
#!/bin/sh
set -e
exec "$@"
-- Dockerfile --
FROM alpine:3.20
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
`

func TestCRLFEntrypointOverLSP(t *testing.T) {
	c := lsptest.New(t, crlfArchive, lsptest.WithCRLF("entrypoint.sh"))
	c.Open("entrypoint.sh")
	got := c.Diagnostics("entrypoint.sh")
	if len(got) != 1 || got[0].Code != "CrlfLineEndings" || got[0].Severity != protocol.DiagnosticSeverityError || got[0].Span != (position.Span{Start: 0, End: 9}) {
		t.Fatalf("diagnostics = %v, want one CrlfLineEndings error on #!/bin/sh", got)
	}
	if !strings.Contains(got[0].Message, "`/bin/sh\\r`") {
		t.Errorf("message %q does not name the interpreter the kernel looks for", got[0].Message)
	}
	if docker := c.Diagnostics("Dockerfile"); len(docker) != 0 {
		t.Errorf("Dockerfile diagnostics = %v, want none", docker)
	}

	actions := c.CodeActions("entrypoint.sh", got[0].Span)
	var fixed []byte
	for _, a := range actions {
		if a.Title == "Convert the line endings to LF" {
			var err error
			if fixed, err = position.ApplyEdits(c.Content("entrypoint.sh"), a.Edits["entrypoint.sh"]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if string(fixed) != "#!/bin/sh\nset -e\nexec \"$@\"\n" {
		t.Errorf("the quick fix gives %q, want the LF content", fixed)
	}

	c.Replace("entrypoint.sh", "#!/bin/sh\r\n", "#!/bin/sh\r\n# stackls-ignore CrlfLineEndings\r\n")
	if got := c.Diagnostics("entrypoint.sh"); len(got) != 0 {
		t.Errorf("diagnostics with the check suppressed = %v, want none", got)
	}
}

func TestLFEntrypointOverLSP(t *testing.T) {
	c := lsptest.New(t, crlfArchive)
	for _, path := range []string{"entrypoint.sh", "Dockerfile"} {
		c.Open(path)
		if got := c.Diagnostics(path); len(got) != 0 {
			t.Errorf("diagnostics of %s = %v, want none", path, got)
		}
	}
}

// TestExamplesCleanOverLSP checks that the scripts and config files of the
// examples have no diagnostics.
func TestExamplesCleanOverLSP(t *testing.T) {
	files := map[string][]string{
		"inception": {
			"srcs/requirements/nginx/tools/entrypoint.sh", "srcs/requirements/wordpress/tools/entrypoint.sh",
			"srcs/requirements/mariadb/tools/entrypoint.sh", "srcs/requirements/nginx/conf/wordpress.conf.template",
		},
		"python-client-server":  {"client/entrypoint"},
		"secrets-shared-script": {"app/docker-entrypoint.sh", "app/app.sh", "app/app.conf.template"},
	}
	for example, paths := range files {
		t.Run(example, func(t *testing.T) {
			c := lsptest.New(t, testws.Example(t, example))
			for _, path := range paths {
				c.Open(path)
				if got := c.Diagnostics(path); len(got) != 0 {
					t.Errorf("diagnostics of %s = %v, want none", path, got)
				}
			}
		})
	}
}

// TestSharedScriptChecksOverLSP breaks the shared entrypoint of the
// secrets example in the ways its README lists.
func TestSharedScriptChecksOverLSP(t *testing.T) {
	const script = "app/docker-entrypoint.sh"
	tests := []struct {
		old, new string
		code     string
		word     string // the text the diagnostic covers
		part     string // a part of its message
		fix      string // the new text of its quick fix; "" for none
	}{
		{"/run/secrets/db_password)", "/run/secrets/db_pasword)", "UnknownSecret", "db_pasword",
			"services `api` and `worker` get no secret at `/run/secrets/db_pasword`; they get `db_password`; did you mean `db_password`?", "db_password"},
		{"until nc -z db 5432", "until nc -z db 5433", "HostPortNotExposed", "5433",
			"service `db` does not publish or expose port 5433; it declares `5432`", "5432"},
		{`${QUEUE:?the worker needs QUEUE}`, `$QUEUE`, "UndefinedVariable", "QUEUE",
			"`QUEUE` is set for service `worker` but not for service `api`", ""},
		{"exec \"$@\"\n", "", "EntrypointIgnoresCmd", `envsubst '${ROLE} ${DB_NAME}'`,
			"so the command `app work` of service `worker` and the command of 1 other container are ignored", "exec \"$@\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c := lsptest.New(t, testws.Example(t, "secrets-shared-script"))
			c.Open(script)
			c.Replace(script, tt.old, tt.new)
			got := c.Diagnostics(script)
			if len(got) != 1 || got[0].Code != tt.code {
				t.Fatalf("diagnostics = %v, want one %s", got, tt.code)
			}
			content := c.Content(script)
			if text := string(content[got[0].Span.Start:got[0].Span.End]); text != tt.word {
				t.Errorf("%s covers %q, want %q", tt.code, text, tt.word)
			}
			if !strings.Contains(got[0].Message, tt.part) {
				t.Errorf("message %q lacks %q", got[0].Message, tt.part)
			}
			if tt.fix == "" {
				return
			}
			found := false
			for _, a := range c.CodeActions(script, got[0].Span) {
				for _, e := range a.Edits[script] {
					found = found || e.NewText == tt.fix
				}
			}
			if !found {
				t.Errorf("no quick fix writes %q: %+v", tt.fix, c.CodeActions(script, got[0].Span))
			}
		})
	}
}
