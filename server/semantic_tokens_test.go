package server

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/semantic"
)

func TestEncodeTokensSplitsLines(t *testing.T) {
	// Line 0 holds a BOM and "é", line 1 ends with CRLF, line 2 with LF.
	content := "\ufeffRUN é x\r\nab \\\r\ncd\nend"
	span := func(from, to string) position.Span {
		start := strings.Index(content, from)
		end := strings.Index(content, to) + len(to)
		return position.Span{Start: start, End: end}
	}
	tokens := []semantic.Token{
		{Span: span("RUN", "RUN"), Type: semantic.Keyword},
		{Span: span("x", "x"), Type: semantic.Variable, Modifiers: semantic.Readonly},
		{Span: span("ab", "cd"), Type: semantic.String}, // spans lines 1 and 2
		{Span: span("end", "end"), Type: semantic.Comment},
	}
	tests := map[position.Encoding][]uint32{
		position.UTF16: {
			0, 1, 3, uint32(semantic.Keyword), 0, // after the 1-unit BOM
			0, 6, 1, uint32(semantic.Variable), uint32(semantic.Readonly), // "é" is 1 unit
			1, 0, 4, uint32(semantic.String), 0, // "ab \" without the CRLF
			1, 0, 2, uint32(semantic.String), 0,
			1, 0, 3, uint32(semantic.Comment), 0,
		},
		position.UTF8: {
			0, 3, 3, uint32(semantic.Keyword), 0, // after the 3-byte BOM
			0, 7, 1, uint32(semantic.Variable), uint32(semantic.Readonly), // "é" is 2 bytes
			1, 0, 4, uint32(semantic.String), 0,
			1, 0, 2, uint32(semantic.String), 0,
			1, 0, 3, uint32(semantic.Comment), 0,
		},
	}
	for enc, want := range tests {
		got := encodeTokens(position.NewMapper([]byte(content)), tokens, enc)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %v\nwant %v", enc, got, want)
		}
	}
}

func TestEncodeTokensDropsOutOfRange(t *testing.T) {
	content := []byte("ab\n")
	tokens := []semantic.Token{
		{Span: position.Span{Start: 0, End: 2}, Type: semantic.Keyword},
		{Span: position.Span{Start: 2, End: 3}, Type: semantic.String}, // only the newline
		{Span: position.Span{Start: 5, End: 9}, Type: semantic.String}, // past the end
	}
	want := []uint32{0, 0, 2, uint32(semantic.Keyword), 0}
	if got := encodeTokens(position.NewMapper(content), tokens, position.UTF16); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
