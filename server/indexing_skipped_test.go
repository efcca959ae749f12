package server_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/workspace"
)

// TestSkippedFilesLoggedOncePerPath checks that the server logs each file
// it does not parse at Warn with its path and reason, once, also when the
// file is opened later, and never its content.
func TestSkippedFilesLoggedOncePerPath(t *testing.T) {
	archive := "-- nul/Dockerfile --\nFROM alpine\nRUN echo nul-content-\x00\n" +
		"-- big/compose.yaml --\nservices: {}\n" + strings.Repeat("# big-content\n", workspace.MaxFileSize/14+1) +
		"-- ok/Dockerfile --\nFROM alpine\n"
	c := lsptest.New(t, archive)
	c.Open("nul/Dockerfile")
	c.Sync()

	log := c.ServerLog()
	for path, reason := range map[string]string{"nul/Dockerfile": "binary content (NUL byte)", "big/compose.yaml": "larger than 2 MiB"} {
		var lines []string
		for _, line := range strings.Split(log, "\n") {
			if strings.Contains(line, path) {
				lines = append(lines, line)
			}
		}
		if len(lines) != 1 {
			t.Errorf("the log names %s on %d lines, want 1:\n%s", path, len(lines), strings.Join(lines, "\n"))
			continue
		}
		if !strings.Contains(lines[0], "WARN") || !strings.Contains(lines[0], reason) {
			t.Errorf("log line %q, want a warning with the reason %q", lines[0], reason)
		}
	}
	if strings.Contains(log, "ok/Dockerfile") {
		t.Errorf("the log names ok/Dockerfile, which is parsed")
	}
	for _, content := range []string{"nul-content", "big-content"} {
		if strings.Contains(log, content) {
			t.Errorf("the log holds the content %q of a skipped file", content)
		}
	}
}
