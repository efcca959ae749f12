package server_test

import (
	"encoding/json"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestPositionEncodingNegotiation(t *testing.T) {
	tests := []struct {
		offered []string
		want    string
	}{
		{nil, "utf-16"},
		{[]string{"utf-16"}, "utf-16"},
		{[]string{"utf-8", "utf-16"}, "utf-8"},
		{[]string{"utf-16", "utf-8"}, "utf-8"},
		{[]string{"utf-32", "utf-16"}, "utf-16"},
		{[]string{"utf-32"}, "utf-32"},
		{[]string{"latin-1"}, "utf-16"},
	}
	for _, tt := range tests {
		c := lsptest.New(t, composeArchive, lsptest.WithEncodings(tt.offered...))
		var caps struct {
			PositionEncoding string `json:"positionEncoding"`
		}
		if err := json.Unmarshal(c.Capabilities(), &caps); err != nil {
			t.Fatal(err)
		}
		if caps.PositionEncoding != tt.want {
			t.Errorf("client offers %v: server chose %q, want %q", tt.offered, caps.PositionEncoding, tt.want)
		}
	}
}

// bomCRLFDockerfile starts with a BOM, ends its lines with CRLF and holds
// characters of 2 and 4 UTF-8 bytes (1 and 2 UTF-16 code units).
const bomCRLFDockerfile = "\ufeffFROM alpine\r\n# é 😀 x\r\nRUN echo hi\r\n"

// edits are incremental changes to bomCRLFDockerfile with ranges computed
// by hand for each encoding, sent as three didChange notifications.
var edits = map[string][][]map[string]any{
	"utf-16": {
		{change(1, 7, 1, 8, "y"), change(0, 6, 0, 12, "debian")}, // x → y, alpine → debian (the BOM is 1 unit)
		{change(2, 11, 2, 11, " there")},                         // append to line 2, before its CRLF
		{change(0, 12, 1, 0, "\n")},                              // CRLF of line 0 → LF
	},
	"utf-8": {
		{change(1, 10, 1, 11, "y"), change(0, 8, 0, 14, "debian")}, // the BOM is 3 bytes, é 2, 😀 4
		{change(2, 11, 2, 11, " there")},
		{change(0, 14, 1, 0, "\n")},
	},
	"utf-32": {
		{change(1, 6, 1, 7, "y"), change(0, 6, 0, 12, "debian")}, // every code point is 1
		{change(2, 11, 2, 11, " there")},
		{change(0, 12, 1, 0, "\n")},
	},
}

const editedDockerfile = "\ufeffFROM debian\n# é 😀 y\r\nRUN echo hi there\r\n"

func change(startLine, startChar, endLine, endChar int, text string) map[string]any {
	return map[string]any{
		"range": map[string]any{
			"start": map[string]any{"line": startLine, "character": startChar},
			"end":   map[string]any{"line": endLine, "character": endChar},
		},
		"text": text,
	}
}

// serverContent returns the content the in-process server holds for a
// file, after every message sent so far.
func serverContent(t *testing.T, c *lsptest.Client, rel string) string {
	t.Helper()
	c.Sync()
	f := c.ServerOptions().Session.Snapshot().File(c.WS.URI(rel))
	if f == nil {
		t.Fatalf("the server has no file %s", rel)
	}
	return string(f.Content)
}

func TestIncrementalEditsNonASCIICRLFBOM(t *testing.T) {
	for enc, batches := range edits {
		t.Run(enc, func(t *testing.T) {
			c := lsptest.New(t, "-- Dockerfile --\n", lsptest.WithEncodings(enc))
			if got := c.Encoding().String(); got != enc {
				t.Fatalf("negotiated %s, want %s", got, enc)
			}
			c.OpenContent("Dockerfile", "dockerfile", []byte(bomCRLFDockerfile))

			for i, batch := range batches {
				c.Notify("textDocument/didChange", map[string]any{
					"textDocument":   map[string]any{"uri": c.WS.URI("Dockerfile"), "version": i + 2},
					"contentChanges": batch,
				})
			}
			if got := serverContent(t, c, "Dockerfile"); got != editedDockerfile {
				t.Errorf("content after edits = %q, want %q", got, editedDockerfile)
			}

			// A change without a range replaces the whole content.
			c.Notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": c.WS.URI("Dockerfile"), "version": 9},
				"contentChanges": []any{map[string]any{"text": "FROM scratch\n"}},
			})
			if got := serverContent(t, c, "Dockerfile"); got != "FROM scratch\n" {
				t.Errorf("content after a full change = %q, want %q", got, "FROM scratch\n")
			}
		})
	}
}

