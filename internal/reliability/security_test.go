package reliability

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// tracedSyscalls are the system calls the strace test records: network,
// process start, and every way to create, change or remove a file. A "?"
// lets strace skip a call that the architecture lacks (open and creat on
// arm64).
var tracedSyscalls = []string{
	"socket", "connect", "bind", "execve", "execveat",
	"openat", "openat2", "?open", "?creat", "?rename", "renameat", "renameat2",
	"?unlink", "unlinkat", "?mkdir", "mkdirat", "?rmdir", "?link", "linkat",
	"?symlink", "symlinkat", "?chmod", "fchmodat", "truncate",
}

// writeFlags are the open flags that let a call write.
var writeFlags = regexp.MustCompile(`O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND`)

// straceLine matches one line of "strace -f": the pid, the call and the
// first string argument after the optional directory file descriptor.
var straceLine = regexp.MustCompile(`^(\d+)\s+(\w+)\((?:AT_FDCWD, |\d+, )?"?([^",]*)"?`)

// allowedWritePaths are the paths a process may open for writing without
// writing anything that lasts.
var allowedWritePaths = map[string]bool{"/dev/null": true, "/dev/tty": true, "/dev/stdout": true, "/dev/stderr": true}

// TestNoNetworkNoExecNoWrites runs the built binary for a full session
// under strace. The server must open no socket, start no process after
// its own start, open no file for writing and change no file, and the
// workspace must be byte-identical afterwards.
func TestNoNetworkNoExecNoWrites(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed (Debian: apt-get install strace); skipping the system call check")
	}
	fs := exampleWorkspaces(t)["inception"]
	for rel, content := range secretsWorkspace() {
		fs["secrets/"+rel] = content
	}
	trace := filepath.Join(t.TempDir(), "strace.log")
	wrapper := []string{strace, "-f", "-qq", "-o", trace, "-e", "trace=" + strings.Join(tracedSyscalls, ",")}
	c := startServer(t, fs, []lsptest.Option{lsptest.BinaryUnder(wrapper...)})
	before := treeDigest(t, c.WS.Root)

	fullSession(t, c, fs)
	c.Shutdown()
	if code := c.Exit(); code != 0 {
		t.Errorf("exit code %d after shutdown and exit, want 0", code)
	}

	if after := treeDigest(t, c.WS.Root); !equalDigests(before, after) {
		t.Errorf("the workspace changed during the session:\nbefore %v\nafter  %v", before, after)
	}
	for _, problem := range traceProblems(t, trace) {
		t.Error(problem)
	}
}

// fullSession opens every file, edits it, sends every request at a few
// positions and every whole-file request, and sends a watched-file change
// for a file on disk. It writes nothing itself.
func fullSession(t *testing.T, c *lsptest.Client, fs files) {
	t.Helper()
	s := &sweeper{t: t, c: c, ranges: newRangeChecker(c.Encoding())}
	for _, rel := range fs.paths() {
		uri := uriOf(c, rel)
		c.Open(rel)
		s.ranges.setOpen(uri, sentContent(fs[rel]))
		reqs := fileRequests(rel, uri, fs[rel], c.Encoding())
		for _, r := range positionRequests(rel, uri, fs[rel], c.Encoding()) {
			if strings.HasSuffix(r.where, ":0") || strings.HasSuffix(r.where, ":4") {
				reqs = append(reqs, r)
			}
		}
		s.send(reqs)
		c.Change(rel, lsptest.Edit{Span: position.Span{}, NewText: "# edited\n"})
		params := c.PosAt(rel, 0)
		params["newName"] = "renamed"
		s.send([]sweepRequest{{method: "textDocument/rename", uri: uri, where: rel, params: params}})
		c.Notify("textDocument/didSave", map[string]any{"textDocument": c.DocID(rel)})
		c.Close(rel)
	}
	c.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{
		map[string]any{"uri": uriOf(c, "srcs/docker-compose.yml"), "type": 2},
	}})
	s.send([]sweepRequest{{method: "workspace/symbol", where: "workspace", params: map[string]any{"query": ""}}})
	c.Sync()
	s.report()
}

// fileDigest is what the test compares of one file: mode, size and a
// hash of the content.
type fileDigest struct {
	Mode fs.FileMode
	Size int64
	Hash string
}

