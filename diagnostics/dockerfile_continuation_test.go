package diagnostics

import (
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// TestEmptyContinuationSpan checks that NoEmptyContinuation covers the
// empty line with its line break, so that its Span is never empty, and
// that it keeps buildkit's message.
func TestEmptyContinuationSpan(t *testing.T) {
	cases := []struct {
		name string
		src  string
		crlf bool
		want []wantDiag
	}{
		{"empty line", "FROM alpine:3.20\nRUN echo one && \\\n«e1»\n«e2»    echo two\n", false, []wantDiag{{"NoEmptyContinuation", Warning, "e1", "e2"}}},
		{"blank line of spaces and a tab", "FROM alpine:3.20\nRUN echo one && \\\n«e1»  \t\n«e2»    echo two\n", false, []wantDiag{{"NoEmptyContinuation", Warning, "e1", "e2"}}},
		{"CRLF line ends", "FROM alpine:3.20\r\nRUN echo one && \\\r\n«e1»\r\n«e2»    echo two\r\n", true, []wantDiag{{"NoEmptyContinuation", Warning, "e1", "e2"}}},
		{"two empty lines", "FROM alpine:3.20\nRUN echo é && \\\n«e1»\n«e2»«f1»\n«f2»    echo two\n", false, []wantDiag{{"NoEmptyContinuation", Warning, "e1", "e2"}, {"NoEmptyContinuation", Warning, "f1", "f2"}}},
		{"after a comment line", "\uFEFFFROM alpine:3.20\nRUN echo one && \\\n# note\n«e1»\n«e2»    echo two\n", false, []wantDiag{{"NoEmptyContinuation", Warning, "e1", "e2"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var opts []testws.Option
			if tc.crlf {
				opts = append(opts, testws.WithCRLF("Dockerfile"))
			}
			ws := testws.New(t, "-- Dockerfile --\n"+tc.src, opts...)
			diags := dockerDiags(t, ws, "Dockerfile")
			checkDiags(t, ws, "Dockerfile", diags, tc.want, false)
			for _, d := range diags {
				if d.Code != "NoEmptyContinuation" {
					continue
				}
				if d.Span.Start == d.Span.End {
					t.Errorf("empty Span %v", d.Span)
				}
				if d.Message != "Empty continuation line" {
					t.Errorf("message = %q, want buildkit's", d.Message)
				}
			}
		})
	}
}

// TestEmptyContinuationAtEnd checks that no NoEmptyContinuation Span is
// empty when the continuation runs to the end of the file.
func TestEmptyContinuationAtEnd(t *testing.T) {
	for _, src := range []string{
		"FROM alpine:3.20\nRUN echo one \\\n",
		"FROM alpine:3.20\nRUN echo one \\\n\n",
		"FROM alpine:3.20\r\nRUN echo one \\\r\n\r\n",
		"FROM alpine:3.20\nRUN echo one \\\n  ",
	} {
		ws := testws.New(t, "-- Dockerfile --\n"+src)
		for _, d := range dockerDiags(t, ws, "Dockerfile") {
			if d.Code == "NoEmptyContinuation" && d.Span.Start == d.Span.End {
				t.Errorf("%q: empty Span %v", src, d.Span)
			}
		}
	}
}

func TestLineBreakBefore(t *testing.T) {
	for _, tc := range []struct {
		content string
		offset  int
		want    string
	}{{"a\r\n", 3, "\r\n"}, {"a\n", 2, "\n"}, {"a", 1, ""}, {"", 0, ""}, {"\n", 1, "\n"}} {
		if got := lineBreakBefore([]byte(tc.content), tc.offset); got != tc.want {
			t.Errorf("lineBreakBefore(%q, %d) = %q, want %q", tc.content, tc.offset, got, tc.want)
		}
	}
}
