package diagnostics_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeGoKnownDifferences are the test files of compose-go where our
// verdict differs from its loader's, with the reason. Paths are relative
// to the module's folder.
var composeGoKnownDifferences = map[string]string{
	"loader/testdata/empty.yaml": "compose rejects an empty file; stackls does not flag a file that is being written",
}

// buildTimeRules are rules whose errors docker compose raises when it
// builds or starts the project, not when it loads it, so the loader's
// verdict cannot confirm them.
var buildTimeRules = map[string]string{
	"MissingBuildContext": "the loader does not check that a build context or Dockerfile exists; docker compose build fails on it",
	"MissingResourceFile": "the loader does not check that a secret or config file exists; docker compose up fails on it",
	"UnknownBuildTarget":  "the loader does not read Dockerfiles; docker compose build fails on an unknown target",
	"InvalidRestart":      "the loader accepts any restart string; docker compose up fails when Docker creates the container",
}

// composeGoModuleDir returns the folder of compose-go in the module cache.
func composeGoModuleDir(t *testing.T) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/compose-spec/compose-go/v2").Output()
	if err != nil {
		t.Skipf("locating compose-go: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// copyTree copies the regular files under src into dst.
func copyTree(t *testing.T, src, dst string) {
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, content, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
}

// composeGoVerdict loads a compose file with compose-go's loader, as
// docker compose would with the .env file next to it, and returns its
// error, or nil when it accepts the project.
func composeGoVerdict(path string) error {
	opts, err := cli.NewProjectOptions([]string{path},
		cli.WithWorkingDirectory(filepath.Dir(path)), cli.WithName("conformance"), cli.WithEnvFiles(), cli.WithDotEnv)
	if err != nil {
		return err
	}
	_, err = opts.LoadProject(context.Background())
	return err
}

type conformanceRow struct {
	file, composeGo, ours, verdict string
}

func TestConformanceComposeGo(t *testing.T) {
	modDir := composeGoModuleDir(t)
	var rows []conformanceRow
	counts := map[string]int{}
	for _, dir := range []string{"loader/testdata", "cli/testdata"} {
		root := t.TempDir()
		copyTree(t, filepath.Join(modDir, dir), root)
		session := workspace.NewSession()
		if _, err := session.AddFolders(context.Background(), []string{root}); err != nil {
			t.Fatal(err)
		}
		paths, _ := filepath.Glob(filepath.Join(root, "*.y*ml"))
		more, _ := filepath.Glob(filepath.Join(root, "*", "*.y*ml"))
		deeper, _ := filepath.Glob(filepath.Join(root, "*", "*", "*.y*ml"))
		paths = append(append(paths, more...), deeper...)
		sort.Strings(paths)
		for _, path := range paths {
			rel, _ := filepath.Rel(root, path)
			row := compareWithComposeGo(t, session, path, filepath.ToSlash(filepath.Join(dir, rel)))
			counts[row.verdict]++
			rows = append(rows, row)
		}
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-66s %-10s %-24s %s\n", "file", "compose-go", "stackls", "verdict")
	for _, r := range rows {
		fmt.Fprintf(&table, "%-66s %-10s %-24s %s\n", r.file, r.composeGo, r.ours, r.verdict)
	}
	for code, reason := range buildTimeRules {
		fmt.Fprintf(&table, "build-time rule %s: %s\n", code, reason)
	}
	fmt.Fprintf(&table, "files tried: %d, agreements: %d, known differences: %d, disagreements: %d",
		len(rows), counts["agree"], counts["known difference"], counts["DISAGREE"])
	t.Log(table.String())
}

// compareWithComposeGo opens one file in the session as an editor would,
// and compares our error diagnostics with compose-go's verdict.
func compareWithComposeGo(t *testing.T, session *workspace.Session, path, rel string) conformanceRow {
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	uri := position.URIFromPath(path)
	snap := session.Open(uri, "dockercompose", 1, content)
	var errs []*diagnostics.Diagnostic
	buildTime := 0
	for _, d := range diagnostics.File(context.Background(), snap, uri) {
		switch {
		case d.Severity != diagnostics.Error:
		case buildTimeRules[d.Code] != "":
			buildTime++
		default:
			errs = append(errs, d)
		}
	}
	session.Close(uri)
	loadErr := composeGoVerdict(path)
	row := conformanceRow{file: rel, composeGo: "accepts", ours: "accepts"}
	if loadErr != nil {
		row.composeGo = "rejects"
	}
	if len(errs) > 0 {
		row.ours = "rejects"
	}
	if buildTime > 0 {
		row.ours += fmt.Sprintf(" (+%d build-time)", buildTime)
	}
	agree := loadErr == nil && len(errs) == 0 || loadErr != nil && namesSameThing(loadErr, errs, content)
	switch reason, known := composeGoKnownDifferences[rel]; {
	case agree:
		row.verdict = "agree"
		if loadErr != nil {
			t.Logf("%s: both reject: compose-go %q; stackls %s: %s", rel, firstLine(loadErr.Error()), errs[0].Code, errs[0].Message)
		}
	case known:
		row.verdict = "known difference"
		t.Logf("%s: known difference: %s", rel, reason)
	default:
		row.verdict = "DISAGREE"
		var ours []string
		for _, d := range errs {
			ours = append(ours, d.Code+": "+d.Message)
		}
		t.Errorf("%s: compose-go says %v; stackls reports %q", rel, loadErr, ours)
	}
	return row
}

// namesSameThing reports whether one of our errors is about a key or value
// that compose-go's error message quotes.
func namesSameThing(loadErr error, errs []*diagnostics.Diagnostic, content []byte) bool {
	msg := loadErr.Error()
	for _, d := range errs {
		word := string(content[d.Span.Start:d.Span.End])
		word = strings.Trim(word, `"'`)
		if word != "" && strings.Contains(msg, word) {
			return true
		}
		for _, quoted := range strings.Split(d.Message, "`") {
			if len(quoted) > 1 && !strings.Contains(quoted, " ") && (strings.Contains(msg, quoted) || strings.Contains(msg, "/"+filepath.Base(quoted))) {
				return true
			}
		}
	}
	return false
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
