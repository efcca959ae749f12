package format_test

import (
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

func TestDockerfileFormatOverLSP(t *testing.T) {
	c := lsptest.New(t, "-- Dockerfile --\nfrom alpine:3.20\nrun apk add \\\ncurl\n")
	out, err := position.ApplyEdits(c.Content("Dockerfile"), c.Format("Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); got != "FROM alpine:3.20\nRUN apk add \\\n\tcurl\n" && got != "FROM alpine:3.20\nRUN apk add \\\n    curl\n" && got != "FROM alpine:3.20\nRUN apk add \\\n  curl\n" {
		t.Errorf("format: got %q", got)
	}
	out, _ = position.ApplyEdits(c.Content("Dockerfile"), c.FormatRange("Dockerfile", position.Span{Start: 0, End: 4}))
	if got := string(out); got != "FROM alpine:3.20\nrun apk add \\\ncurl\n" {
		t.Errorf("range format of the first line: got %q", got)
	}
}
