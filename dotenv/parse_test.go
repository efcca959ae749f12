package dotenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	composedotenv "github.com/compose-spec/compose-go/v2/dotenv"
)

// case018 is a .env file with every quoting and comment form compose reads.
const case018 = `# service settings
PLAIN=alpha
QUOTED_D="beta gamma"
QUOTED_S='delta $PLAIN'
EXPANDED="pre-${PLAIN}"
WITH_COMMENT=epsilon # trailing note
HASH_INSIDE=zeta#not-a-comment
QUOTED_HASH="eta # still value"
AFTER_QUOTE="theta" # note
ESCAPED="line1\nline2"
SINGLE_ESC='raw\tvalue'
export EXPORTED=lambda
`

type wantEntry struct {
	key, value string
	keyText    string // the source text of KeySpan
	valueText  string // the source text of ValueSpan
	line       int
}

func TestParseEntries(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []wantEntry
		errors  []string // source text of each error's Span
	}{
		{"case 018", case018, []wantEntry{
			{"PLAIN", "alpha", "PLAIN", "alpha", 1},
			{"QUOTED_D", "beta gamma", "QUOTED_D", `"beta gamma"`, 2},
			{"QUOTED_S", "delta $PLAIN", "QUOTED_S", `'delta $PLAIN'`, 3},
			{"EXPANDED", "pre-alpha", "EXPANDED", `"pre-${PLAIN}"`, 4},
			{"WITH_COMMENT", "epsilon", "WITH_COMMENT", "epsilon", 5},
			{"HASH_INSIDE", "zeta#not-a-comment", "HASH_INSIDE", "zeta#not-a-comment", 6},
			{"QUOTED_HASH", "eta # still value", "QUOTED_HASH", `"eta # still value"`, 7},
			{"AFTER_QUOTE", "theta", "AFTER_QUOTE", `"theta"`, 8},
			{"ESCAPED", "line1\nline2", "ESCAPED", `"line1\nline2"`, 9},
			{"SINGLE_ESC", `raw\tvalue`, "SINGLE_ESC", `'raw\tvalue'`, 10},
			{"EXPORTED", "lambda", "EXPORTED", "lambda", 11},
		}, nil},
		{"BOM and CRLF", "\ufeffA=1\r\nB = two \r\n", []wantEntry{
			{"A", "1", "A", "1", 0},
			{"B", "two", "B", "two", 1},
		}, nil},
		{"tab and non-ASCII before key", "\tÉTÉ=chaud\n", []wantEntry{{"ÉTÉ", "chaud", "ÉTÉ", "chaud", 0}}, nil},
		{"yaml style and inherited", "A: x\nB\nC=\n", []wantEntry{
			{"A", "x", "A", "x", 0},
			{"B", "", "B", "", 1},
			{"C", "", "C", "", 2},
		}, nil},
		{"multi-line quoted", "A=\"one\ntwo\"\nB=$A\n", []wantEntry{
			{"A", "one\ntwo", "A", "\"one\ntwo\"", 0},
			{"B", "one\ntwo", "B", "$A", 2},
		}, nil},
		{"errors recover", "A=1\nB C=2\nD*=3\nE='open\nF=4\n", []wantEntry{
			{"A", "1", "A", "1", 0},
			{"F", "4", "F", "4", 4},
		}, []string{"B C", "*", "'open"}},
		{"empty", "", nil, nil},
		{"one space", " ", nil, nil},
		{"comment only", "# x", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.content))
			if len(f.Entries) != len(tt.want) {
				t.Fatalf("input %q: got %d entries, want %d: %+v", tt.content, len(f.Entries), len(tt.want), f.Entries)
			}
			for i, want := range tt.want {
				got := f.Entries[i]
				if got.Key != want.key {
					t.Errorf("entry %d key = %q, want %q", i, got.Key, want.key)
				}
				if got.Value != want.value {
					t.Errorf("entry %s value = %q, want %q", want.key, got.Value, want.value)
				}
				if text := spanText(tt.content, got.KeySpan.Start, got.KeySpan.End); text != want.keyText {
					t.Errorf("entry %s KeySpan text = %q, want %q", want.key, text, want.keyText)
				}
				if text := spanText(tt.content, got.ValueSpan.Start, got.ValueSpan.End); text != want.valueText {
					t.Errorf("entry %s ValueSpan text = %q, want %q", want.key, text, want.valueText)
				}
				if got.Line != want.line {
					t.Errorf("entry %s line = %d, want %d", want.key, got.Line, want.line)
				}
			}
			if len(f.Errors) != len(tt.errors) {
				t.Fatalf("got errors %+v, want %d", f.Errors, len(tt.errors))
			}
			for i, want := range tt.errors {
				if text := spanText(tt.content, f.Errors[i].Span.Start, f.Errors[i].Span.End); text != want {
					t.Errorf("error %d (%s) Span text = %q, want %q", i, f.Errors[i].Message, text, want)
				}
			}
			checkSpans(t, f)
		})
	}
}

