package compose

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/composetest"
	"gopkg.in/yaml.v3"
)

// reparseBases are the documents whose edits TestReparseAgreesWithParseFull
// tries: anchors and merges, comments, block scalars, flow collections,
// quotes, CRLF line breaks and several sections.
func reparseBases(t *testing.T) map[string]string {
	bases := map[string]string{
		"generated": composetest.Generate(12),
		"mixed": "name: mixed\n" +
			"x-env: &env\n  A: \"1\"\n  B: two\n" +
			"x-log: &log {driver: json-file}\n" +
			"services:\n" +
			"  web:\n    image: nginx:${TAG:-1}\n    environment: *env\n    logging: *log\n    command: |\n      run --port 80\n      --verbose\n" +
			"  api:\n    <<: *env\n    image: 'api:2'\n    ports: [\"80:80\", \"443:443\"]\n    depends_on:\n      web:\n        condition: service_started\n" +
			"  # a comment between services\n" +
			"  db:\n    image: \"postgres:16\"\n    volumes:\n      - data:/var/lib/postgresql/data\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n" +
			"  worker:\n    image: worker # a line comment\n    entrypoint: >\n      folded\n      text\n" +
			"networks:\n  front:\n  back:\n    driver: bridge\n" +
			"volumes:\n  data:\n    external: true\n",
		"crlf": strings.ReplaceAll("services:\n  a:\n    image: x\n    environment:\n      K: v\n  b:\n    image: y\n", "\n", "\r\n"),
	}
	for _, path := range []string{"../examples/inception/srcs/docker-compose.yml", "../examples/python-client-server/compose.yaml", "../examples/secrets-shared-script/compose.yaml"} {
		content, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		bases[path] = string(content)
	}
	return bases
}

// reparseSnippets are texts that the edits insert, chosen to hit each
// reason reparse declines and each kind of line it accepts.
var reparseSnippets = []string{
	"    x-edit: \"1\"\n", "  added:\n    image: added\n", "    <<: *env\n", "    anchored: &new value\n",
	"    alias: *log\n", "    alias: *later\n", "    # a comment\n", "    text: |\n      block\n", "    - item\n",
	"---\n", "    open: [1, 2\n", "    quote: 'unclosed\n", "    dup: 1\n    dup: 2\n", "    image: again\n",
	"x-top: 1\n", "      deeper: 1\n", "\tbad: tab\n", "  web:\n    image: duplicate\n", "    k: v # c\n",
	"    k: é\n", "    k: \xff\n", "    k: ${VAR:-x}\n", "\n", "  \n", "    ? complex\n    : value\n",
	"    flow: {a: 1}\n", "    tagged: !reset null\n", "    empty:\n", "    list:\n      -\n      - x\n",
	"  - item\n", "    flow: {a: 1,\n      b: 2}\n", "    plain: one\n      two\n", "    quoted: \"one\n      two\"\n",
	"    merged:\n      <<: [*env, *log]\n", "    key: !!str 1\n", "    literal: |\n", "    folded: >-\n      x\n",
	"...\n", "    cr: x\r", "  svc: {image: x}\n", "  svc2:\n", "    later: &later v\n", "      - \n",
}

// editAt applies one random edit to content: an inserted snippet, a
// removed line or range of lines, or a replaced character.
func editAt(rng *rand.Rand, content string) string {
	lines := strings.SplitAfter(content, "\n")
	at := rng.IntN(len(lines) + 1)
	switch rng.IntN(4) {
	case 0:
		snippet := reparseSnippets[rng.IntN(len(reparseSnippets))]
		if strings.Contains(content, "\r\n") {
			snippet = strings.ReplaceAll(snippet, "\n", "\r\n")
		}
		return strings.Join(lines[:at], "") + snippet + strings.Join(lines[at:], "")
	case 1:
		end := min(len(lines), at+1+rng.IntN(4))
		return strings.Join(lines[:at], "") + strings.Join(lines[end:], "")
	case 2:
		if len(content) == 0 {
			return content
		}
		i := rng.IntN(len(content))
		chars := "a:# &*\"'[{-|\t$\n\r}é"
		c := string([]rune(chars)[rng.IntN(len([]rune(chars)))])
		return content[:i] + c + content[i+1:]
	}
	if len(content) == 0 {
		return "x"
	}
	i := rng.IntN(len(content))
	return content[:i] + "x" + content[i:]
}

func TestReparseAgreesWithParseFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	applied, declined := 0, 0
	bases := reparseBases(t)
	for _, name := range slices.Sorted(maps.Keys(bases)) {
		content := bases[name]
		base := parseFull([]byte(content))
		if len(base.Errors) > 0 {
			t.Fatalf("%s: the base has errors: %v", name, base.Errors[0].Message)
		}
		for range 500 {
			edited := editAt(rng, content)
			e := diffContent(base.Content, []byte(edited))
			got, ok := reparse(base, []byte(edited), e)
			if !ok {
				declined++
				continue
			}
			applied++
			want := parseFull([]byte(edited))
			if diff := compareFiles(got, want); diff != "" {
				t.Fatalf("%s: edit [%d,%d)->[%d,%d), input:\n%s\n%s", name, e.start, e.oldEnd, e.start, e.newEnd, edited, diff)
			}
			// A second edit builds on the reparsed File.
			again := editAt(rng, edited)
			if got2, ok := reparse(got, []byte(again), diffContent(got.Content, []byte(again))); ok {
				if diff := compareFiles(got2, parseFull([]byte(again))); diff != "" {
					t.Fatalf("%s: second edit, input:\n%s\n%s", name, again, diff)
				}
			}
		}
	}
	t.Logf("reparse applied to %d edits and declined %d", applied, declined)
	if applied < 500 || declined < 500 {
		t.Errorf("reparse applied to %d edits and declined %d; want at least 500 of each", applied, declined)
	}
}

// compareFiles returns "" when got and want hold the same tree, Spans,
// errors, lines and model, else a description of the first difference.
// Lines of nodes are not compared: reused nodes keep those of their first
// content, and positions come from NodeSpan.
func compareFiles(got, want *File) string {
	if g, w := fmt.Sprint(errorTexts(got)), fmt.Sprint(errorTexts(want)); g != w {
		return "errors:\ngot  " + g + "\nwant " + w
	}
	if !reflect.DeepEqual(got.lines.starts, want.lines.starts) {
		return "line starts differ"
	}
	if diff := compareNodes(got, want, got.doc, want.doc, "doc"); diff != "" {
		return diff
	}
	if g, w := describeModel(got), describeModel(want); g != w {
		return "model:\ngot  " + g + "\nwant " + w
	}
	var g, w strings.Builder
	describeValue(&g, got, reflect.ValueOf(got.Refs()))
	describeValue(&w, want, reflect.ValueOf(want.Refs()))
	if g.String() != w.String() {
		return "refs:\ngot  " + g.String() + "\nwant " + w.String()
	}
	return ""
}

func errorTexts(f *File) []string {
	var out []string
	for _, e := range f.Errors {
		out = append(out, fmt.Sprintf("%v %s %s", e.Span, e.Code, e.Message))
	}
	return out
}

