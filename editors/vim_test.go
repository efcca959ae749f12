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

// aleResult is what testdata/ale/driver.vim writes. Hover and definition
// are the raw LSP responses that ALE passed to the callbacks.
type aleResult struct {
	Filetype    string       `json:"filetype"`
	ProjectRoot string       `json:"project_root"`
	Hover       *lspResponse `json:"hover"`
	Definition  *lspResponse `json:"definition"`
	Diagnostics []diagnostic `json:"diagnostics"`
	Log         []string     `json:"log"`
}

type lspResponse struct {
	Result json.RawMessage `json:"result"`
	Error  json.RawMessage `json:"error"`
}

// hoverText returns the text of a hover result whose contents are
// MarkupContent, a string or a list of strings.
func hoverText(raw json.RawMessage) string {
	var hover struct {
		Contents json.RawMessage `json:"contents"`
	}
	if json.Unmarshal(raw, &hover) != nil {
		return ""
	}
	var markup struct {
		Value string `json:"value"`
	}
	if json.Unmarshal(hover.Contents, &markup) == nil && markup.Value != "" {
		return markup.Value
	}
	var text string
	if json.Unmarshal(hover.Contents, &text) == nil {
		return text
	}
	var list []json.RawMessage
	if json.Unmarshal(hover.Contents, &list) == nil {
		var parts []string
		for _, item := range list {
			parts = append(parts, hoverText([]byte(`{"contents":`+string(item)+`}`)))
		}
		return strings.Join(parts, "\n")
	}
	return ""
}

// definitionLocations decodes a Location, a Location list or a LocationLink list.
func definitionLocations(raw json.RawMessage) []location {
	type rng struct {
		Start struct {
			Line      int `json:"line"`
			Character int `json:"character"`
		} `json:"start"`
	}
	type loc struct {
		URI                  string `json:"uri"`
		Range                *rng   `json:"range"`
		TargetURI            string `json:"targetUri"`
		TargetSelectionRange *rng   `json:"targetSelectionRange"`
	}
	var list []loc
	if json.Unmarshal(raw, &list) != nil {
		var one loc
		if json.Unmarshal(raw, &one) != nil || (one.URI == "" && one.TargetURI == "") {
			return nil
		}
		list = []loc{one}
	}
	var out []location
	for _, l := range list {
		if l.TargetURI != "" && l.TargetSelectionRange != nil {
			out = append(out, location{URI: l.TargetURI, Line: l.TargetSelectionRange.Start.Line, Character: l.TargetSelectionRange.Start.Character})
		} else if l.Range != nil {
			out = append(out, location{URI: l.URI, Line: l.Range.Start.Line, Character: l.Range.Start.Character})
		}
	}
	return out
}

// TestVimALE opens the WordPress entrypoint in Vim with ALE, configured by
// editors/vim/stackls-ale.vim, and checks hover, definition and diagnostics.
func TestVimALE(t *testing.T) {
	vim, err := exec.LookPath("vim")
	if err != nil {
		t.Skip("vim is not on PATH; install it with: apt-get install -y vim vim-ale")
	}
	if _, err := os.Stat("/usr/share/vim-ale/autoload/ale.vim"); err != nil {
		t.Skip("ALE is not installed in /usr/share/vim-ale; install it with: apt-get install -y vim-ale")
	}

	ws := newInception(t)
	out := filepath.Join(t.TempDir(), "result.json")
	driver, err := filepath.Abs(filepath.Join("testdata", "ale", "driver.vim"))
	if err != nil {
		t.Fatal(err)
	}
	config, err := filepath.Abs(filepath.Join("vim", "stackls-ale.vim"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, vim, "-N", "-u", driver, "-i", "NONE", "-n", "-es", ws.Script)
	cmd.Dir = ws.Root
	cmd.Env = editorEnv(t, "OUT="+out, "STACKLS_VIM="+config,
		"HOVER_POS="+ws.Host.String(), "DEF_POS="+ws.Host.String())
	output, runErr := cmd.CombinedOutput()

	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("vim wrote no result (%v): %v\n%s", runErr, err, output)
	}
	var res aleResult
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("decode %s: %v\n%s", out, err, data)
	}
	if runErr != nil || len(res.Log) > 0 {
		t.Errorf("vim exited with %v; driver log: %q\n%s", runErr, res.Log, output)
	}

	if res.Filetype != "sh" {
		t.Errorf("filetype = %q, want sh", res.Filetype)
	}
	if want := ws.Root; res.ProjectRoot != want {
		t.Errorf("project root = %q, want %q (the folder of the Makefile above the compose file)", res.ProjectRoot, want)
	}

	var hover string
	if res.Hover != nil {
		hover = hoverText(res.Hover.Result)
	}
	if !strings.Contains(hover, "mariadb") || !regexp.MustCompile(`(?i)service`).MatchString(hover) {
		t.Errorf("hover on `mariadb` at %v = %q, want text naming the service mariadb", ws.Host, hover)
	}

	var locs []location
	if res.Definition != nil {
		locs = definitionLocations(res.Definition.Result)
	}
	want := location{URI: fileURI(ws.Compose), Line: ws.Service.Line, Character: ws.Service.Character}
	if len(locs) != 1 || locs[0] != want {
		t.Errorf("definition of `mariadb` at %v = %+v, want %+v (the mariadb: key)", ws.Host, locs, want)
	}
	checkTypoDiagnostic(t, ws, res.Diagnostics)
}
