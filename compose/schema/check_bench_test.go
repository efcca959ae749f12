package schema

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/composetest"
)

func benchLookup(name string) (string, bool) {
	if name == "TAG" {
		return "1.0", true
	}
	return "", false
}

// BenchmarkCheck measures Check on a 5,000-line compose file with 300
// services whose validation results are already cached, as after an edit
// outside the services.
func BenchmarkCheck(b *testing.B) {
	f := compose.Parse([]byte(composetest.Generate(300)))
	if _, err := Check(f, benchLookup); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if problems, err := Check(f, benchLookup); err != nil || len(problems) != 0 {
			b.Fatalf("Check = %v, %v; want no problems", problems, err)
		}
	}
}

// BenchmarkCheckEdit measures Check on the same file after an edit of one
// line of one service, which is validated again. Each edit gives a value
// not seen before.
func BenchmarkCheckEdit(b *testing.B) {
	content := composetest.Generate(300)
	at := strings.Index(content, "LOG_LEVEL: ${LOG_LEVEL:-info}") + len("LOG_LEVEL: ${LOG_LEVEL:-info")
	files := make([]*compose.File, 0, 64)
	if _, err := Check(compose.Parse([]byte(content)), benchLookup); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%len(files[:cap(files)]) == 0 {
			b.StopTimer()
			files = files[:0]
			for j := range cap(files) {
				edited := content[:at] + strconv.Itoa(i+j) + content[at:]
				files = append(files, compose.Parse([]byte(edited)))
			}
			b.StartTimer()
		}
		if _, err := Check(files[i%len(files)], benchLookup); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkCheckCold measures Check on the same file with no validation
// result cached, as when the file is first opened.
func BenchmarkCheckCold(b *testing.B) {
	f := compose.Parse([]byte(composetest.Generate(300)))
	if _, err := Check(f, benchLookup); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		leafCacheMu.Lock()
		leafCache = map[string][]*violation{}
		leafCacheMu.Unlock()
		if _, err := Check(f, benchLookup); err != nil {
			b.Fatal(err)
		}
	}
}
