package reliability

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// A Dockerfile and a compose file with one problem each on line 1, which
// the server reports whenever it parses them.
const (
	brokenDockerfile = "FROM alpine:3.20\nFROMM alpine\n"
	brokenCompose    = "services:\n  web:\n    image: nginx\n    depends_on: [dbb]\n"
)

// padded returns head followed by comment lines up to exactly size bytes.
func padded(head string, size int) []byte { return bigFile(size, head) }

// limitWorkspace holds files over the size limit and with NUL bytes,
// which the server must not parse, and files at exactly the limit, which
// it must.
func limitWorkspace() files {
	return files{
		"big/Dockerfile":       padded(brokenDockerfile, workspace.MaxFileSize+1),
		"big/compose.yaml":     padded(brokenCompose, 3<<20),
		"nul/Dockerfile":       []byte(brokenDockerfile + "RUN echo \x00\n"),
		"nul/compose.yaml":     []byte(brokenCompose + "# \x00\n"),
		"limit/Dockerfile":     padded(brokenDockerfile, workspace.MaxFileSize),
		"limit/compose.yaml":   padded(brokenCompose, workspace.MaxFileSize),
		"limit/entrypoint.sh":  []byte("#!/bin/sh\nexec \"$@\"\n"),
		"nul/entrypoint.sh":    []byte("#!/bin/sh\nexec \"$@\"\x00\n"),
		"big/docker-bake.json": padded("{}", 3<<20),
	}
}

// TestSkippedFilesNotParsed checks that files over 2 MiB or with a NUL
// byte get no diagnostics and no outline, on disk and when opened, while
// files of exactly 2 MiB do.
func TestSkippedFilesNotParsed(t *testing.T) {
	c := startServer(t, limitWorkspace(), nil)
	skipped := []string{"big/Dockerfile", "big/compose.yaml", "nul/Dockerfile", "nul/compose.yaml"}
	parsed := []string{"limit/Dockerfile", "limit/compose.yaml"}

	for _, rel := range skipped {
		if got := c.Diagnostics(rel); len(got) > 0 {
			t.Errorf("%s on disk: diagnostics %v, want none for a file that is not parsed", rel, got)
		}
		if got := c.Symbols(rel); len(got) > 0 {
			t.Errorf("%s on disk: outline %v, want none", rel, got)
		}
	}
	for _, rel := range parsed {
		if got := c.Diagnostics(rel); len(got) == 0 {
			t.Errorf("%s of exactly 2 MiB on disk: no diagnostics, want the problem on line 1", rel)
		}
		if got := c.Symbols(rel); len(got) == 0 {
			t.Errorf("%s of exactly 2 MiB on disk: no outline", rel)
		}
	}

	for _, rel := range skipped {
		c.Open(rel)
		if got := c.Diagnostics(rel); len(got) > 0 {
			t.Errorf("%s opened: diagnostics %v, want none for a file that is not parsed", rel, got)
		}
	}
}

// TestSkippedFilesLoggedOnce checks that the server log names each file
// over 2 MiB or with a NUL byte once, as a file it does not parse.
func TestSkippedFilesLoggedOnce(t *testing.T) {
	c := startServer(t, limitWorkspace(), []lsptest.Option{lsptest.Binary()})
	c.Open("big/compose.yaml")
	c.Sync()
	log := c.ServerLog()
	for _, rel := range []string{"big/Dockerfile", "big/compose.yaml", "nul/Dockerfile", "nul/compose.yaml"} {
		if n := strings.Count(log, rel); n != 1 {
			t.Errorf("the server log names %s %d times, want once (it is not parsed)", rel, n)
		}
	}
	if t.Failed() {
		t.Logf("server log:\n%s", log)
	}
}

// latin1Files have Latin-1 bytes (0xe9 for "é", 0xff, 0xfe), which are
// not UTF-8, before the tokens that the checks below find.
var latin1Files = files{
	"compose.yaml":  []byte("# caf\xe9\nservices:\n  w\xe9b:\n    image: nginx\n    depends_on: [dbb]\n  db:\n    image: postgres\n"),
	"Dockerfile":    []byte("# \xe9\xe9\nFROM alpine AS b\xe9se\nLABEL a=\"caf\xe9\"\nFROMM alpine\n"),
	"Makefile":      []byte("# \xe9\nV\xe9 := 1\nall: caf\xe9\ncaf\xe9:\n\techo \xff\n"),
	".env":          []byte("# \xe9\nA=caf\xe9\nB=\xff\xfe\nC=3\n"),
	"entrypoint.sh": []byte("#!/bin/sh\n# caf\xe9\necho 'caf\xe9' \xff\nmain() { echo \"$1\"; }\nmain \"$@\"\n"),
}

