package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/position"
)

// sampleFindings cover a non-ASCII line, a finding without a code and
// every severity.
func sampleFindings() []finding {
	content := []byte("services:\n  é😀: {restrat: no}\n")
	m := position.NewMapper(content)
	at := bytes.Index(content, []byte("restrat"))
	return []finding{
		newFinding(filepath.Join("srcs", "compose.yaml"), m, &diagnostics.Diagnostic{
			Span: position.Span{Start: at, End: at + len("restrat")}, Severity: diagnostics.Error,
			Code: "UnknownKey", CodeHref: "https://example.com/UnknownKey",
			Message: "`restrat` is not a service property; did you mean `restart`?",
		}),
		newFinding("Dockerfile", position.NewMapper([]byte("FROM a\n")), &diagnostics.Diagnostic{
			Span: position.Span{Start: 5, End: 6}, Severity: diagnostics.Warning, Message: "no tag",
		}),
		newFinding("Dockerfile", position.NewMapper([]byte("FROM a\n")), &diagnostics.Diagnostic{
			Span: position.Span{Start: 0, End: 4}, Severity: diagnostics.Hint, Code: "UnknownKey", Message: "hint",
		}),
	}
}

func TestNewFindingCountsUTF16Columns(t *testing.T) {
	f := sampleFindings()[0]
	// "  é😀: {" is 2 + 1 + 2 + 3 = 8 UTF-16 units, so restrat starts at column 9.
	want := finding{Path: filepath.Join("srcs", "compose.yaml"), Line: 2, Column: 9, EndLine: 2, EndColumn: 16,
		Severity: "error", Code: "UnknownKey", Message: f.Message, CodeHref: "https://example.com/UnknownKey"}
	if f != want {
		t.Errorf("finding = %+v\nwant      %+v", f, want)
	}
}

