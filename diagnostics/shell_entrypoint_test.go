package diagnostics

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// scriptWant is an expected diagnostic: it starts at a marker and covers
// text; its message contains part.
type scriptWant struct {
	marker, text string
	severity     Severity
	code, part   string
}

// checkScriptDiagnostics compares the diagnostics of the file at path
// with want, by range, severity and code, and checks each message part.
func checkScriptDiagnostics(t *testing.T, ws *testws.WS, path string, want []scriptWant) []*Diagnostic {
	t.Helper()
	got := File(context.Background(), ws.Snapshot(), ws.URI(path))
	describe := func(span position.Span, severity Severity, code string) string {
		return fmt.Sprintf("%s %s %q", code, severity, ws.Content(path)[span.Start:span.End])
	}
	var gotLines, wantLines []string
	for _, d := range got {
		gotLines = append(gotLines, fmt.Sprintf("%d: %s", d.Span.Start, describe(d.Span, d.Severity, d.Code)))
	}
	for _, w := range want {
		_, at := ws.Marker(w.marker)
		wantLines = append(wantLines, fmt.Sprintf("%d: %s", at, describe(position.Span{Start: at, End: at + len(w.text)}, w.severity, w.code)))
	}
	sort.Strings(gotLines)
	sort.Strings(wantLines)
	if strings.Join(gotLines, "\n") != strings.Join(wantLines, "\n") {
		var messages []string
		for _, d := range got {
			messages = append(messages, d.Code+": "+d.Message)
		}
		t.Fatalf("diagnostics of %s\ngot\n  %s\nwant\n  %s\nmessages\n  %s", path, strings.Join(gotLines, "\n  "), strings.Join(wantLines, "\n  "), strings.Join(messages, "\n  "))
	}
	for _, w := range want {
		found := false
		for _, d := range got {
			if d.Code == w.code && strings.Contains(d.Message, w.part) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s diagnostic of %s has the message part %q", w.code, path, w.part)
		}
	}
	return got
}

// sharedScriptArchive runs one entrypoint in two services with different
// environments, and reads a secret that only one of them gets.
const sharedScriptArchive = `
-- compose.yaml --
services:
  api:
    build: app
    environment:
      DB_HOST: db
      MODE: api
    secrets: [db_password]
  worker:
    build: app
    env_file: worker.env
    command: ["worker", "--queue", "mail"]
  db:
    build: db
secrets:
  db_password:
    file: db_password.txt
-- worker.env --
MODE=worker
-- db_password.txt --
hunter2
-- db/Dockerfile --
FROM debian:bookworm-slim
EXPOSE 5432
-- app/Dockerfile --
FROM debian:bookworm-slim
ARG RELEASE=1.0
COPY --chmod=755 start.sh /usr/local/bin/start.sh
ENTRYPOINT ["start.sh"]
CMD ["serve"]
-- app/start.sh --
#!/bin/sh
set -eu
echo "mode $MODE on $HOSTNAME from $HOME, é😀"
nc -z $«host»DB_HOST 5432 || echo "$«dbhost»DB_HOST down"
password=$(cat /run/secrets/«secret»db_password)
echo "$«release»RELEASE" "${OPTIONAL:-none}" "$password" "$«typo»MODEE"
nc -z db «port»5433
exec "$@"
`

