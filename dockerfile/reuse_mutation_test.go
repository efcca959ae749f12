package dockerfile

import (
	"bytes"
	"testing"
)

// A caller that changes the bytes it gave Parse does not make a later
// Parse of the new bytes return the old File.
func TestParseAfterCallerChangesContent(t *testing.T) {
	ResetCache()
	old := minReuseBytes
	minReuseBytes = 0
	defer func() { minReuseBytes = old }()

	buf := []byte("FROM alpine:3.20\nRUN echo one\n")
	Parse(buf)
	copy(buf, "FROM debian:12.0")
	f := Parse(bytes.Clone(buf))
	if len(f.Instructions) == 0 {
		t.Fatal("no instructions")
	}
	if got := string(f.Content[f.Instructions[0].Span.Start:f.Instructions[0].Span.End]); got != "FROM debian:12.0" {
		t.Errorf("first instruction = %q, want FROM debian:12.0", got)
	}
	if len(f.Stages) == 0 || f.Stages[0].Image != "debian:12.0" {
		t.Errorf("stages = %+v, want one from debian:12.0", f.Stages)
	}
}