func TestParseInheritedSetsNothing(t *testing.T) {
	f := Parse([]byte("A=1\nA\n"))
	if e := f.Lookup("A"); e == nil || e.Value != "1" {
		t.Errorf("Lookup(A) = %+v, want the entry with value 1", e)
	}
	if len(f.Entries) != 2 || !f.Entries[1].Inherited {
		t.Errorf("second entry is not inherited: %+v", f.Entries)
	}
}

func spanText(content string, start, end int) string {
	if start < 0 || end > len(content) || start > end {
		return "<invalid span>"
	}
	return content[start:end]
}

// checkSpans walks every Span of f and checks that it lies inside the
// content, is ordered, and holds the text the model says it does.
func checkSpans(t *testing.T, f *File) {
	t.Helper()
	n := len(f.Content)
	for _, e := range f.Entries {
		for _, span := range []struct {
			name       string
			start, end int
		}{{"key", e.KeySpan.Start, e.KeySpan.End}, {"value", e.ValueSpan.Start, e.ValueSpan.End}, {"statement", e.Span.Start, e.Span.End}} {
			if span.start < 0 || span.start > span.end || span.end > n {
				t.Fatalf("entry %q: %s span [%d,%d) outside content of %d bytes", e.Key, span.name, span.start, span.end, n)
			}
		}
		if got := string(f.Content[e.KeySpan.Start:e.KeySpan.End]); got != e.Key {
			t.Errorf("entry %q: KeySpan holds %q", e.Key, got)
		}
		if e.Span.Start > e.KeySpan.Start || e.Span.End < e.ValueSpan.End || e.ValueSpan.Start < e.KeySpan.End {
			t.Errorf("entry %q: spans out of order: statement %v key %v value %v", e.Key, e.Span, e.KeySpan, e.ValueSpan)
		}
	}
	for _, e := range f.Errors {
		if e.Span.Start < 0 || e.Span.Start > e.Span.End || e.Span.End > n {
			t.Fatalf("error %q: span %v outside content of %d bytes", e.Message, e.Span, n)
		}
	}
}

// checkSameAsComposeGo checks that f sets the variables compose-go reads
// from the same content, when compose-go reads it without an error.
func checkSameAsComposeGo(t *testing.T, content []byte, f *File) {
	t.Helper()
	want, err := composedotenv.UnmarshalBytesWithLookup(trimBOM(content), nil)
	if err != nil {
		if len(f.Errors) == 0 {
			t.Errorf("input %q: compose-go fails with %v, but Parse reports no error", content, err)
		}
		return
	}
	got := f.Vars()
	for key, value := range want {
		if got[key] != value {
			t.Errorf("input %q: %s = %q, compose-go reads %q", content, key, got[key], value)
		}
	}
	for key := range got {
		if _, ok := want[key]; !ok {
			t.Errorf("input %q: Parse sets %s, compose-go does not", content, key)
		}
	}
}

func trimBOM(content []byte) []byte {
	return []byte(strings.TrimPrefix(string(content), "\ufeff"))
}

// composeGoFixtures returns the paths of compose-go's dotenv fixtures.
func composeGoFixtures(t testing.TB) []string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/compose-spec/compose-go/v2").Output()
	if err != nil {
		t.Skipf("locating compose-go: %v", err)
	}
	paths, err := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "dotenv", "fixtures", "*"))
	if err != nil || len(paths) == 0 {
		t.Skipf("no compose-go dotenv fixtures found: %v", err)
	}
	return paths
}

func TestConformanceComposeGoDotenvFixtures(t *testing.T) {
	for _, path := range composeGoFixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			content, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f := Parse(content)
			checkSpans(t, f)
			checkSameAsComposeGo(t, content, f)
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(case018))
	f.Add([]byte("\ufeffA=1\r\nB = two \r\n"))
	f.Add([]byte("A=\"one\ntwo\"\nB=$A\n"))
	f.Add([]byte("A=1\nB C=2\nD*=3\nE='open\nF=4\n"))
	f.Add([]byte("export\nA\nB"))
	f.Add([]byte("A=${B:-x}\nC=${A:?missing}\n"))
	f.Add([]byte(" "))
	for _, path := range composeGoFixtures(f) {
		if content, err := os.ReadFile(path); err == nil {
			f.Add(content)
		}
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		parsed := Parse(content)
		checkSpans(t, parsed)
		checkSameAsComposeGo(t, content, parsed)
	})
}
