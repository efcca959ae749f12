package schema

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	composeschema "github.com/compose-spec/compose-go/v2/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/composetest"
)

var update = flag.Bool("update", false, "rewrite compose-spec.json from compose-go's schema")

// TestSpecMatchesComposeGo keeps compose-spec.json equal to the schema of
// the compose-go version in go.mod. After a compose-go update, run
// `go test ./compose/schema -run TestSpecMatchesComposeGo -update`.
func TestSpecMatchesComposeGo(t *testing.T) {
	want := []byte(composeschema.Schema)
	if *update {
		if err := os.WriteFile("compose-spec.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(specJSON, want) {
		t.Fatal("compose-spec.json differs from compose-go's schema; run go test ./compose/schema -run TestSpecMatchesComposeGo -update")
	}
}

// TestCompileRejectsUnknownKeywords checks that a keyword the validator
// does not implement is an error, not skipped.
func TestCompileRejectsUnknownKeywords(t *testing.T) {
	for _, doc := range []map[string]any{
		{"type": "object", "properties": map[string]any{"a": map[string]any{"minLength": 1.0}}},
		{"not": map[string]any{}},
		{"$ref": "#/$defs/missing"},
		{"$ref": "other.json#/x"},
		{"type": "thing"},
		{"pattern": "("},
	} {
		if _, err := newSchemaCompiler(doc).compileRef("#"); err == nil {
			t.Errorf("compiling %v: no error", doc)
		}
	}
	if _, err := newSchemaCompiler(map[string]any{"description": "d", "format": "duration", "deprecated": true}).compileRef("#"); err != nil {
		t.Errorf("annotations only: %v", err)
	}
}

var (
	referenceOnce sync.Once
	reference     *jsonschema.Schema
	referenceErr  error
)

// referenceSchema returns the compose-spec schema compiled by
// santhosh-tekuri/jsonschema/v6, the validator this package replaced.
func referenceSchema(t testing.TB) *jsonschema.Schema {
	referenceOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(composeschema.Schema))
		if err != nil {
			referenceErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if referenceErr = c.AddResource("compose-spec.json", doc); referenceErr != nil {
			return
		}
		reference, referenceErr = c.Compile("compose-spec.json")
	})
	if referenceErr != nil {
		t.Fatal(referenceErr)
	}
	return reference
}

// referenceLeaves returns the leaves of the reference validator's error
// tree for v, each written as leafText writes ours.
func referenceLeaves(t testing.TB, v any) []string {
	err := referenceSchema(t).Validate(v)
	if err == nil {
		return nil
	}
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		t.Fatalf("reference validator: %v", err)
	}
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		path := strings.Join(e.InstanceLocation, "/")
		switch k := e.ErrorKind.(type) {
		case *kind.Type:
			out = append(out, fmt.Sprintf("%s type %s %v", path, k.Got, sortedCopy(k.Want)))
		case *kind.Enum:
			out = append(out, path+" enum")
		case *kind.Required:
			out = append(out, fmt.Sprintf("%s required %v", path, sortedCopy(k.Missing)))
		case *kind.AdditionalProperties:
			out = append(out, fmt.Sprintf("%s additional %v", path, sortedCopy(k.Properties)))
		case *kind.FalseSchema:
			out = append(out, path+" false")
		case *kind.Pattern:
			out = append(out, path+" pattern "+k.Want)
		case *kind.Minimum:
			out = append(out, fmt.Sprintf("%s minimum %s", path, k.Want.FloatString(0)))
		case *kind.Maximum:
			out = append(out, fmt.Sprintf("%s maximum %s", path, k.Want.FloatString(0)))
		case *kind.UniqueItems:
			out = append(out, fmt.Sprintf("%s unique %v", path, k.Duplicates))
		case *kind.OneOf:
			out = append(out, fmt.Sprintf("%s oneOf-many %v", path, k.Subschemas))
		case *kind.InvalidJsonValue:
			out = append(out, path+" not-a-number")
		default:
			out = append(out, fmt.Sprintf("%s %T", path, k))
		}
	}
	walk(verr)
	slices.Sort(out)
	return out
}

// ourLeaves returns every leaf of our violations for v, written as
// referenceLeaves writes the reference's.
func ourLeaves(t testing.TB, v any) []string {
	found, err := validateDocument(v)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(e *violation)
	walk = func(e *violation) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		path := strings.Join(e.Path, "/")
		switch e.Kind {
		case violationType:
			out = append(out, fmt.Sprintf("%s type %s %v", path, e.Got, sortedCopy(e.Want)))
		case violationEnum:
			out = append(out, path+" enum")
		case violationRequired:
			out = append(out, fmt.Sprintf("%s required %v", path, sortedCopy(e.Missing)))
		case violationAdditional:
			out = append(out, fmt.Sprintf("%s additional %v", path, sortedCopy(e.Properties)))
		case violationFalse:
			out = append(out, path+" false")
		case violationPattern:
			out = append(out, path+" pattern "+e.Pattern)
		case violationMinimum:
			out = append(out, fmt.Sprintf("%s minimum %s", path, formatLimit(e.Limit)))
		case violationMaximum:
			out = append(out, fmt.Sprintf("%s maximum %s", path, formatLimit(e.Limit)))
		case violationUnique:
			out = append(out, fmt.Sprintf("%s unique %v", path, e.Pair))
		case violationOneOfMany:
			out = append(out, fmt.Sprintf("%s oneOf-many %v", path, e.Pair[:]))
		case violationNotNumber:
			out = append(out, path+" not-a-number")
		default:
			out = append(out, fmt.Sprintf("%s kind-%d", path, e.Kind))
		}
	}
	for _, e := range found {
		walk(e)
	}
	slices.Sort(out)
	return out
}

func sortedCopy(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return out
}

