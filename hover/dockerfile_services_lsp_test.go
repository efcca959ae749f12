package hover_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestBuildingServicesHoverOverLSP(t *testing.T) {
	for _, crlf := range []bool{false, true} {
		t.Run(fmt.Sprintf("crlf=%v", crlf), func(t *testing.T) {
			var opts []lsptest.Option
			if crlf {
				opts = append(opts, lsptest.WithCRLF("compose.yaml"))
			}
			c := lsptest.New(t, buildingServicesArchive, opts...)

			res := c.Hover("builderDef")
			if res == nil || res.Span != c.WS.Find("app/docker/Dockerfile.prod", "builder", 1) {
				t.Fatalf("hover on the stage name after a non-ASCII comment = %+v", res)
			}
			for _, part := range []string{"- `web` (compose.yaml:2), target `runtime`", "- `worker` (compose.yaml:7), target `builder`"} {
				if !strings.Contains(res.Markdown, part) {
					t.Errorf("hover on the stage name lacks %q:\n%s", part, res.Markdown)
				}
			}
			if res := c.Hover("firstFrom"); res == nil || !strings.Contains(res.Markdown, "- `tests` (ci/compose.yaml:2), the last stage") {
				t.Errorf("hover on the first FROM = %+v", res)
			}

			res = c.Hover("workerTarget")
			if res == nil || res.Span != c.WS.Find("compose.yaml", `"builder"`, 1) {
				t.Fatalf("hover on build.target = %+v", res)
			}
			if !strings.Contains(res.Markdown, "FROM golang:${GO_VERSION} AS builder") {
				t.Errorf("hover on build.target lacks the FROM line:\n%s", res.Markdown)
			}
		})
	}
}
