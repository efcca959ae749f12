package dockerfile_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/internal/testws"
)

// benchmarkParse parses each of versions in turn, a 5,000-line Dockerfile
// of stages with continuation lines and heredocs. With cold set, the
// caches of Parse are emptied before each parse.
func benchmarkParse(b *testing.B, cold bool, versions ...string) {
	contents := make([][]byte, len(versions))
	for i, v := range versions {
		contents[i] = []byte(v)
	}
	dockerfile.Parse(contents[len(contents)-1])
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if cold {
			dockerfile.ResetCache()
		}
		if f := dockerfile.Parse(contents[i%len(contents)]); len(f.Errors) > 0 {
			b.Fatalf("parse error: %s", f.Errors[0].Message)
		}
		i++
	}
}

// BenchmarkParse measures the parse of a 5,000-line Dockerfile that Parse
// has not seen before.
func BenchmarkParse(b *testing.B) {
	benchmarkParse(b, true, testws.LongDockerfile(5000))
}

// BenchmarkParseCached measures the parse of a 5,000-line Dockerfile that
// Parse has parsed before, as when an editor opens a file that the
// workspace index read.
func BenchmarkParseCached(b *testing.B) {
	benchmarkParse(b, false, testws.LongDockerfile(5000))
}

// BenchmarkParseEdit measures the parse of a 5,000-line Dockerfile after
// an edit: each version differs from the one before in one line, inserted
// after the first FROM or removed again.
func BenchmarkParseEdit(b *testing.B) {
	src := testws.LongDockerfile(5000)
	at := strings.Index(src, "\nARG BASE\n") + 1
	benchmarkParse(b, false, src, src[:at]+"RUN echo bench-edit\n"+src[at:])
}
