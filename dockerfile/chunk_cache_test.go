package dockerfile

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// referenceParse parses content as Parse did before nodes were cached: one
// buildkit parse of the whole content, and on error a parse of each chunk
// with the directives read as comments.
func referenceParse(content []byte) *File {
	f := &File{Content: content, Escape: '\\'}
	s := newScanner(f)
	s.scan()
	nodes, _, err := s.parseLines(0, len(s.lines), false)
	if err == nil {
		for _, node := range nodes {
			for _, in := range f.Instructions {
				if in.first+1 == node.StartLine {
					in.Node = node
				}
			}
		}
	} else {
		from := 0
		for _, in := range f.Instructions {
			res := s.parseChunk(from, in.last+1, true)
			if res.err != nil && res.located {
				s.addBuildkitError(res.err, [2]int{res.errLines[0] + from, res.errLines[1] + from})
			}
			for _, node := range res.nodes {
				if node.StartLine+from == in.first+1 {
					in.Node = shifted(node, from)
				}
			}
			from = in.last + 1
		}
	}
	if len(f.Instructions) == 0 && len(f.Errors) == 0 {
		f.Errors = append(f.Errors, &Error{Span: s.lastLineSpan(), Message: "no instructions"})
	}
	sortErrors(f.Errors)
	return f
}

// describeNodes returns every field of the instructions' buildkit nodes and
// the errors, one line each.
func describeNodes(f *File) string {
	var b strings.Builder
	for _, in := range f.Instructions {
		n := in.Node
		if n == nil {
			fmt.Fprintf(&b, "%s: no node\n", in.Keyword)
			continue
		}
		fmt.Fprintf(&b, "%s: lines %d-%d %q original %q flags %q comments %q heredocs %+v attributes %v\n",
			in.Keyword, n.StartLine, n.EndLine, n.Dump(), n.Original, n.Flags, n.PrevComment, n.Heredocs, n.Attributes)
	}
	for _, e := range f.Errors {
		msg := e.Message
		if strings.HasPrefix(msg, "the Dockerfile has no instructions") {
			msg = "no instructions" // as referenceParse words it
		}
		fmt.Fprintf(&b, "error %v %s\n", e.Span, msg)
	}
	return b.String()
}

// chunkTestInputs returns the seed inputs, buildkit's parser test files
// and a longer Dockerfile with comments, heredocs and continuations.
func chunkTestInputs(t *testing.T) map[string]string {
	var long strings.Builder
	long.WriteString("# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nARG BASE=3.20\n")
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&long, "# stage %d\nFROM alpine:$BASE AS s%d\nRUN a \\\n# inside\n\n  b\nCOPY <<EOF /f%d\nx\nEOF\n#\n# after an empty comment\nENV A=%d\n\n", i, i, i, i)
	}
	inputs := map[string]string{"long": long.String()}
	for i, src := range seedInputs() {
		inputs[fmt.Sprintf("seed %d", i)] = src
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/moby/buildkit").Output()
	if err != nil {
		t.Logf("buildkit's test files are not used: go list: %v", err)
		return inputs
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "frontend", "dockerfile", "parser")
	paths, _ := filepath.Glob(filepath.Join(dir, "testfiles*", "*", "Dockerfile"))
	for _, path := range paths {
		content, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(filepath.Dir(path))] = string(content)
	}
	return inputs
}

// withChunkRatio runs fn with chunkParseRatio set to ratio.
func withChunkRatio(ratio int, fn func()) {
	saved := chunkParseRatio
	chunkParseRatio = ratio
	defer func() { chunkParseRatio = saved }()
	fn()
}

// TestChunkedParseMatchesWholeParse checks that the nodes and errors of
// Parse are those of a parse of the whole content. It parses with an empty
// cache, with a cache filled by the same content and chunk by chunk, and
// after an edit that inserts an instruction or a comment.
func TestChunkedParseMatchesWholeParse(t *testing.T) {
	inputs := chunkTestInputs(t)
	t.Logf("%d inputs", len(inputs))
	for name, src := range inputs {
		variants := map[string]string{"as is": src}
		if i := strings.Index(src, "\n"); i >= 0 {
			variants["RUN inserted"] = src[:i+1] + "RUN echo inserted\n" + src[i+1:]
			variants["comment inserted"] = src[:i+1] + "# inserted\n" + src[i+1:]
		}
		for variant, content := range variants {
			want := describeNodes(referenceParse([]byte(content)))
			check := func(how string) {
				t.Helper()
				if got := describeNodes(Parse([]byte(content))); got != want {
					t.Errorf("%s, %s, %s:\ninput %q\nwant:\n%s\ngot:\n%s", name, variant, how, content, want, got)
				}
			}
			nodeCache.reset()
			check("empty cache")
			check("cached")
			nodeCache.reset()
			withChunkRatio(0, func() {
				check("chunk by chunk")
				check("chunk by chunk, cached")
			})
		}
	}
}

// TestChunkCacheEditInvalidates checks that an edited instruction gets the
// node of its new text, and that the unchanged ones keep theirs with
// shifted lines.
func TestChunkCacheEditInvalidates(t *testing.T) {
	before := "FROM alpine\nRUN echo one\n# note\nRUN echo two\n"
	after := "FROM alpine\nRUN echo uno\nRUN echo one\n# note\nRUN echo two\n"
	old := Parse([]byte(before))
	f := Parse([]byte(after))
	want := []struct {
		original   string
		start, end int
	}{{"FROM alpine", 1, 1}, {"RUN echo uno", 2, 2}, {"RUN echo one", 3, 3}, {"RUN echo two", 5, 5}}
	if len(f.Instructions) != len(want) {
		t.Fatalf("got %d instructions, want %d", len(f.Instructions), len(want))
	}
	for i, w := range want {
		n := f.Instructions[i].Node
		if n == nil {
			t.Errorf("instruction %d has no node", i)
			continue
		}
		if n.Original != w.original || n.StartLine != w.start || n.EndLine != w.end {
			t.Errorf("instruction %d: node %q lines %d-%d, want %q lines %d-%d", i, n.Original, n.StartLine, n.EndLine, w.original, w.start, w.end)
		}
	}
	if got := f.Instructions[3].Node.PrevComment; len(got) != 1 || got[0] != "note" {
		t.Errorf("RUN echo two: comments %q, want [note]", got)
	}
	// The unchanged chunks come from the cache, which shares the nodes
	// below the top one.
	for _, pair := range [][2]int{{0, 0}, {1, 2}, {2, 3}} {
		if f.Instructions[pair[1]].Node.Next != old.Instructions[pair[0]].Node.Next {
			t.Errorf("instruction %d was parsed again; want the cached node of instruction %d", pair[1], pair[0])
		}
	}
}

// TestChunkCacheEscapeDirective checks that a chunk parsed with one escape
// character is not reused for the same text under the other one.
func TestChunkCacheEscapeDirective(t *testing.T) {
	body := "FROM alpine\nRUN echo a `\n  b\n"
	Parse([]byte(body))
	f := Parse([]byte("# escape=`\n" + body))
	if n := f.Instructions[1].Node; n == nil || n.Original != "RUN echo a   b" {
		t.Errorf("with escape=`: RUN node %+v, want the continued line", n)
	}
	f = Parse([]byte(body))
	if len(f.Instructions) < 2 || f.Instructions[1].Node == nil || f.Instructions[1].Node.Original != "RUN echo a `" {
		t.Errorf("with the default escape: RUN node %+v, want the single line", f.Instructions[1].Node)
	}
}