// treeDigest returns the digest of every entry under root.
func treeDigest(t *testing.T, root string) map[string]fileDigest {
	t.Helper()
	out := map[string]fileDigest{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		digest := fileDigest{Mode: info.Mode(), Size: info.Size()}
		if info.Mode().IsRegular() {
			content, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			digest.Hash = fmt.Sprintf("%x", sha256.Sum256(content))
		}
		out[path] = digest
		return nil
	})
	if err != nil {
		t.Fatalf("reading the workspace: %v", err)
	}
	return out
}

func equalDigests(a, b map[string]fileDigest) bool {
	if len(a) != len(b) {
		return false
	}
	for path, digest := range a {
		if b[path] != digest {
			return false
		}
	}
	return true
}

// traceProblems reads an "strace -f" log and returns a line for each
// socket, each execve after the first, each open for writing of a path
// outside allowedWritePaths, and each call that creates, renames or
// removes a file.
func traceProblems(t *testing.T, trace string) []string {
	t.Helper()
	file, err := os.Open(trace)
	if err != nil {
		t.Fatalf("reading the strace log: %v", err)
	}
	defer file.Close()
	var problems []string
	execs, lines := 0, 0
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	for scanner.Scan() {
		line := scanner.Text()
		m := straceLine.FindStringSubmatch(line)
		if m == nil {
			continue // a "resumed" half or an exit line
		}
		lines++

		call, path := m[2], m[3]
		switch {
		case call == "socket" || call == "connect" || call == "bind":
			problems = append(problems, "network call: "+line)
		case call == "execve" || call == "execveat":
			if execs++; execs > 1 {
				problems = append(problems, "process started after the server's own start: "+line)
			}
		case strings.HasPrefix(call, "open") || call == "creat":
			if (call == "creat" || writeFlags.MatchString(line)) && !allowedWritePaths[path] {
				problems = append(problems, "opened for writing: "+line)
			}
		default:
			problems = append(problems, "file changed: "+line)
		}
	}
	if err := scanner.Err(); err != nil {
		t.Fatalf("reading the strace log: %v", err)
	}

	if execs == 0 || lines == 0 {
		t.Fatalf("the strace log records no execve (%d lines): strace did not trace the server", lines)
	}
	return problems
}

// secretValues are the values of secretsWorkspace that are named like
// secrets. No log line, hover, completion, outline, diagnostic or other
// message of the server may contain one.
var secretValues = []string{
	"pa55-w0rd-7f3a", "tok-91ce2d0b77", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI-K7MDENG", "root-pw-literal-4411",
	"mk-secret-in-make", "sh-secret-default-5c",
}

// plainValue is a .env value with an ordinary name: a hover may show it,
// but the log may not.
const plainValue = "hello-plain-value-83"

// secretsWorkspace has secrets in a .env file, in compose environment
// entries, in a Makefile and as a shell default, all used from the other
// files.
func secretsWorkspace() files {
	return files{
		".env": []byte("DB_PASSWORD=pa55-w0rd-7f3a\nAPI_TOKEN=\"tok-91ce2d0b77\"\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n" +
			"export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI-K7MDENG'\nGREETING=" + plainValue + "\n"),
		"compose.yaml": []byte("services:\n  app:\n    build: .\n    env_file: .env\n    environment:\n" +
			"      DB_PASSWORD: ${DB_PASSWORD}\n      API_TOKEN: ${API_TOKEN:?set it}\n      MYSQL_ROOT_PASSWORD: root-pw-literal-4411\n" +
			"      GREETING: ${GREETING}\n      KEY_ID: ${AWS_ACCESS_KEY_ID}\n  db:\n    image: mariadb:11\n" +
			"    environment:\n      - MARIADB_PASSWORD=${DB_PASSWORD}\n      - SECRET=${AWS_SECRET_ACCESS_KEY}\n"),
		"Dockerfile": []byte("FROM alpine:3.20\nARG API_TOKEN\nENV DB_PASSWORD=${DB_PASSWORD}\nCOPY entrypoint.sh /\nRUN echo \"$API_TOKEN\" > /dev/null\nENTRYPOINT [\"/entrypoint.sh\"]\n"),
		"entrypoint.sh": []byte("#!/bin/sh\nPASS=\"${DB_PASSWORD:-sh-secret-default-5c}\"\necho \"$API_TOKEN $MYSQL_ROOT_PASSWORD $GREETING\"\n" +
			"mysql -h db -p\"$DB_PASSWORD\"\n"),
		"Makefile": []byte("API_TOKEN ?= mk-secret-in-make\nup:\n\tAPI_TOKEN=$(API_TOKEN) docker compose up -d\n"),
	}
}

