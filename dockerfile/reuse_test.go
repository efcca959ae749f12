package dockerfile

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// withReuse runs fn with every content long enough to be kept for reuse,
// and an empty list of kept Files before and after.
func withReuse(fn func()) {
	saved := minReuseBytes
	minReuseBytes = 0
	recentFiles = &recentCache{}
	defer func() {
		minReuseBytes = saved
		recentFiles = &recentCache{}
	}()
	fn()
}

// parseAfter parses content after before, so that it may copy from it, and
// returns the File and the number of instructions it copied.
func parseAfter(before, content string) (*File, int) {
	recentFiles = &recentCache{}
	Parse([]byte(before))
	f := &File{Content: []byte(content), Escape: '\\'}
	s := newScanner(f)
	s.reuse = recentFiles.match(f)
	s.scan()
	s.attachNodes()
	buildStages(f)
	buildVars(f)
	f.tooLong = s.tooLong
	if len(f.Instructions) == 0 && len(f.Errors) == 0 {
		f.Errors = append(f.Errors, &Error{Span: s.lastLineSpan(), Message: "the Dockerfile has no instructions; a build needs at least a FROM instruction"})
	}
	sortErrors(f.Errors)
	return f, s.copied
}

// freshParse parses content with no File to copy from, and leaves the
// kept Files as they are.
func freshParse(content string) *File {
	saved := minReuseBytes
	minReuseBytes = len(content) + 1
	defer func() { minReuseBytes = saved }()
	return Parse([]byte(content))
}

// firstDifference describes where two Files differ.
func firstDifference(want, got *File) string {
	if len(want.Instructions) != len(got.Instructions) {
		return fmt.Sprintf("%d instructions, want %d", len(got.Instructions), len(want.Instructions))
	}
	for i := range want.Instructions {
		if !reflect.DeepEqual(want.Instructions[i], got.Instructions[i]) {
			return fmt.Sprintf("instruction %d:\nwant %+v\ngot  %+v", i, *want.Instructions[i], *got.Instructions[i])
		}
	}
	return fmt.Sprintf("errors %v / %v, comments %v / %v, directives %v / %v, vars %d / %d",
		describeErrors(want), describeErrors(got), want.Comments, got.Comments, want.Directives, got.Directives, len(want.Vars), len(got.Vars))
}

func describeErrors(f *File) []string {
	var out []string
	for _, e := range f.Errors {
		out = append(out, fmt.Sprintf("%v %s", e.Span, e.Message))
	}
	return out
}

// reuseEdits are the texts that TestReuseMatchesFreshParse inserts.
var reuseEdits = []string{
	"RUN echo x\n", "\\\n", "\\", "<<EOF\n", "EOF\n", "# note\n", "\n", "# escape=`\n", "#", "FROM a AS b\n", " ", "x", "\r\n", "\"", "`",
	"ONBUILD RUN echo $A\n", "COPY <<-X /a\n\tx\n\tX\n", "ENV A=1 \\\n  B=2\n", "\t", "\uFEFF",
}

// TestReuseMatchesFreshParse checks that a parse that copies chunks from
// the File of an earlier version returns the same model as a parse from
// scratch, for edits that insert, delete and replace text anywhere.
func TestReuseMatchesFreshParse(t *testing.T) {
	withReuse(func() {
		rng := rand.New(rand.NewSource(1))
		for name, src := range chunkTestInputs(t) {
			for n := 0; n < 12; n++ {
				at, end := rng.Intn(len(src)+1), 0
				end = min(len(src), at+rng.Intn(20))
				edited := src[:at] + reuseEdits[rng.Intn(len(reuseEdits))] + src[end:]
				if n%3 == 0 {
					edited = src[:at] + src[end:]
				}
				for _, pair := range [][2]string{{src, edited}, {edited, src}} {
					want := freshParse(pair[1])
					got, _ := parseAfter(pair[0], pair[1])
					if !reflect.DeepEqual(want, got) {
						t.Fatalf("%s: parse of\n%q\nafter\n%q\ndiffers from a parse from scratch: %s", name, pair[1], pair[0], firstDifference(want, got))
					}
				}
			}
		}
	})
}