func TestClientEditsMatchServer(t *testing.T) {
	for _, enc := range []string{"utf-16", "utf-8"} {
		t.Run(enc, func(t *testing.T) {
			c := lsptest.New(t, "-- compose.yaml --\nservices:\n  «app»app:\n    image: nginx\n",
				lsptest.WithEncodings(enc), lsptest.WithCRLF("compose.yaml"))
			c.Open("compose.yaml")
			c.Replace("compose.yaml", "app", "appé😀")
			c.Replace("compose.yaml", "nginx", "nginx:1.27\r\n    restart: always")
			c.Replace("compose.yaml", "services:\r\n", "")

			want := "  appé😀:\r\n    image: nginx:1.27\r\n    restart: always\r\n"
			if got := serverContent(t, c, "compose.yaml"); got != want {
				t.Errorf("server content = %q, want %q", got, want)
			}
			if got := string(c.Content("compose.yaml")); got != want {
				t.Errorf("client content = %q, want %q", got, want)
			}
			if v := c.Version("compose.yaml"); v != 4 {
				t.Errorf("version = %d, want 4", v)
			}
			c.Diagnostics("compose.yaml") // fails the test unless the last version is published
		})
	}
}

func TestChangeOutsideDocumentIsIgnored(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\nFROM alpine\n")
	c.Open("Dockerfile")

	c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": c.WS.URI("Dockerfile"), "version": 2},
		"contentChanges": []any{change(7, 0, 7, 1, "x")},
	})
	if got := serverContent(t, c, "Dockerfile"); got != "FROM alpine\n" {
		t.Errorf("content after an out-of-range change = %q, want it unchanged", got)
	}
}

func TestCloseRevertsToDisk(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\nFROM alpine\n")
	c.Open("Dockerfile")
	c.Replace("Dockerfile", "alpine", "debian")
	if got := serverContent(t, c, "Dockerfile"); got != "FROM debian\n" {
		t.Errorf("content while open = %q", got)
	}

	c.Close("Dockerfile")
	if got := serverContent(t, c, "Dockerfile"); got != "FROM alpine\n" {
		t.Errorf("content after close = %q, want the disk copy", got)
	}
	c.Diagnostics("Dockerfile") // fails the test unless a publish follows the close
}

func TestWatchedFileChangeRereadsFile(t *testing.T) {
	c := lsptest.New(t, composeArchive)

	c.WatchedFileChanged("compose.yaml", []byte("services:\n  web:\n    image: nginx\n"))
	if got := serverContent(t, c, "compose.yaml"); got != "services:\n  web:\n    image: nginx\n" {
		t.Errorf("content after a watched change = %q", got)
	}
	c.Diagnostics("compose.yaml") // the changed file is published again

	c.WatchedFileChanged("srcs/Dockerfile", []byte("FROM alpine\n"))
	if got := serverContent(t, c, "srcs/Dockerfile"); got != "FROM alpine\n" {
		t.Errorf("content of a created file = %q", got)
	}

	c.WatchedFileChanged("compose.yaml", nil)
	c.Sync()
	if f := c.ServerOptions().Session.Snapshot().File(c.WS.URI("compose.yaml")); f != nil {
		t.Errorf("a deleted file is still in the snapshot")
	}
}