func TestEntrypointSharedScript(t *testing.T) {
	ws := testws.New(t, sharedScriptArchive)
	got := checkScriptDiagnostics(t, ws, "app/start.sh", []scriptWant{
		{"host", "DB_HOST", Warning, "UndefinedVariable", "`DB_HOST` is set for service `api` but not for service `worker`"},
		{"dbhost", "DB_HOST", Warning, "UndefinedVariable", "`DB_HOST` is set for service `api` but not for service `worker`"},
		{"secret", "db_password", Warning, "UnknownSecret", "service `worker` gets no secret at `/run/secrets/db_password`; add it to the service's `secrets`"},
		{"release", "RELEASE", Warning, "BuildArgAtRuntime", "`RELEASE` is a build argument of service `api`"},
		{"typo", "MODEE", Warning, "UndefinedVariable", "did you mean `MODE`?"},
		{"port", "5433", Warning, "HostPortNotExposed", "service `db` does not publish or expose port 5433; it declares `5432`"},
	})
	for _, d := range got {
		switch d.Code {
		case "BuildArgAtRuntime":
			edits := d.Fixes[0].Edits[ws.URI("app/Dockerfile")]
			if len(edits) != 1 || edits[0].NewText != "\nENV RELEASE=$RELEASE" || string(ws.Content("app/Dockerfile")[:edits[0].Span.Start]) != "FROM debian:bookworm-slim\nARG RELEASE=1.0" {
				t.Errorf("BuildArgAtRuntime fix = %+v, want ENV after the ARG", edits)
			}
		case "HostPortNotExposed":
			if len(d.Fixes) != 1 || d.Fixes[0].Edits[ws.URI("app/start.sh")][0].NewText != "5432" {
				t.Errorf("HostPortNotExposed fixes = %+v, want a change to 5432", d.Fixes)
			}
		}
	}
	if strings.Contains(fmt.Sprint(got), "hunter2") {
		t.Errorf("a diagnostic shows the secret's value")
	}
}

// execArchive holds one script per way an entrypoint can treat its CMD.
const execArchive = `
-- compose.yaml --
services:
  ignores:
    build: {context: ., target: ignores}
  noexec:
    build: {context: ., target: noexec}
  good:
    build: {context: ., target: good}
  gosu:
    build: {context: ., target: gosu}
  override:
    build: {context: ., target: ignores}
    entrypoint: /ignores.sh
  shellform:
    build: {context: ., target: shellform}
-- Dockerfile --
FROM alpine:3.20 AS ignores
COPY --chmod=755 ignores.sh /ignores.sh
ENTRYPOINT ["/ignores.sh"]
CMD ["nginx", "-g", "daemon off;"]

FROM alpine:3.20 AS noexec
COPY --chmod=755 noexec.sh /noexec.sh
ENTRYPOINT ["/noexec.sh"]
CMD ["nginx"]

FROM alpine:3.20 AS good
COPY --chmod=755 good.sh /good.sh
ENTRYPOINT ["/good.sh"]
CMD ["nginx"]

FROM alpine:3.20 AS gosu
COPY --chmod=755 gosu.sh /gosu.sh
ENTRYPOINT ["/gosu.sh"]
CMD ["nginx"]

FROM alpine:3.20 AS shellform
COPY --chmod=755 shellform.sh /shellform.sh
ENTRYPOINT /shellform.sh
CMD ["nginx"]
-- ignores.sh --
#!/bin/sh
set -e
«last»echo ready
-- noexec.sh --
#!/bin/sh
if true; then
	«run»"$@"
fi
-- good.sh --
#!/bin/sh
exec "$@"
-- gosu.sh --
#!/bin/sh
exec su-exec nobody "$@"
-- shellform.sh --
#!/bin/sh
echo shell form gets no CMD
`

func TestEntrypointExecChecks(t *testing.T) {
	ws := testws.New(t, execArchive)
	got := checkScriptDiagnostics(t, ws, "ignores.sh", []scriptWant{
		{"last", "echo ready", Warning, "EntrypointIgnoresCmd", "so the command `nginx -g daemon off;` of service `ignores` is ignored"},
	})
	fix := got[0].Fixes[0].Edits[ws.URI("ignores.sh")][0]
	if fix.NewText != "exec \"$@\"\n" || fix.Span.Start != len(ws.Content("ignores.sh")) {
		t.Errorf("EntrypointIgnoresCmd fix = %+v, want exec \"$@\" appended", fix)
	}
	if len(got[0].Related) != 1 || got[0].Related[0].Location.URI != ws.URI("Dockerfile") {
		t.Errorf("EntrypointIgnoresCmd related = %+v, want the CMD in the Dockerfile", got[0].Related)
	}

	got = checkScriptDiagnostics(t, ws, "noexec.sh", []scriptWant{
		{"run", `"$@"`, Warning, "EntrypointNoExec", "without `exec`"},
	})
	if fix := got[0].Fixes[0].Edits[ws.URI("noexec.sh")][0]; fix.NewText != "exec " || fix.Span.Len() != 0 {
		t.Errorf("EntrypointNoExec fix = %+v, want exec inserted", fix)
	}
	for _, path := range []string{"good.sh", "gosu.sh", "shellform.sh"} {
		checkScriptDiagnostics(t, ws, path, nil)
	}
}

