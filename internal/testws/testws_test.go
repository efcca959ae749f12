package testws

import (
	"testing"
)

func TestParseMarkers(t *testing.T) {
	files, markers, err := Parse("-- a.txt --\nab«x»cd\n-- dir/b.txt --\n«y»é«z»\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := string(files["a.txt"]); got != "abcd\n" {
		t.Errorf("a.txt = %q, want %q", got, "abcd\n")
	}
	if got := string(files["dir/b.txt"]); got != "é\n" {
		t.Errorf("dir/b.txt = %q, want %q", got, "é\n")
	}
	want := map[string]markerPlace{"x": {"a.txt", 2}, "y": {"dir/b.txt", 0}, "z": {"dir/b.txt", 2}}
	for name, place := range want {
		if markers[name] != place {
			t.Errorf("marker %s = %+v, want %+v", name, markers[name], place)
		}
	}
}

func TestParseRejectsDuplicateMarker(t *testing.T) {
	if _, _, err := Parse("-- a --\n«x»«x»\n"); err == nil {
		t.Error("Parse accepted a marker used twice")
	}
}

func TestWithCRLFMovesMarkers(t *testing.T) {
	ws := New(t, "-- a.sh --\none\ntwo «m»x\n", WithCRLF("a.sh"))
	_, offset := ws.Marker("m")
	if got := string(ws.Content("a.sh")[offset]); got != "x" {
		t.Errorf("byte at marker = %q, want %q", got, "x")
	}
}
