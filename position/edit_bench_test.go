package position_test

import (
	"bytes"
	"testing"

	"github.com/stackls/stackls/position"
)

// BenchmarkApplyChanges measures one incremental change, as a keystroke
// sends it, that inserts one character in the middle line of a 5,000-line
// file with non-ASCII text and CRLF line ends. Each run applies it to the
// same content.
func BenchmarkApplyChanges(b *testing.B) {
	content := crlfText(5000)
	at := position.Position{Line: 2500, Character: 10}
	changes := []position.Change{{Range: &position.Range{Start: at, End: at}, Text: "x"}}
	got, err := position.ApplyChanges(content, changes, position.UTF16)
	if err != nil {
		b.Fatal(err)
	}
	if len(got) != len(content)+1 || bytes.Equal(got, content) {
		b.Fatalf("the change gave %d bytes, want %d", len(got), len(content)+1)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		if _, err := position.ApplyChanges(content, changes, position.UTF16); err != nil {
			b.Fatal(err)
		}
	}
}
