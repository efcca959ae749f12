package compose

import "testing"

// A caller that changes the bytes it gave Parse does not make a later
// Parse of other content return the old File.
func TestParseAfterCallerChangesContent(t *testing.T) {
	recent.reset()
	buf := []byte("-0")
	Parse(buf)
	copy(buf, "00") // the caller reuses its buffer
	f := Parse([]byte("00"))
	if f.doc == nil || len(f.doc.Content) != 1 || f.doc.Content[0].Value != "00" {
		t.Fatalf("Parse(\"00\") after the buffer changed: document %+v, want the scalar 00", f.doc)
	}
}
