package compose

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
)

// BenchmarkParse measures Parse on a 5,000-line compose file with 300
// services that it has not parsed before.
func BenchmarkParse(b *testing.B) {
	content := []byte(composetest.Generate(300))
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		recent.reset()
		if f := Parse(content); len(f.Services) != 300 || len(f.Errors) != 0 {
			b.Fatalf("parsed %d services and %d errors, want 300 and 0", len(f.Services), len(f.Errors))
		}
	}
}

// BenchmarkParseEdit measures Parse on the same file when each content
// differs in one line from the one parsed before it, as when a user types
// in a service. No content repeats.
func BenchmarkParseEdit(b *testing.B) {
	base := composetest.Generate(300)
	at := strings.Index(base, "LOG_LEVEL: ${LOG_LEVEL:-info}") + len("LOG_LEVEL: ${LOG_LEVEL:-info")
	recent.reset()
	Parse([]byte(base))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		content := []byte(base[:at] + strconv.Itoa(i) + base[at:])
		if f := Parse(content); len(f.Services) != 300 || len(f.Errors) != 0 {
			b.Fatalf("parsed %d services and %d errors, want 300 and 0", len(f.Services), len(f.Errors))
		}
	}
}
