package editors_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// nvimResult is what testdata/nvim/init.lua writes.
type nvimResult struct {
	Nvim     string   `json:"nvim"`
	Mode     string   `json:"mode"`
	File     string   `json:"file"`
	Filetype string   `json:"filetype"`
	Log      []string `json:"log"`
	Client   *struct {
		Name    string `json:"name"`
		RootDir string `json:"root_dir"`
	} `json:"client"`
	Hover           string       `json:"hover"`
	HoverError      string       `json:"hover_error"`
	Definition      []location   `json:"definition"`
	DefinitionError string       `json:"definition_error"`
	Diagnostics     []diagnostic `json:"diagnostics"`
}

// nvimBinary is one Neovim to test, with the config mode its version uses.
type nvimBinary struct {
	Path    string
	Version [3]int
}

func (b nvimBinary) String() string {
	return fmt.Sprintf("%d.%d.%d", b.Version[0], b.Version[1], b.Version[2])
}

// modes returns the configs a user of this version would pick: the
// lsp/stackls.lua file from 0.11, the vim.lsp.start snippet from 0.8 and
// the vim.lsp.start_client snippet on 0.7.
func (b nvimBinary) modes() []string {
	switch minor := b.Version[1]; {
	case b.Version[0] > 0 || minor >= 11:
		return []string{"enable", "start"}
	case minor >= 8:
		return []string{"start"}
	default:
		return []string{"start_client"}
	}
}

var nvimVersion = regexp.MustCompile(`NVIM v(\d+)\.(\d+)\.(\d+)`)

// findNvims returns `nvim` from PATH plus the binaries named in
// $STACKLS_TEST_NVIM (a PATH-style list) and the newer Neovims that
// install-test-editors.sh unpacks into its cache folder.
func findNvims(t *testing.T) []nvimBinary {
	var paths []string
	if p, err := exec.LookPath("nvim"); err == nil {
		paths = append(paths, p)
	}
	paths = append(paths, filepath.SplitList(os.Getenv("STACKLS_TEST_NVIM"))...)
	cached, err := filepath.Glob(filepath.Join(editorCache(), "nvim-*", "nvim"))
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, cached...)

	var found []nvimBinary
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "" {
			continue
		}
		out, err := exec.Command(p, "--version").Output()
		if err != nil {
			t.Errorf("%s --version: %v", p, err)
			continue
		}
		m := nvimVersion.FindStringSubmatch(string(out))
		if m == nil || seen[m[0]] {
			continue
		}
		seen[m[0]] = true
		b := nvimBinary{Path: p}
		for i := range 3 {
			b.Version[i], _ = strconv.Atoi(m[i+1])
		}
		found = append(found, b)
	}
	return found
}

// editorCache is the folder where install-test-editors.sh puts editors
// that Debian 12 does not package.
func editorCache() string {
	if dir := os.Getenv("STACKLS_E2E_CACHE"); dir != "" {
		return dir
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "stackls-e2e")
}

// runNvim opens file in headless Neovim with the driver and returns its result.
func runNvim(t *testing.T, nvim nvimBinary, mode, dir, file string, env ...string) nvimResult {
	t.Helper()
	out := filepath.Join(t.TempDir(), "result.json")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	driver, err := filepath.Abs(filepath.Join("testdata", "nvim", "init.lua"))
	if err != nil {
		t.Fatal(err)
	}
	configDir, err := filepath.Abs("nvim")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, nvim.Path, "--headless", "-u", driver, "-i", "NONE", "-n", file)
	cmd.Dir = dir
	cmd.Env = editorEnv(t, append(env, "OUT="+out, "MODE="+mode, "STACKLS_NVIM_DIR="+configDir)...)
	output, runErr := cmd.CombinedOutput()

	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no result (%v): %v\n%s", runErr, err, output)
	}
	var res nvimResult
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("decode %s: %v\n%s", out, err, data)
	}
	if runErr != nil {
		t.Errorf("nvim exited with %v; driver log: %q\n%s", runErr, res.Log, output)
	}
	return res
}

