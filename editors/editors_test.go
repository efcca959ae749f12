// Package editors_test runs real editors headless against the stackls
// binary and the inception example: Neovim, Emacs with eglot and Vim with
// ALE. Each test skips with a message when its editor is not installed;
// editors/install-test-editors.sh installs them on Debian.
package editors_test

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
)

var (
	buildOnce sync.Once
	buildDir  string
	buildPath string
	buildErr  error
)

// TestMain removes the binary that the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// stacklsBinary builds cmd/stackls once per test run and returns its path.
// $STACKLS_TEST_BINARY names a binary to test instead. Either way the path
// ends in "stackls", because editor configs run that name from PATH.
func stacklsBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "stackls-editors-")
		if buildErr != nil {
			return
		}
		buildPath = filepath.Join(buildDir, "stackls")
		if bin := os.Getenv("STACKLS_TEST_BINARY"); bin != "" {
			buildErr = linkBinary(bin, buildPath)
			return
		}
		cmd := exec.Command("go", "build", "-o", buildPath, "github.com/stackls/stackls/cmd/stackls")
		cmd.Dir = repoRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build ./cmd/stackls: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildPath
}

// linkBinary makes link a symbolic link to the absolute path of bin.
func linkBinary(bin, link string) error {
	abs, err := filepath.Abs(bin)
	if err != nil {
		return fmt.Errorf("STACKLS_TEST_BINARY: %w", err)
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("STACKLS_TEST_BINARY: %w", err)
	}
	return os.Symlink(abs, link)
}

// repoRoot returns the module root, the parent of this package's folder.
func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}

// pathWithBinary returns a PATH value that finds the built stackls first,
// so editor configs that run plain `stackls` start the binary under test.
func pathWithBinary(t *testing.T) string {
	return filepath.Dir(stacklsBinary(t)) + string(os.PathListSeparator) + os.Getenv("PATH")
}

// position is an LSP position: 0-based line and UTF-16 character.
type position struct {
	Line      int
	Character int
}

func (p position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Character) }

// inception is a copy of examples/inception in which the WordPress
// entrypoint misspells one host, with the positions the tests check.
type inception struct {
	Root    string // workspace folder
	Script  string // srcs/requirements/wordpress/tools/entrypoint.sh
	Compose string // srcs/docker-compose.yml

	Host    position // `mariadb` in `nc -z mariadb 3306`
	Typo    position // `mariadbb` in `mysqladmin ping -h mariadbb`
	Service position // `mariadb` in the `mariadb:` service key
}

const (
	hostLine    = "until nc -z mariadb 3306"
	plantedFrom = "mysqladmin ping -h mariadb -u"
	plantedTo   = "mysqladmin ping -h mariadbb -u"
)

// newInception copies the example into a temporary folder and plants the
// misspelled host, so the script has one diagnostic to report.
func newInception(t *testing.T) *inception {
	t.Helper()
	src := filepath.Join(repoRoot(t), "examples", "inception")
	root := filepath.Join(t.TempDir(), "inception")
	if err := copyTree(src, root); err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}

	ws := &inception{
		Root:    root,
		Script:  filepath.Join(root, "srcs", "requirements", "wordpress", "tools", "entrypoint.sh"),
		Compose: filepath.Join(root, "srcs", "docker-compose.yml"),
	}
	script := readFile(t, ws.Script)
	if !strings.Contains(script, plantedFrom) {
		t.Fatalf("%s has no line with %q to misspell", ws.Script, plantedFrom)
	}
	script = strings.Replace(script, plantedFrom, plantedTo, 1)
	if err := os.WriteFile(ws.Script, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	ws.Host = find(t, script, hostLine, "mariadb")
	ws.Typo = find(t, script, plantedTo, "mariadbb")
	ws.Service = findLine(t, readFile(t, ws.Compose), "  mariadb:", "mariadb")
	return ws
}

// find returns the position of word inside the first line containing context.
func find(t *testing.T, content, context, word string) position {
	t.Helper()
	for i, line := range strings.Split(content, "\n") {
		at := strings.Index(line, context)
		if at < 0 {
			continue
		}
		col := strings.Index(line[at:], word)
		if col < 0 {
			t.Fatalf("%q has no %q", context, word)
		}
		return position{Line: i, Character: len(utf16.Encode([]rune(line[:at+col])))}
	}
	t.Fatalf("no line contains %q", context)
	return position{}
}

// findLine returns the position of word in the line that is exactly text,
// ignoring trailing blanks: "  mariadb:" is the service key, and the
// deeper "      mariadb:" under depends_on is not.
func findLine(t *testing.T, content, text, word string) position {
	t.Helper()
	for i, line := range strings.Split(content, "\n") {
		if strings.TrimRight(line, " \t\r") == text {
			return position{Line: i, Character: len(utf16.Encode([]rune(line[:strings.Index(line, word)])))}
		}
	}
	t.Fatalf("no line is %q", text)
	return position{}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
}

// location is a definition result as the editor received it: the URI and
// the start of the target range.
type location struct {
	URI       string `json:"uri"`
	Line      int    `json:"line"`
	Character int    `json:"character"`
}

// diagnostic is one diagnostic that the editor shows, in 0-based lines and
// characters.
type diagnostic struct {
	Line         int    `json:"line"`
	Character    int    `json:"character"`
	EndLine      int    `json:"end_line"`
	EndCharacter int    `json:"end_character"`
	Severity     int    `json:"severity"`
	Message      string `json:"message"`
}

// fileURI returns the file:// URI of an absolute OS path, as editors send it.
func fileURI(path string) string {
	return "file://" + filepath.ToSlash(path)
}

// editorEnv returns an environment that isolates an editor from the user's
// configuration and temporary files and finds the built stackls first on PATH.
func editorEnv(t *testing.T, extra ...string) []string {
	home := t.TempDir()
	tmp := filepath.Join(home, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{
		"PATH=" + pathWithBinary(t),
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_STATE_HOME=" + filepath.Join(home, "state"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"TMPDIR=" + tmp,
		"TERM=dumb",
	}
	return append(env, extra...)
}
