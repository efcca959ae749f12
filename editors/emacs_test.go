package editors_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// eglotResult is what testdata/eglot/driver.el writes.
type eglotResult struct {
	MajorMode     string       `json:"major_mode"`
	ServerCommand string       `json:"server_command"`
	ProjectRoot   string       `json:"project_root"`
	Hover         string       `json:"hover"`
	Definition    []location   `json:"definition"`
	Diagnostics   []diagnostic `json:"diagnostics"`
	Log           string       `json:"log"`
}

// TestEmacsEglot opens the WordPress entrypoint in Emacs with eglot,
// configured by editors/emacs/stackls.el, and checks hover, definition and
// diagnostics.
func TestEmacsEglot(t *testing.T) {
	emacs, err := exec.LookPath("emacs")
	if err != nil {
		t.Skip("emacs is not on PATH; install it with: apt-get install -y emacs-nox elpa-eglot elpa-yaml-mode")
	}
	if eglot, _ := filepath.Glob("/usr/share/emacs/site-lisp/elpa/eglot-*"); len(eglot) == 0 {
		t.Skip("eglot is not installed; install it with: apt-get install -y elpa-eglot")
	}

	ws := newInception(t)
	out := filepath.Join(t.TempDir(), "result.json")
	driver, err := filepath.Abs(filepath.Join("testdata", "eglot", "driver.el"))
	if err != nil {
		t.Fatal(err)
	}
	config, err := filepath.Abs(filepath.Join("emacs", "stackls.el"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, emacs, "-Q", "--batch", "-l", driver, ws.Script)
	cmd.Dir = ws.Root
	cmd.Env = editorEnv(t, "OUT="+out, "STACKLS_EL="+config,
		"HOVER_POS="+ws.Host.String(), "DEF_POS="+ws.Host.String())
	output, runErr := cmd.CombinedOutput()

	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("emacs wrote no result (%v): %v\n%s", runErr, err, output)
	}
	var res eglotResult
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("decode %s: %v\n%s", out, err, data)
	}
	if runErr != nil {
		t.Errorf("emacs exited with %v; driver log: %q\n%s", runErr, res.Log, output)
	}

	if res.MajorMode != "sh-mode" {
		t.Errorf("major mode = %q, want sh-mode", res.MajorMode)
	}
	if !strings.HasSuffix(res.ServerCommand, "stackls serve --stdio") {
		t.Errorf("server command = %q, want stackls serve --stdio", res.ServerCommand)
	}
	if want := ws.Root + "/"; res.ProjectRoot != want {
		t.Errorf("project root = %q, want %q (the folder of the Makefile above the compose file)", res.ProjectRoot, want)
	}
	if !strings.Contains(res.Hover, "mariadb") || !regexp.MustCompile(`(?i)service`).MatchString(res.Hover) {
		t.Errorf("hover on `mariadb` at %v = %q, want text naming the service mariadb", ws.Host, res.Hover)
	}
	want := location{URI: fileURI(ws.Compose), Line: ws.Service.Line, Character: ws.Service.Character}
	if len(res.Definition) != 1 || res.Definition[0] != want {
		t.Errorf("definition of `mariadb` at %v = %+v, want %+v (the mariadb: key)", ws.Host, res.Definition, want)
	}
	checkTypoDiagnostic(t, ws, res.Diagnostics)
}