// TestNeovim opens the WordPress entrypoint of the inception example in
// each Neovim found and checks hover, definition and diagnostics.
func TestNeovim(t *testing.T) {
	nvims := findNvims(t)
	if len(nvims) == 0 {
		t.Skip("nvim is not on PATH; install it with: apt-get install -y neovim")
	}
	for _, nvim := range nvims {
		for _, mode := range nvim.modes() {
			t.Run(nvim.String()+"/"+mode, func(t *testing.T) {
				t.Parallel()
				ws := newInception(t)
				res := runNvim(t, nvim, mode, ws.Root, ws.Script,
					"HOVER_POS="+ws.Host.String(), "DEF_POS="+ws.Host.String())
				checkNvimScript(t, ws, res)
			})
		}
	}
}

func checkNvimScript(t *testing.T, ws *inception, res nvimResult) {
	t.Helper()
	if res.Filetype != "sh" {
		t.Errorf("filetype of %s = %q, want sh", filepath.Base(res.File), res.Filetype)
	}
	if res.Client == nil {
		t.Fatalf("no stackls client attached; log: %q", res.Log)
	}
	if want := ws.Root; res.Client.RootDir != want {
		t.Errorf("root_dir = %q, want %q (the folder of the Makefile that runs docker compose, above the compose file)", res.Client.RootDir, want)
	}

	if !strings.Contains(res.Hover, "mariadb") || !regexp.MustCompile(`(?i)service`).MatchString(res.Hover) {
		t.Errorf("hover on `mariadb` at %v = %q (error %q), want text naming the service mariadb", ws.Host, res.Hover, res.HoverError)
	}

	want := location{URI: fileURI(ws.Compose), Line: ws.Service.Line, Character: ws.Service.Character}
	if len(res.Definition) != 1 || res.Definition[0] != want {
		t.Errorf("definition of `mariadb` at %v = %+v (error %q), want %+v (the mariadb: key)", ws.Host, res.Definition, res.DefinitionError, want)
	}

	checkTypoDiagnostic(t, ws, res.Diagnostics)
}

// checkTypoDiagnostic checks that the planted `mariadbb` has a diagnostic
// covering exactly that word whose message quotes it.
func checkTypoDiagnostic(t *testing.T, ws *inception, diags []diagnostic) {
	t.Helper()
	for _, d := range diags {
		if d.Line != ws.Typo.Line {
			continue
		}
		if d.Character != ws.Typo.Character || d.EndLine != ws.Typo.Line || d.EndCharacter != ws.Typo.Character+len("mariadbb") {
			t.Errorf("diagnostic on line %d spans %d:%d-%d:%d, want %d:%d-%d:%d (the word mariadbb)", d.Line,
				d.Line, d.Character, d.EndLine, d.EndCharacter,
				ws.Typo.Line, ws.Typo.Character, ws.Typo.Line, ws.Typo.Character+len("mariadbb"))
		}
		if !strings.Contains(d.Message, "mariadbb") {
			t.Errorf("diagnostic message %q does not quote `mariadbb`", d.Message)
		}
		return
	}
	t.Errorf("no diagnostic on line %d (`mariadbb`); got %+v", ws.Typo.Line, diags)
}

// TestNeovimComposeFiletype checks that the filetype rules in
// editors/nvim/plugin give compose files `yaml.docker-compose` and that
// stackls attaches to them.
func TestNeovimComposeFiletype(t *testing.T) {
	nvims := findNvims(t)
	if len(nvims) == 0 {
		t.Skip("nvim is not on PATH; install it with: apt-get install -y neovim")
	}
	for _, nvim := range nvims {
		for _, mode := range nvim.modes() {
			t.Run(nvim.String()+"/"+mode, func(t *testing.T) {
				t.Parallel()
				ws := newInception(t)
				res := runNvim(t, nvim, mode, ws.Root, ws.Compose)
				if res.Filetype != "yaml.docker-compose" {
					t.Errorf("filetype of docker-compose.yml = %q, want yaml.docker-compose", res.Filetype)
				}
				if res.Client == nil || res.Client.Name != "stackls" {
					t.Errorf("no stackls client attached to docker-compose.yml; log: %q", res.Log)
				}
			})
		}
	}
}