// TestNonUTF8PositionsStayRight checks that bytes that are not UTF-8
// before a token do not move the ranges the server sends. On disk each
// such byte is one UTF-16 code unit, as in an editor that decodes it to
// U+FFFD. An opened document carries U+FFFD in its JSON text, which is
// one code unit too, so the outline and tokens must not move on opening.
// A compose file with such bytes is invalid YAML for compose, so on disk
// its diagnostics must cover an invalid byte.
func TestNonUTF8PositionsStayRight(t *testing.T) {
	c := startServer(t, latin1Files, nil)

	dockerDiags := c.Diagnostics("Dockerfile")
	if want := c.Find("Dockerfile", "FROMM", 1); len(dockerDiags) == 0 || dockerDiags[len(dockerDiags)-1].Span.Start != want.Start {
		t.Errorf("diagnostics of the Dockerfile = %v, want the last one starting at %d (`FROMM`)", dockerDiags, want.Start)
	}
	composeContent := latin1Files["compose.yaml"]
	composeDiags := c.Diagnostics("compose.yaml")
	if len(composeDiags) == 0 {
		t.Errorf("compose.yaml on disk: no diagnostics, want one on the bytes that are not UTF-8, which compose rejects")
	}
	for _, d := range composeDiags {
		if utf8.Valid(composeContent[d.Span.Start:d.Span.End]) {
			t.Errorf("compose.yaml on disk: diagnostic %v covers %q, which contains no invalid byte", d, composeContent[d.Span.Start:d.Span.End])
		}
	}

	for _, rel := range latin1Files.paths() {
		if rel == "compose.yaml" {
			continue
		}
		onDisk := fileResults(t, c, rel)
		c.Open(rel)
		if opened := fileResults(t, c, rel); !reflect.DeepEqual(onDisk, opened) {
			t.Errorf("%s: outline and tokens on disk %v, opened %v; want the same ranges", rel, onDisk, opened)
		}
		if len(onDisk) == 0 {
			t.Errorf("%s: no outline and no semantic tokens; the test needs ranges after the invalid bytes", rel)
		}
	}

	c.Open("compose.yaml")
	var outline []struct {
		Children []struct {
			Name           string
			SelectionRange struct{ Start, End position.Position }
		}
	}
	if err := json.Unmarshal([]byte(rawRanges(t, c, "compose.yaml")), &outline); err != nil {
		t.Fatalf("decoding the outline: %v", err)
	}
	span := c.Find("compose.yaml", "w\xe9b", 1)
	want, _ := position.NewMapper(composeContent).SpanRange(span, position.UTF16)
	if len(outline) == 0 || len(outline[0].Children) == 0 || outline[0].Children[0].SelectionRange != (struct{ Start, End position.Position }{want.Start, want.End}) {
		t.Errorf("opened compose.yaml: outline %+v, want the first service at %+v", outline, want)
	}
}

// rawRanges returns the documentSymbol result of a file as JSON, ranges
// as the server sent them.
func rawRanges(t *testing.T, c *lsptest.Client, rel string) string {
	t.Helper()
	var result json.RawMessage
	if err := c.Call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uriOf(c, rel)}}, &result); err != nil {
		t.Fatalf("documentSymbol of %s: %v", rel, err)
	}
	return string(bytes.TrimSpace(result))
}

// fileResults returns the decoded documentSymbol and semantic tokens
// results of a file, by method, leaving out empty ones.
func fileResults(t *testing.T, c *lsptest.Client, rel string) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, method := range []string{"textDocument/documentSymbol", "textDocument/semanticTokens/full"} {
		var result any
		if err := c.Call(method, map[string]any{"textDocument": map[string]any{"uri": uriOf(c, rel)}}, &result); err != nil {
			t.Fatalf("%s of %s: %v", method, rel, err)
		}
		if tokens, ok := result.(map[string]any); ok {
			result = tokens["data"]
		}
		if list, ok := result.([]any); ok && len(list) > 0 {
			out[method] = result
		}
	}
	return out
}
