package lsptest_test

import (
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

const archive = `
-- compose.yaml --
services:
  «db»db:
    image: mariadb:11
`

func TestClientTracksEdits(t *testing.T) {
	c := lsptest.New(t, archive, lsptest.WithEncodings("utf-8", "utf-16"))
	if got := c.Encoding(); got != position.UTF8 {
		t.Errorf("negotiated %v, want utf-8", got)
	}
	c.Open("compose.yaml")
	c.Replace("compose.yaml", "db", "dé😀")
	c.Change("compose.yaml", lsptest.Edit{Span: c.Find("compose.yaml", "11", 1), NewText: "12"})

	want := "services:\n  dé😀:\n    image: mariadb:12\n"
	if got := string(c.Content("compose.yaml")); got != want {
		t.Errorf("content = %q, want %q", got, want)
	}
	if got := c.Version("compose.yaml"); got != 3 {
		t.Errorf("version = %d, want 3", got)
	}
	if got := c.Find("compose.yaml", "mariadb", 1); got != (position.Span{Start: 32, End: 39}) {
		t.Errorf("Find(mariadb) = %v, want [32,39)", got)
	}
	c.Diagnostics("compose.yaml") // fails the test unless version 3 is published

	c.Close("compose.yaml")
	if got := string(c.Content("compose.yaml")); got != "services:\n  db:\n    image: mariadb:11\n" {
		t.Errorf("content after close = %q, want the disk copy", got)
	}
	c.Diagnostics("compose.yaml")
}

func TestClientPositionOfMarker(t *testing.T) {
	c := lsptest.New(t, archive, lsptest.WithCRLF("compose.yaml"))
	pos := c.At("db")["position"].(map[string]any)
	if pos["line"] != 1 || pos["character"] != 2 {
		t.Errorf("position of «db» = %v, want 1:2", pos)
	}
	if got := c.Indexed().Files; got != 1 {
		t.Errorf("indexed files = %d, want 1", got)
	}
}