// notExecutableArchive copies scripts that lose or keep their executable
// bit in several ways. testws writes scripts with a "#!" line as 0755; the
// test removes the bit of the first ones.
const notExecutableArchive = `
-- Dockerfile --
FROM alpine:3.20
COPY plain.sh /plain.sh
COPY --chmod=0755 chmodded.sh /chmodded.sh
COPY later.sh /usr/local/bin/later.sh
RUN chmod +x /usr/local/bin/later.sh
COPY bysh.sh /bysh.sh
COPY disk.sh /disk.sh
ENTRYPOINT ["tini", "--", "/plain.sh"]
CMD ["sh", "/bysh.sh"]
-- other/Dockerfile --
FROM alpine:3.20
COPY later.sh /later.sh
ENTRYPOINT ["/later.sh"]
-- plain.sh --
«plain»#!/bin/sh
exec "$@"
-- chmodded.sh --
#!/bin/sh
-- other/later.sh --
«later»#!/bin/sh
-- later.sh --
#!/bin/sh
-- bysh.sh --
#!/bin/sh
-- disk.sh --
#!/bin/sh
`

func TestEntrypointNotExecutable(t *testing.T) {
	ws := testws.New(t, notExecutableArchive)
	for _, path := range []string{"plain.sh", "chmodded.sh", "later.sh", "bysh.sh", "other/later.sh"} {
		if err := os.Chmod(ws.Path(path), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := checkScriptDiagnostics(t, ws, "plain.sh", []scriptWant{
		{"plain", "#!/bin/sh", Warning, "ScriptNotExecutable", "runs `/plain.sh` directly, but the file is not executable"},
	})
	edit := got[0].Fixes[0].Edits[ws.URI("Dockerfile")][0]
	if edit.NewText != " --chmod=755" || string(ws.Content("Dockerfile")[:edit.Span.Start]) != "FROM alpine:3.20\nCOPY" {
		t.Errorf("ScriptNotExecutable fix = %+v, want --chmod=755 after COPY", edit)
	}
	checkScriptDiagnostics(t, ws, "other/later.sh", []scriptWant{
		{"later", "#!/bin/sh", Warning, "ScriptNotExecutable", "runs `/later.sh` directly"},
	})
	for _, path := range []string{"chmodded.sh", "later.sh", "bysh.sh", "disk.sh"} {
		checkScriptDiagnostics(t, ws, path, nil)
	}
}

// serverArchive starts servers in the background and connects to other
// services on declared and undeclared ports. «tab» follows a tab and
// «utf» non-ASCII text.
const serverArchive = `
-- compose.yaml --
services:
  web:
    build: web
    depends_on: [mariadb, cache, api]
  mariadb:
    build: mariadb
    expose: ["3306"]
  cache:
    image: redis:7
  api:
    image: ghcr.io/example/api:1
-- mariadb/Dockerfile --
FROM debian:bookworm-slim
-- web/Dockerfile --
FROM python:3.12-alpine
COPY --chmod=755 run.sh /run.sh
COPY --chmod=755 lib.sh /lib.sh
CMD ["/run.sh"]
-- web/lib.sh --
#!/bin/sh
LIB_DIR=/srv
-- web/run.sh --
#!/bin/sh
. /lib.sh
«php»php-fpm -D &
«worker»python worker.py &
echo "$LIB_DIR é😀" ; nc -z mariadb «nc»3307
mysqladmin ping -h mariadb -P	«tab»3308 --silent
curl -fsS http://mariadb:«url»3309/ && echo 'é😀' && wget http://mariadb:3306/
redis-cli -h cache -p «redis»6380 ping
curl http://api:9999/
echo "$«missing»APP_TOKEN"
exec nginx -g 'daemon off;'
`

func TestEntrypointBackgroundAndPorts(t *testing.T) {
	ws := testws.New(t, serverArchive)
	got := checkScriptDiagnostics(t, ws, "web/run.sh", []scriptWant{
		{"php", "php-fpm", Warning, "BackgroundNotWaited", "`php-fpm` runs in the background and the script never waits for it"},
		{"worker", "python", Warning, "BackgroundNotWaited", "`python` runs in the background"},
		{"nc", "3307", Warning, "HostPortNotExposed", "service `mariadb` does not publish or expose port 3307; it declares `3306`"},
		{"tab", "3308", Warning, "HostPortNotExposed", "port 3308"},
		{"url", "3309", Warning, "HostPortNotExposed", "port 3309"},
		{"redis", "6380", Warning, "HostPortNotExposed", "service `cache` does not publish or expose port 6380; it declares `6379`"},
		{"missing", "APP_TOKEN", Information, "UndefinedVariable", "unless the base image `python:3.12-alpine` sets it"},
	})
	for _, d := range got {
		if d.Code == "HostPortNotExposed" && (len(d.Related) == 0 && !strings.Contains(d.Message, "6379")) {
			t.Errorf("%s has no related location of the declared port", d.Message)
		}
	}

	// A script that waits for its background jobs is fine.
	ws = testws.New(t, strings.Replace(serverArchive, "exec nginx -g 'daemon off;'", "wait", 1))
	for _, d := range File(context.Background(), ws.Snapshot(), ws.URI("web/run.sh")) {
		if d.Code == "BackgroundNotWaited" {
			t.Errorf("unexpected %s: %s", d.Code, d.Message)
		}
	}
}

func TestEntrypointSourcedFileUnknown(t *testing.T) {
	ws := testws.New(t, strings.Replace(serverArchive, ". /lib.sh", ". /etc/profile.d/app.sh", 1))
	for _, d := range File(context.Background(), ws.Snapshot(), ws.URI("web/run.sh")) {
		if d.Code == "UndefinedVariable" {
			t.Errorf("unexpected %s after sourcing a file stackls cannot read: %s", d.Code, d.Message)
		}
	}
}

// TestEntrypointDegenerateScripts runs the checks on half-typed and odd
// scripts that an image runs; none may panic or point past the content.
func TestEntrypointDegenerateScripts(t *testing.T) {
	scripts := []string{"", " ", "#!", "#!\n", "\ufeff", "\ufeff#!/bin/sh", "echo ${", "cat /run/secrets/", "exec \"$@", "nc -z db", "nc -z db :", "a=$(", "\t\r\n\r\n", "x &", "\x00\x01\x02"}
	for _, script := range scripts {
		ws := testws.New(t, "-- compose.yaml --\nservices:\n  db:\n    build: .\n    secrets: [s]\n-- Dockerfile --\nFROM alpine:3.20\nCOPY run.sh /run.sh\nENTRYPOINT [\"/run.sh\"]\nCMD [\"x\"]\nEXPOSE 1\n-- run.sh --\n"+script)
		content := ws.Content("run.sh")
		for _, d := range File(context.Background(), ws.Snapshot(), ws.URI("run.sh")) {
			if d.Span.Start < 0 || d.Span.End > len(content) || d.Span.Start > d.Span.End {
				t.Errorf("script %q: %s at %v is outside the content", script, d.Code, d.Span)
			}
		}
	}
}