// TestReuseEditChain checks a series of edits, each parsed after the one
// before, as an editor sends them.
func TestReuseEditChain(t *testing.T) {
	withReuse(func() {
		rng := rand.New(rand.NewSource(2))
		src := chunkTestInputs(t)["long"]
		for n := 0; n < 300; n++ {
			at := rng.Intn(len(src) + 1)
			end := min(len(src), at+rng.Intn(8))
			if n%2 == 0 {
				src = src[:at] + reuseEdits[rng.Intn(len(reuseEdits))] + src[end:]
			} else {
				src = src[:at] + src[end:]
			}
			got := Parse([]byte(src))
			if want := freshParse(src); !reflect.DeepEqual(want, got) {
				t.Fatalf("edit %d: parse of\n%q\ndiffers from a parse from scratch: %s", n, src, firstDifference(want, got))
			}
		}
	})
}

// TestReuseCopiesUnchangedChunks checks that an edit in the middle of a
// long file copies the instructions before and after it.
func TestReuseCopiesUnchangedChunks(t *testing.T) {
	withReuse(func() {
		var b strings.Builder
		b.WriteString("# escape=`\nFROM alpine AS base\n")
		for i := 0; i < 100; i++ {
			fmt.Fprintf(&b, "# step %d\nRUN echo %d `\n  && true\n", i, i)
		}
		src := b.String()
		at := strings.Index(src, "# step 50")
		edited := src[:at] + "RUN echo inserted\n" + src[at:]
		f, copied := parseAfter(src, edited)
		if copied != 101 {
			t.Errorf("copied %d instructions, want 101: all but the inserted one", copied)
		}
		if got := f.Instructions[51].Line; got != "RUN echo inserted" {
			t.Errorf("instruction 51 is %q, want the inserted one", got)
		}
		if want := freshParse(edited); !reflect.DeepEqual(want, f) {
			t.Errorf("the copy differs from a parse from scratch: %s", firstDifference(want, f))
		}
	})
}

// TestParseConcurrent parses versions of a file from several goroutines,
// so that the race detector checks the shared caches, and compares each
// result with a parse from scratch.
func TestParseConcurrent(t *testing.T) {
	withReuse(func() {
		src := chunkTestInputs(t)["long"]
		versions := []string{src}
		for i := 1; i < 8; i++ {
			at := strings.Index(src[len(src)*i/8:], "\n") + len(src)*i/8 + 1
			versions = append(versions, src[:at]+fmt.Sprintf("RUN echo %d\n", i)+src[at:])
		}
		want := make([]*File, len(versions))
		for i, v := range versions {
			want[i] = freshParse(v)
		}
		done := make(chan string)
		for g := 0; g < 4; g++ {
			go func() {
				msg := ""
				for n := 0; n < 20 && msg == ""; n++ {
					i := (g + n) % len(versions)
					if got := Parse([]byte(versions[i])); !reflect.DeepEqual(want[i], got) {
						msg = fmt.Sprintf("version %d: %s", i, firstDifference(want[i], got))
					}
				}
				done <- msg
			}()
		}
		for g := 0; g < 4; g++ {
			if msg := <-done; msg != "" {
				t.Error(msg)
			}
		}
	})
}

// TestParseSameContentSharesFile checks that a parse of content equal to
// that of a recent parse returns the same File.
func TestParseSameContentSharesFile(t *testing.T) {
	withReuse(func() {
		src := chunkTestInputs(t)["long"]
		first := Parse([]byte(src))
		if again := Parse([]byte(src)); again != first {
			t.Errorf("a parse of the same content returned a new File")
		}
		if other := Parse([]byte(src + "RUN echo more\n")); other == first {
			t.Errorf("a parse of other content returned the earlier File")
		}
	})
}
