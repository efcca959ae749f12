package diagnostics_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/stackls/stackls/completion"
	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/semantic"
	"github.com/stackls/stackls/symbols"
	"github.com/stackls/stackls/workspace"
)

// moduleDir returns the folder of a module in the module cache.
func moduleDir(t *testing.T, module string) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module).Output()
	if err != nil {
		t.Skipf("go list -m %s: %v", module, err)
	}
	return strings.TrimSpace(string(out))
}

// buildkitErrorLine returns the 0-based line of the error that buildkit's
// parser and instruction parser report for content, or -1 when they
// accept it.
func buildkitErrorLine(content []byte) int {
	res, err := parser.Parse(bytes.NewReader(content))
	if err == nil {
		_, _, err = instructions.Parse(res.AST, nil)
	}
	if err == nil {
		return -1
	}
	var located *parser.LocationError
	if errors.As(err, &located) && len(located.Locations) > 0 && len(located.Locations[0]) > 0 {
		return max(located.Locations[0][0].Start.Line-1, 0)
	}
	return 0
}

type conformanceResult struct {
	files, agree     int
	rejectedPositive int                 // positive parser test files that buildkit's instruction parser rejects
	disagree         map[string][]string // kind → files
}

func (r *conformanceResult) fail(kind, file string) {
	r.disagree[kind] = append(r.disagree[kind], file)
}

// TestConformanceBuildkitParser runs every Dockerfile of buildkit's parser
// test files and compares the verdict with buildkit's: a file that
// buildkit's parser and instruction parser accept gets no error, and a file
// they reject gets an error on the line buildkit reports. Some positive
// parser test files are not valid Dockerfiles (CMD before FROM, HEALTHCHECK
// without a command, an unknown flag): buildkit's instruction parser
// rejects them, and so does stackls. Every feature must return at every
// offset without error, with Spans inside the content.
func TestConformanceBuildkitParser(t *testing.T) {
	dir := filepath.Join(moduleDir(t, "github.com/moby/buildkit"), "frontend", "dockerfile", "parser")
	positive, _ := filepath.Glob(filepath.Join(dir, "testfiles", "*", "Dockerfile"))
	negative, _ := filepath.Glob(filepath.Join(dir, "testfiles-negative", "*", "Dockerfile"))
	if len(positive) == 0 || len(negative) == 0 {
		t.Fatalf("no test files under %s", dir)
	}
	res := &conformanceResult{disagree: map[string][]string{}}
	root := t.TempDir()
	for _, path := range append(positive, negative...) {
		content, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(path))
		isNegative := strings.Contains(path, "testfiles-negative")
		res.files++
		ok := checkConformanceFile(t, root, name, content, isNegative, res)
		if ok {
			res.agree++
		}
	}
	var kinds []string
	for kind := range res.disagree {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-34s %d\n%-34s %d\n%-34s %d\n%-34s %d\n", "files", res.files,
		"positive files buildkit rejects", res.rejectedPositive, "agreements", res.agree, "disagreements", res.files-res.agree)
	for _, kind := range kinds {
		fmt.Fprintf(&table, "  %-26s %d %v\n", kind, len(res.disagree[kind]), res.disagree[kind])
	}
	t.Log(table.String())
	if res.agree != res.files {
		t.Errorf("%d of %d files disagree with buildkit", res.files-res.agree, res.files)
	}
}

// checkConformanceFile checks one file and reports whether stackls agrees
// with buildkit on it.
func checkConformanceFile(t *testing.T, root, name string, content []byte, isNegative bool, res *conformanceResult) bool {
	session := workspace.NewSession()
	uri := position.URIFromPath(filepath.Join(root, name, "Dockerfile"))
	snap := session.Open(uri, "dockerfile", 1, content)
	ctx := context.Background()
	ok := true

	wantLine := buildkitErrorLine(content)
	if isNegative && wantLine < 0 {
		wantLine = 0 // the parser tests reject it
	}
	rejected := wantLine >= 0
	if rejected && !isNegative {
		res.rejectedPositive++
	}
	var errorLines []int
	for _, d := range diagnostics.File(ctx, snap, uri) {
		if d.Severity == diagnostics.Error {
			errorLines = append(errorLines, bytes.Count(content[:d.Span.Start], []byte("\n")))
			if wantLine < 0 {
				t.Logf("%s: unexpected error %s at %v: %s", name, d.Code, d.Span, d.Message)
			}
		}
	}
	switch {
	case !rejected && len(errorLines) > 0:
		res.fail("error buildkit does not give", name)
		ok = false
	case rejected && !containsInt(errorLines, wantLine):
		t.Logf("%s: want an error on line %d, got errors on lines %v", name, wantLine, errorLines)
		res.fail("no error at buildkit's line", name)
		ok = false
	}
	if !checkFileFeatures(t, snap, uri, content, name, res) {
		ok = false
	}
	return ok
}

func containsInt(values []int, v int) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// checkFileFeatures checks that outline, folding and tokens stay inside the
// content, and that hover, definition and completion return no error at
// any offset.
func checkFileFeatures(t *testing.T, snap *workspace.Snapshot, uri position.URI, content []byte, name string, res *conformanceResult) bool {
	ctx := context.Background()
	n := len(content)
	inside := func(s position.Span) bool { return s.Valid() && s.End <= n }
	ok := true
	syms, err := symbols.Document(ctx, snap, uri)
	for _, sym := range syms {
		if err != nil || !inside(sym.Span) || !inside(sym.SelectionSpan) {
			res.fail("symbol outside", name)
			ok = false
		}
	}
	folds, err := symbols.Folding(ctx, snap, uri)
	for _, f := range folds {
		if err != nil || !inside(f.Span) {
			res.fail("folding outside", name)
			ok = false
		}
	}
	tokens, err := semantic.Tokens(ctx, snap, uri)
	for _, tok := range tokens {
		if err != nil || !inside(tok.Span) {
			res.fail("token outside", name)
			ok = false
		}
	}
	for offset := 0; offset <= n; offset++ {
		if _, err := hover.Hover(ctx, snap, uri, offset); err != nil {
			t.Logf("%s: hover at %d: %v", name, offset, err)
			res.fail("hover error", name)
			return false
		}
		if _, err := navigation.Definition(ctx, snap, uri, offset); err != nil {
			res.fail("definition error", name)
			return false
		}
		if _, err := completion.Complete(ctx, snap, uri, offset, completion.Options{Snippets: true}); err != nil {
			res.fail("completion error", name)
			return false
		}
	}
	return ok
}