func compareNodes(gf, wf *File, g, w *yaml.Node, path string) string {
	if (g == nil) != (w == nil) {
		return fmt.Sprintf("%s: got node %v, want %v", path, g != nil, w != nil)
	}
	if g == nil {
		return ""
	}
	type fields struct {
		Kind                    yaml.Kind
		Style                   yaml.Style
		Tag, Value, Anchor      string
		Column                  int
		Head, LineComment, Foot string
		Span                    string
		Children                int
	}
	describe := func(f *File, n *yaml.Node) fields {
		return fields{n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.Column, n.HeadComment, n.LineComment, n.FootComment, f.NodeSpan(n).String(), len(n.Content)}
	}
	if gd, wd := describe(gf, g), describe(wf, w); gd != wd {
		return fmt.Sprintf("%s:\ngot  %+v\nwant %+v", path, gd, wd)
	}
	if g.Kind == yaml.AliasNode && gf.NodeSpan(g.Alias) != wf.NodeSpan(w.Alias) {
		return fmt.Sprintf("%s: alias target at %v, want %v", path, gf.NodeSpan(g.Alias), wf.NodeSpan(w.Alias))
	}
	for i := range g.Content {
		if diff := compareNodes(gf, wf, g.Content[i], w.Content[i], fmt.Sprintf("%s/%d", path, i)); diff != "" {
			return diff
		}
	}
	return ""
}

// describeModel prints the exported model of f, with each node replaced by
// its Span.
func describeModel(f *File) string {
	var b strings.Builder
	v := reflect.ValueOf(f).Elem()
	for i := range v.NumField() {
		field := v.Type().Field(i)
		if !field.IsExported() || field.Name == "Content" || field.Name == "Root" || field.Name == "Errors" {
			continue
		}
		b.WriteString(field.Name + "=")
		describeValue(&b, f, v.Field(i))
		b.WriteString("\n")
	}
	return b.String()
}

var nodeType = reflect.TypeOf(&yaml.Node{})

func describeValue(b *strings.Builder, f *File, v reflect.Value) {
	switch {
	case v.Type() == nodeType:
		if v.IsNil() {
			b.WriteString("node<nil>")
			return
		}
		fmt.Fprintf(b, "node%v", f.NodeSpan(v.Interface().(*yaml.Node)))
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		describeValue(b, f, v.Elem())
	case v.Kind() == reflect.Slice:
		b.WriteString("[")
		for i := range v.Len() {
			describeValue(b, f, v.Index(i))
			b.WriteString(" ")
		}
		b.WriteString("]")
	case v.Kind() == reflect.Struct:
		b.WriteString("{")
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				b.WriteString(v.Type().Field(i).Name + ":")
				describeValue(b, f, v.Field(i))
				b.WriteString(" ")
			}
		}
		b.WriteString("}")
	default:
		fmt.Fprint(b, v.Interface())
	}
}

func TestParseReusesAndReparses(t *testing.T) {
	recent.reset()
	before := []byte(composetest.Generate(3))
	first := Parse(before)
	if again := Parse(append([]byte(nil), before...)); again != first {
		t.Errorf("Parse of equal content returned a new File")
	}
	after := []byte(strings.Replace(string(before), "image: registry.example.test/svc1:", "image: edited.test/svc1:", 1))
	edited := Parse(after)
	if edited == first {
		t.Fatalf("Parse of edited content returned the File of the old content")
	}
	if got := edited.Services[1].Image.Value; !strings.HasPrefix(got, "edited.test/") {
		t.Errorf("image after the edit = %q", got)
	}
	if diff := compareFiles(edited, parseFull(after)); diff != "" {
		t.Errorf("reparsed File differs from a full parse:\n%s", diff)
	}
	if got := Parse(before).Services[1].Image.Value; strings.HasPrefix(got, "edited.test/") {
		t.Errorf("image of the old content = %q", got)
	}
}

func TestParseConcurrentEdits(t *testing.T) {
	recent.reset()
	base := composetest.Generate(6)
	Parse([]byte(base))
	done := make(chan string)
	for g := range 4 {
		go func() {
			rng := rand.New(rand.NewPCG(uint64(g), 11))
			for range 25 {
				edited := []byte(editAt(rng, base))
				if diff := compareFiles(Parse(edited), parseFull(edited)); diff != "" {
					done <- fmt.Sprintf("input:\n%s\n%s", edited, diff)
					return
				}
			}
			done <- ""
		}()
	}
	for range 4 {
		if failure := <-done; failure != "" {
			t.Error(failure)
		}
	}
}
