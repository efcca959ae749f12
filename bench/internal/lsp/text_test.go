package lsp

import "testing"

func TestTextPosition(t *testing.T) {
	text := NewText("ab\r\nxé𝄞z\rlast\n")
	tests := []struct {
		offset int
		want   Position
	}{
		{0, Position{0, 0}},
		{2, Position{0, 2}},
		{4, Position{1, 0}},
		{5, Position{1, 1}},  // after "x"
		{7, Position{1, 2}},  // after "é" (2 bytes, 1 unit)
		{11, Position{1, 4}}, // after "𝄞" (4 bytes, 2 units)
		{13, Position{2, 0}}, // after the lone "\r"
		{18, Position{3, 0}},
		{99, Position{3, 0}},
	}
	for _, tt := range tests {
		if got := text.Position(tt.offset); got != tt.want {
			t.Errorf("Position(%d) = %v, want %v", tt.offset, got, tt.want)
		}
	}
}

func TestFileURI(t *testing.T) {
	if got, want := FileURI("/tmp/a b/Dockerfile"), "file:///tmp/a%20b/Dockerfile"; got != want {
		t.Errorf("FileURI = %q, want %q", got, want)
	}
}