// TestLogsHoldNoSecrets runs the built binary at Debug level over a
// workspace full of secrets. It requests a hover and a completion at every
// position and every whole-file request, on disk and after opening and
// editing each file. Then it looks for each secret value in the server's
// stderr and in everything the server sent.
func TestLogsHoldNoSecrets(t *testing.T) {
	ws := secretsWorkspace()
	c := startServer(t, ws, []lsptest.Option{lsptest.Binary()})
	var sent []string
	record := func(method string, params map[string]any) {
		var result json.RawMessage
		if err := c.Call(method, params, &result); err != nil {
			t.Errorf("%s: %v", method, err)
		}
		sent = append(sent, method+" "+string(result))
	}
	for _, pass := range []string{"disk", "open"} {
		for _, rel := range ws.paths() {
			uri := uriOf(c, rel)
			if pass == "open" {
				c.Open(rel)
				c.Change(rel, lsptest.Edit{Span: position.Span{}, NewText: "\n"})
			}
			for _, r := range fileRequests(rel, uri, c.Content(rel), c.Encoding()) {
				if r.method != "textDocument/formatting" { // its edits may rewrite a line that holds a value
					record(r.method, r.params)
				}
			}
			for _, r := range positionRequests(rel, uri, c.Content(rel), c.Encoding()) {
				if r.method == "textDocument/hover" || r.method == "textDocument/completion" {
					record(r.method, r.params)
				}
			}
		}
	}
	record("workspace/symbol", map[string]any{"query": ""})
	c.Sync()
	c.Shutdown()
	c.Exit()

	log := c.ServerLog()
	for _, method := range []string{"textDocument/publishDiagnostics", "window/logMessage", "window/showMessage", "$/progress"} {
		for _, note := range c.Notifications(method) {
			sent = append(sent, method+" "+string(note.Params))
		}
	}
	for _, value := range append(secretValues, plainValue) {
		if strings.Contains(log, value) {
			t.Errorf("the server log contains the value %q", value)
		}
	}
	for _, value := range secretValues {
		for _, message := range sent {
			if strings.Contains(message, value) {
				t.Errorf("the server sent the secret value %q: %.300s", value, message)
				break
			}
		}
	}
}

// TestTraceProblemsFindsViolations feeds traceProblems a made-up strace
// log with one violation of each kind, and allowed calls around them.
func TestTraceProblemsFindsViolations(t *testing.T) {
	log := strings.Join([]string{
		`100 execve("/tmp/stackls", ["/tmp/stackls", "serve"], 0x7ffc /* 35 vars */) = 0`,
		`100 openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3`,
		`101 openat(AT_FDCWD, "/dev/null", O_WRONLY|O_CLOEXEC) = 4`,
		`101 openat(AT_FDCWD, "/ws/compose.yaml", O_RDONLY|O_CLOEXEC <unfinished ...>`,
		`101 <... openat resumed>) = 5`,
		`101 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 6`,
		`101 connect(6, {sa_family=AF_UNIX, sun_path="/run/docker.sock"}, 110) = -1 ENOENT (No such file or directory)`,
		`102 execve("/usr/bin/docker", ["docker", "version"], 0x7ffc /* 35 vars */) = -1 ENOENT (No such file or directory)`,
		`101 openat(AT_FDCWD, "/ws/compose.yaml", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 7`,
		`101 unlinkat(AT_FDCWD, "/ws/.env", 0) = 0`,
		`101 +++ exited with 0 +++`,
	}, "\n")
	path := filepath.Join(t.TempDir(), "strace.log")
	if err := os.WriteFile(path, []byte(log), 0o644); err != nil {
		t.Fatal(err)
	}
	got := traceProblems(t, path)
	want := []string{"network call", "network call", "process started", "opened for writing: 101 openat(AT_FDCWD, \"/ws/compose.yaml\"", "file changed"}
	if len(got) != len(want) {
		t.Fatalf("traceProblems found %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want it to start with %q", i, got[i], want[i])
		}
	}
}