// compareWithReference fails t when the two validators disagree on the
// compose document src.
func compareWithReference(t *testing.T, name string, src []byte) {
	t.Helper()
	f := compose.Parse(src)
	in := NewInstance(f, nil)
	if f.Root == nil || in.Truncated {
		return
	}
	want := referenceLeaves(t, in.Value)
	got := ourLeaves(t, in.Value)
	if !slices.Equal(got, want) {
		t.Errorf("%s: the validators disagree\nsource:\n%s\nours:      %q\nreference: %q", name, src, got, want)
	}
}

// differentialCorpus returns compose documents to compare the validators
// on: the examples, compose-go's test data, a generated file, and
// documents that break each kind of keyword.
func differentialCorpus(t testing.TB) map[string][]byte {
	corpus := map[string][]byte{
		"generated": []byte(composetest.Generate(40)),
	}
	for i, src := range keywordCases {
		corpus[fmt.Sprintf("case %d", i)] = []byte(src)
	}
	var roots []string
	if out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/compose-spec/compose-go/v2").Output(); err == nil {
		roots = append(roots, strings.TrimSpace(string(out)))
	}
	roots = append(roots, filepath.Join("..", "..", "examples"))
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if ext := filepath.Ext(path); ext != ".yml" && ext != ".yaml" {
				return nil
			}
			if data, err := os.ReadFile(path); err == nil {
				corpus[path] = data
			}
			return nil
		})
	}
	return corpus
}

// keywordCases break each keyword the compose spec uses, alone and inside
// "oneOf", "allOf" and "$ref".
var keywordCases = []string{
	"services:\n  a:\n    image: 3\n    restrat: always\n",
	"services:\n  a:\n    ports: [80, 80]\n    cpu_shares: -5\n",
	"services:\n  a:\n    blkio_config: {weight: 5000, weight_device: [{path: /dev/a, weight: 1}]}\n",
	"services:\n  a:\n    pull_policy: sometimes\n    container_name: '!'\n",
	"services:\n  a:\n    build: {context: ., args: 3, unknown: 1}\n",
	"services:\n  a:\n    depends_on: {b: {condition: maybe}}\n  b: {image: x}\n",
	"services:\n  a:\n    healthcheck: {test: 3}\n    deploy: {resources: {limits: {cpus: []}}}\n",
	"services:\n  a:\n    post_start: [{user: root}]\n    pre_start: [{image: x, per_replica: maybe, unknown: 1}]\n",
	"services:\n  a:\n    environment: [A=1, A=1]\n    labels: {a: [1]}\n",
	"services:\n  a:\n    volumes: [{type: bind}, {type: nfs, source: a, target: b}]\n",
	"jobs:\n  j:\n    image: x\n    triggers: {}\n  k:\n    triggers: {manual: maybe, schedule: [3]}\n",
	"services:\n  a: 3\nnetworks: {n: {ipam: {config: [{subnet: 3}]}}}\nvolumes: {v: []}\n",
	"secrets: {s: {file: 3}}\nconfigs: {c: {external: maybe}}\nname: [x]\n",
	"services:\n  a:\n    ulimits: {nofile: {soft: x}}\n    extra_hosts: [1, 1]\n",
	"services:\n  a:\n    cpus: .nan\n    mem_limit: .inf\n",
	"services:\n  a:\n    cpu_count: -1\n    cpu_percent: 101\n    oom_score_adj: -1001\n    umask: 4294967296\n  b:\n    cpu_percent: 2.5\n    umask: -1\n    oom_score_adj: 1000.0\n",
	"services:\n  a:\n    cap_add: [A, B, A]\n    volumes: [{type: tmpfs, target: /t, tmpfs: {size: -3}}, {type: bind, source: a, target: b, bind: {recursive: maybe, selinux: q}}]\n",
	"services:\n  a:\n    gpus: some\n    cgroup: shared\n    ports: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23.0, 7.0]\n",
	"services:\n  a:\n    extra_hosts: {h: [1.1.1.1, 1.1.1.1]}\n    links: [a, b, a]\n    deploy: {update_config: {order: random}}\n",
	"include: [{path: 3}, 4]\nmodels: {m: {model: 3}}\n",
	"x-any: 1\nservices:\n  a:\n    x-mine: {a: 1}\n    develop: {watch: [{path: a, action: dance}]}\n",
}

func TestValidatorAgreesWithReference(t *testing.T) {
	for name, src := range differentialCorpus(t) {
		compareWithReference(t, name, src)
	}
}

// TestValidatorAgreesOnMutations changes values of the corpus documents
// at random, deterministically, and compares the validators on each
// changed document.
func TestValidatorAgreesOnMutations(t *testing.T) {
	replacements := []string{"3", "-1", "1.5", "true", "null", "[]", "{}", "[1, 1]", "{x: 1}", "abc", `""`, "100000", "[a, a]"}
	rng := rand.New(rand.NewPCG(1, 2))
	for name, src := range differentialCorpus(t) {
		lines := strings.Split(string(src), "\n")
		for round := range 8 {
			i := rng.IntN(len(lines))
			line := lines[i]
			colon := strings.Index(line, ": ")
			if colon < 0 {
				continue
			}
			changed := slices.Clone(lines)
			changed[i] = line[:colon+2] + replacements[rng.IntN(len(replacements))]
			compareWithReference(t, fmt.Sprintf("%s, mutation %d", name, round), []byte(strings.Join(changed, "\n")))
		}
	}
}

// FuzzValidatorAgreesWithReference compares the validators on arbitrary
// compose documents.
func FuzzValidatorAgreesWithReference(f *testing.F) {
	for _, src := range differentialCorpus(f) {
		if len(src) < 4096 {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<14 {
			return
		}
		compareWithReference(t, "input", src)
	})
}
