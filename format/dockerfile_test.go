package format

import (
	"context"
	"testing"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

func formatDockerfile(t *testing.T, src string, opts Options, span *position.Span) string {
	t.Helper()
	ws := testws.New(t, "-- Dockerfile --\n"+src)
	edits, err := Format(context.Background(), ws.Snapshot(), ws.URI("Dockerfile"), opts, span)
	if err != nil {
		t.Fatal(err)
	}
	out, err := position.ApplyEdits(ws.Content("Dockerfile"), edits)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

var formatTests = []struct {
	name string
	src  string
	opts Options
	want string
}{
	{"keyword case and leading blanks", "from alpine:3.20\n  run echo hi\nCopy a b\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM alpine:3.20\nRUN echo hi\nCOPY a b\n"},
	{"continuation indent with spaces", "FROM a\nRUN apk add \\\n        curl \\\n        git\n", Options{TabSize: 2, InsertSpaces: true},
		"FROM a\nRUN apk add \\\n  curl \\\n  git\n"},
	{"nested continuation lines keep their depth", "FROM a\nRUN set -eux; \\\n\tcase \"$arch\" in \\\n\t\tamd64) \\\n\t\t\turl=x; \\\n\t\t\t;; \\\n# a comment\n\tesac\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM a\nRUN set -eux; \\\n    case \"$arch\" in \\\n        amd64) \\\n            url=x; \\\n            ;; \\\n    # a comment\n    esac\n"},
	{"nested lines indented with tabs are kept", "FROM a\nRUN if true; then \\\n\t\techo a; \\\n\tfi\n", Options{TabSize: 4},
		"FROM a\nRUN if true; then \\\n\t\techo a; \\\n\tfi\n"},
	{"continuation indent with tabs", "FROM a\nRUN apk add \\\n    curl\n", Options{TabSize: 4},
		"FROM a\nRUN apk add \\\n\tcurl\n"},
	{"blanks after the escape character", "FROM a\nRUN a \\   \n    b\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM a\nRUN a \\\n    b\n"},
	{"quotes across a continuation are kept", "FROM a\nRUN echo \"a \\\n      b\"\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM a\nRUN echo \"a \\\n      b\"\n"},
	{"word continued without blanks is kept", "FROM a\nRUN echo foo\\\nbar\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM a\nRUN echo foo\\\nbar\n"},
	{"legacy ENV value is kept", "FROM a\nENV X a \\\n   b\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM a\nENV X a \\\n   b\n"},
	{"heredoc body is kept", "from a\nrun <<EOF\n  x\n    y\nEOF\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM a\nRUN <<EOF\n  x\n    y\nEOF\n"},
	{"split keyword is kept", "FROM a\nru\\\nn true\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM a\nru\\\nn true\n"},
	{"backtick escape", "# escape=`\nFROM a\nrun a `\nb\n", Options{TabSize: 4, InsertSpaces: true},
		"# escape=`\nFROM a\nRUN a `\n    b\n"},
	{"CRLF", "from a\r\nRUN a \\\r\nb\r\n", Options{TabSize: 2, InsertSpaces: true},
		"FROM a\r\nRUN a \\\r\n  b\r\n"},
	{"onbuild trigger", "FROM a\nonbuild run true\n", Options{TabSize: 4, InsertSpaces: true},
		"FROM a\nONBUILD RUN true\n"},
}

func TestDockerfileFormat(t *testing.T) {
	for _, tt := range formatTests {
		t.Run(tt.name, func(t *testing.T) {
			got := formatDockerfile(t, tt.src, tt.opts, nil)
			if got != tt.want {
				t.Errorf("input %q\nwant %q\ngot  %q", tt.src, tt.want, got)
			}
			again := formatDockerfile(t, got, tt.opts, nil)
			if again != got {
				t.Errorf("formatting twice changes %q to %q", got, again)
			}
			if !dockerfileSameMeaning(tt.src, got) {
				t.Errorf("formatting changed what buildkit reads: %q to %q", tt.src, got)
			}
		})
	}
}

// dockerfileSameMeaning compares what buildkit reads from two Dockerfiles: the
// keywords and the logical lines with runs of blanks collapsed outside
// quotes, and the heredoc bodies.
func dockerfileSameMeaning(a, b string) bool {
	fa, fb := dockerfile.Parse([]byte(a)), dockerfile.Parse([]byte(b))
	if len(fa.Instructions) != len(fb.Instructions) {
		return false
	}
	for i := range fa.Instructions {
		ia, ib := fa.Instructions[i], fb.Instructions[i]
		if ia.Trigger != nil && ib.Trigger != nil {
			ia, ib = ia.Trigger, ib.Trigger // ONBUILD: the trigger keyword's case does not matter
		}
		if ia.Keyword != ib.Keyword || len(ia.Args) != len(ib.Args) || len(ia.Heredocs) != len(ib.Heredocs) {
			return false
		}
		for j := range ia.Args {
			if ia.Args[j].Value != ib.Args[j].Value {
				return false
			}
		}
		da, db := fa.Instructions[i].Heredocs, fb.Instructions[i].Heredocs
		for j := range da {
			if len(db) != len(da) || da[j].Body(fa.Content) != db[j].Body(fb.Content) {
				return false
			}
		}
	}
	return true
}

func TestDockerfileRangeFormat(t *testing.T) {
	src := "from a\nrun one\nrun two\n"
	span := position.Span{Start: 7, End: 10} // inside "run one"
	if got := formatDockerfile(t, src, Options{TabSize: 4, InsertSpaces: true}, &span); got != "from a\nRUN one\nrun two\n" {
		t.Errorf("range format: got %q", got)
	}
}
