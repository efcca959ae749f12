package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// finding is one diagnostic as check prints it. Lines are 1-based;
// columns are 1-based and counted in UTF-16 code units, as LSP clients
// and SARIF viewers count them.
type finding struct {
	Path      string `json:"path"` // relative to the current folder, with OS separators
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Severity  string `json:"severity"` // error, warning, info or hint
	Code      string `json:"code,omitempty"`
	Message   string `json:"message"`
	CodeHref  string `json:"-"`
}

const checkUsage = `Usage: stackls check [--format text|json|sarif] [PATH...]

Index each PATH (a folder, default ".") as the language server does and
print every diagnostic of every file, sorted by path, line and column.

The text format prints one line per diagnostic:
  path:line:col: severity: message [code]
with the path relative to the current folder, the line 1-based and the
column 1-based in UTF-16 code units (as editors count them). The json
format prints an array of objects with path, line, column, endLine,
endColumn, severity, code and message. The sarif format prints a SARIF
2.1.0 log.

Exit status: 0 when no diagnostic is an error, 1 when one is, 2 on bad
usage.

Flags:
`

// check runs "stackls check".
func check(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(stderr, checkUsage)
		flags.PrintDefaults()
	}
	format := flags.String("format", "text", "output format: text, json or sarif")
	if err := flags.Parse(args); err != nil {
		return exitUsage
	}
	write, ok := writers[*format]
	if !ok {
		fmt.Fprintf(stderr, "stackls check: invalid --format %q: want text, json or sarif\n", *format)
		return exitUsage
	}
	paths := flags.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, path := range paths {
		if info, err := os.Stat(path); err != nil || !info.IsDir() {
			fmt.Fprintf(stderr, "stackls check: %s is not a folder\n", path)
			return exitUsage
		}
	}

	found, files, err := collect(ctx, paths)
	if err != nil {
		fmt.Fprintf(stderr, "stackls check: %v\n", err)
		return exitUsage
	}
	if err := write(stdout, found); err != nil {
		fmt.Fprintf(stderr, "stackls check: writing the report: %v\n", err)
		return exitFound
	}
	errors := 0
	for _, f := range found {
		if f.Severity == diagnostics.Error.String() {
			errors++
		}
	}
	if *format == "text" {
		// The summary goes to stderr so that stdout holds only findings.
		if len(found) == 0 {
			fmt.Fprintf(stderr, "stackls check: %d files checked, no problems\n", files)
		} else {
			fmt.Fprintf(stderr, "stackls check: %d files checked, %s, %d of them errors\n", files, plural(len(found), "problem"), errors)
		}
	}
	if errors > 0 {
		return exitFound
	}
	return exitOK
}

// writers print findings in each --format.
var writers = map[string]func(io.Writer, []finding) error{
	"text":  writeText,
	"json":  writeJSON,
	"sarif": writeSARIF,
}

// collect indexes the folders as the server does and returns the
// diagnostics of every file, sorted, and the number of files checked.
func collect(ctx context.Context, folders []string) ([]finding, int, error) {
	abs := make([]string, len(folders))
	for i, folder := range folders {
		var err error
		if abs[i], err = filepath.Abs(folder); err != nil {
			return nil, 0, fmt.Errorf("resolving %s: %w", folder, err)
		}
	}
	snap, err := workspace.NewSession().AddFolders(ctx, abs)
	if err != nil {
		return nil, 0, err
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, 0, fmt.Errorf("reading the current folder: %w", err)
	}

	var found []finding
	for _, f := range snap.Files() {
		path := f.Path()
		if rel, err := filepath.Rel(cwd, path); err == nil {
			path = rel
		}
		for _, d := range diagnostics.File(ctx, snap, f.URI) {
			found = append(found, newFinding(path, f.Mapper(), d))
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Message < b.Message
	})
	return found, len(snap.Files()), nil
}

// newFinding converts a diagnostic of the file that m maps. A Span
// outside the content, which a feature should never return, is reported
// at the end of the file.
func newFinding(path string, m *position.Mapper, d *diagnostics.Diagnostic) finding {
	rng, err := m.SpanRange(d.Span, position.UTF16)
	if err != nil {
		end := m.LineCount() - 1
		rng = position.Range{Start: position.Position{Line: end}, End: position.Position{Line: end}}
	}
	return finding{
		Path:      path,
		Line:      rng.Start.Line + 1,
		Column:    rng.Start.Character + 1,
		EndLine:   rng.End.Line + 1,
		EndColumn: rng.End.Character + 1,
		Severity:  d.Severity.String(),
		Code:      d.Code,
		Message:   d.Message,
		CodeHref:  d.CodeHref,
	}
}

// plural returns "1 problem" or "n problems".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
