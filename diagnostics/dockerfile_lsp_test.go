package diagnostics_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

// TestDockerfileDiagnosticsOverLSP checks the planted problems through a
// real server, then that an edit which fixes the heredoc quote clears the
// diagnostics of that version, and that quick fixes come as code actions.
func TestDockerfileDiagnosticsOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- planted/tools/entrypoint.sh --
#!/bin/sh
-- planted/Dockerfile --
# planted
ARG DEBIAN_VERSION=bookworm
FROM debian:${DEBIAN_RELEASE} AS base
MAINTAINER ops@example.com
Run apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*
COPY tools/entrypoint.sh /usr/local/bin/entrypoint.sh
RUNN chmod +x /usr/local/bin/entrypoint.sh
EXPOSE 443
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
CMD ['nginx', '-g', 'daemon off;']
-- typing/Dockerfile --
FROM debian:12
RUN <<'PATCHEND tee /dev/stderr | git apply
diff --git a/x b/x
-old
+new
PATCHEND
`)
	c.Open("planted/Dockerfile")
	content := c.Content("planted/Dockerfile")
	lines := map[int]bool{}
	for _, d := range c.Diagnostics("planted/Dockerfile") {
		lines[strings.Count(string(content[:d.Span.Start]), "\n")] = true
	}
	for _, line := range []int{2, 3, 4, 6, 9} {
		if !lines[line] {
			t.Errorf("planted Dockerfile: no diagnostic on line %d; got lines %v", line, lines)
		}
	}
	actions := c.CodeActions("planted/Dockerfile", position.Span{Start: 0, End: len(content)})
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	for _, want := range []string{"Change to RUN", "Use double quotes", "Replace MAINTAINER with a LABEL"} {
		found := false
		for _, title := range titles {
			found = found || title == want
		}
		if !found {
			t.Errorf("code actions: want %q in %q", want, titles)
		}
	}

	c.Open("typing/Dockerfile")
	errors := 0
	for _, d := range c.Diagnostics("typing/Dockerfile") {
		if d.Severity == 1 {
			errors++
		}
	}
	if errors == 0 {
		t.Error("half-typed heredoc quote: want an error")
	}
	c.Replace("typing/Dockerfile", "<<'PATCHEND tee", "<<'PATCHEND' tee")
	if got := c.Diagnostics("typing/Dockerfile"); len(got) != 0 {
		t.Errorf("after closing the quote: want no diagnostics, got %v", got)
	}
}