func TestWriteText(t *testing.T) {
	var out bytes.Buffer
	if err := writeText(&out, sampleFindings()); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("srcs", "compose.yaml") + ":2:9: error: `restrat` is not a service property; did you mean `restart`? [UnknownKey]\n" +
		"Dockerfile:1:6: warning: no tag\n" +
		"Dockerfile:1:1: hint: hint [UnknownKey]\n"
	if out.String() != want {
		t.Errorf("text output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var out bytes.Buffer
	if err := writeJSON(&out, sampleFindings()[1:2]); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	want := []map[string]any{{"path": "Dockerfile", "line": 1.0, "column": 6.0, "endLine": 1.0, "endColumn": 7.0, "severity": "warning", "message": "no tag"}}
	if gotJSON, wantJSON := mustJSON(t, got), mustJSON(t, want); gotJSON != wantJSON {
		t.Errorf("json output = %s\nwant %s", gotJSON, wantJSON)
	}

	out.Reset()
	if err := writeJSON(&out, nil); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("json output without findings = %q, want []", out.String())
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// sarifSchema compiles the SARIF 2.1.0 schema in testdata.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	file, err := os.Open(filepath.Join("testdata", "sarif-2.1.0-rtm.5.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	doc, err := jsonschema.UnmarshalJSON(file)
	if err != nil {
		t.Fatalf("reading the SARIF schema: %v", err)
	}
	compiler := jsonschema.NewCompiler()
	const url = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := compiler.AddResource(url, doc); err != nil {
		t.Fatalf("adding the SARIF schema: %v", err)
	}
	schema, err := compiler.Compile(url)
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	return schema
}

func TestWriteSARIFIsValid(t *testing.T) {
	schema := sarifSchema(t)
	for _, found := range [][]finding{sampleFindings(), nil} {
		var out bytes.Buffer
		if err := writeSARIF(&out, found); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("output is not JSON: %v", err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("SARIF output with %d findings is invalid: %v\n%s", len(found), err, out.String())
		}
	}
}

func TestWriteSARIFContent(t *testing.T) {
	var out bytes.Buffer
	if err := writeSARIF(&out, sampleFindings()); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "stackls" || len(run.Tool.Driver.Rules) != 1 {
		t.Fatalf("driver = %+v, want stackls with one rule", run.Tool.Driver)
	}
	if rule := run.Tool.Driver.Rules[0]; rule.ID != "UnknownKey" || rule.HelpURI != "https://example.com/UnknownKey" {
		t.Errorf("rule = %+v", rule)
	}
	first := run.Results[0]
	loc := first.Locations[0].PhysicalLocation
	if first.Level != "error" || loc.ArtifactLocation.URI != "srcs/compose.yaml" ||
		loc.Region != (sarifRegion{StartLine: 2, StartColumn: 9, EndLine: 2, EndColumn: 16}) {
		t.Errorf("first result = %+v", first)
	}
	if got := []string{run.Results[1].Level, run.Results[2].Level}; got[0] != "warning" || got[1] != "note" {
		t.Errorf("levels = %v, want [warning note]", got)
	}
	if run.Results[1].RuleIndex != nil || *run.Results[2].RuleIndex != 0 {
		t.Errorf("rule indexes = %v, %v; want none and 0", run.Results[1].RuleIndex, *run.Results[2].RuleIndex)
	}
}

// writeWorkspace writes files into a temporary folder and changes to it.
func writeWorkspace(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for rel, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

func runCommand(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, os.Stdin, nopWriteCloser{&out}, &errOut)
	return code, out.String(), errOut.String()
}

type nopWriteCloser struct{ *bytes.Buffer }

func (nopWriteCloser) Close() error { return nil }

// TestCheckFormatsAgree runs check on a small workspace in every format:
// each lists the same findings, and the exit status follows the errors.
func TestCheckFormatsAgree(t *testing.T) {
	schema := sarifSchema(t) // before writeWorkspace changes the folder
	writeWorkspace(t, map[string]string{
		"compose.yaml":   "services:\n  db:\n    image: mariadb:11\n  web:\n    build: ./web\n    depends_on: [db\n",
		"web/Dockerfile": "FROM alpine:3.20\nRUN echo é\n",
		"web/run.sh":     "#!/bin/sh\nif then\n",
	})
	code, text, stderr := runCommand("check")
	if want := "stackls check: 3 files checked, 3 problems, 3 of them errors\n"; stderr != want {
		t.Errorf("stderr = %q, want the summary %q", stderr, want)
	}
	_, jsonOut, jsonErr := runCommand("check", "--format", "json", ".")
	if jsonErr != "" {
		t.Errorf("stderr of --format json = %q, want nothing", jsonErr)
	}
	sarifCode, sarifOut, _ := runCommand("check", "--format=sarif")

	var found []finding
	if err := json.Unmarshal([]byte(jsonOut), &found); err != nil {
		t.Fatalf("json output: %v\n%s", err, jsonOut)
	}
	var buf bytes.Buffer
	if err := writeText(&buf, found); err != nil {
		t.Fatal(err)
	}
	if buf.String() != text {
		t.Errorf("text output:\n%s\ndiffers from the json output:\n%s", text, buf.String())
	}
	hasError := false
	for _, f := range found {
		hasError = hasError || f.Severity == "error"
		if filepath.IsAbs(f.Path) || strings.HasPrefix(f.Path, "..") {
			t.Errorf("path %q is not relative to the current folder", f.Path)
		}
	}
	if want := map[bool]int{false: 0, true: 1}[hasError]; code != want || sarifCode != want {
		t.Errorf("exit codes %d (text), %d (sarif); want %d for %d findings", code, sarifCode, want, len(found))
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(sarifOut))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("sarif output is invalid: %v", err)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	writeWorkspace(t, map[string]string{"compose.yaml": "services: {}\n"})
	tests := [][]string{
		{"check", "--format", "xml"},
		{"check", "--no-such-flag"},
		{"check", "no-such-folder"},
		{"check", "compose.yaml"},
		{"frobnicate"},
	}
	for _, args := range tests {
		if code, _, stderr := runCommand(args...); code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d with stderr %q, want %d and a message", args, code, stderr, exitUsage)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	version = "v9.9.9-test"
	defer func() { version = "" }()
	if code, out, _ := runCommand("version"); code != 0 || out != "stackls v9.9.9-test\n" {
		t.Errorf("version: exit %d, output %q", code, out)
	}
}

func TestServeAcceptsStdio(t *testing.T) {
	for _, args := range [][]string{{"--stdio"}, {"serve", "--stdio"}, {}} {
		in, clientOut, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		body := `{"jsonrpc":"2.0","method":"exit"}`
		if _, err := clientOut.WriteString("Content-Length: 33\r\n\r\n" + body); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		code := run(context.Background(), args, in, nopWriteCloser{&out}, &bytes.Buffer{})
		clientOut.Close()
		if code != 1 {
			t.Errorf("%v: exit without shutdown gave %d, want 1", args, code)
		}
	}
}
