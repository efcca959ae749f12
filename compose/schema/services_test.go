package schema

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose"
)

// checkEagerly is Check as it was before services were validated lazily:
// the whole document is built, each service is validated without a cache,
// and the problems are described the same way. Check must agree with it.
func checkEagerly(f *compose.File, lookup func(string) (string, bool)) ([]Problem, error) {
	in := NewInstance(f, lookup)
	if f.Root == nil || in.Truncated {
		return nil, nil
	}
	root, ok := in.Value.(map[string]any)
	services, hasServices := root["services"].(map[string]any)
	var found []*violation
	if !ok || !hasServices {
		verr, err := validateDocument(in.Value)
		if err != nil {
			return nil, err
		}
		found = leavesOf(verr)
	} else {
		shallow := map[string]any{}
		for k, v := range root {
			shallow[k] = v
		}
		emptied := map[string]any{}
		var names []string
		for name, svc := range services {
			emptied[name] = svc
			if _, isMap := svc.(map[string]any); isMap {
				emptied[name] = map[string]any{}
				names = append(names, name)
			}
		}
		shallow["services"] = emptied
		verr, err := validateDocument(shallow)
		if err != nil {
			return nil, err
		}
		found = leavesOf(verr)
		sort.Strings(names)
		for _, name := range names {
			verr, err := validateService(services[name])
			if err != nil {
				return nil, err
			}
			for _, leaf := range leavesOf(verr) {
				found = append(found, withPrefix(leaf, "services", name))
			}
		}
	}
	var problems []Problem
	seen := map[string]bool{}
	for _, leaf := range found {
		for _, p := range describe(f, in, leaf) {
			if id := p.Span.String() + p.Message; !seen[id] {
				seen[id] = true
				problems = append(problems, p)
			}
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Span.Start < problems[j].Span.Start })
	return problems, nil
}

// eagerCases are documents that exercise what rootValue and fillServices
// treat specially.
var eagerCases = []string{
	"services:\n  web:\n    image: nginx\n    restrat: always\n  db:\n    image: 3\n",
	"services:\n  web: {image: a}\n  web: {image: b, pull_policy: sometimes}\n",
	"services:\n  web: {image: a, pull_policy: sometimes}\n  web: null\n",
	"services:\n  web: null\n  web: {image: b, pull_policy: sometimes}\n",
	"services:\n  web: 3\n  ok: {}\n  \"bad name!\": {image: x}\n",
	"x-base: &base {image: a, pull_policy: nope}\nservices:\n  a: *base\n  b:\n    <<: *base\n    ports: \"80\"\n",
	"x-svcs: &svcs {a: {image: 1}}\nservices:\n  <<: *svcs\n  b: {build: {args: 3}}\n",
	"services: &s\n  a: {image: x}\nx-other: *s\n",
	"services: null\nvolumes: {v: {driver: 3}}\n",
	"services: [a, b]\n",
	"services:\n  a: {image: x}\nservices:\n  b: {image: 3}\n",
	"services:\n  a: {image: x}\nservices: null\n",
	"services:\n  a: !reset {image: x}\n  b: {image: !reset 3, ports: [!reset 1]}\n",
	"services:\n  a:\n    image: ${IMAGE:-}\n    read_only: ${RO:-yes}\n    deploy: {replicas: ${REPLICAS}}\n",
	"servics:\n  a: {}\nservices:\n  a: {pull_policy: sometimes}\n",
	"name: 3\nservices: {}\n",
	"services:\n  a:\n    healthcheck: {interval: 10}\n    depends_on: {b: {condition: nope}}\n",
}

// eagerCorpus returns the compose files of the repository's test data and
// of compose-go's loader tests.
func eagerCorpus(t *testing.T) map[string]string {
	docs := map[string]string{}
	for i, c := range eagerCases {
		docs["case "+string(rune('a'+i))] = c
	}
	dirs := []string{"../testdata", "../../diagnostics/testdata", "../../examples"}
	if out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/compose-spec/compose-go/v2").Output(); err == nil {
		dirs = append(dirs, filepath.Join(strings.TrimSpace(string(out)), "loader"))
	}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if ext := filepath.Ext(path); ext == ".yaml" || ext == ".yml" || strings.Contains(path, "FuzzParse") {
				if content, err := os.ReadFile(path); err == nil {
					docs[path] = string(content)
				}
			}
			return nil
		})
	}
	return docs
}

func TestCheckAgreesWithEagerCheck(t *testing.T) {
	lookup := func(name string) (string, bool) {
		if name == "RO" {
			return "maybe", true
		}
		return "", false
	}
	docs := eagerCorpus(t)
	if len(docs) < 40 {
		t.Fatalf("only %d documents found", len(docs))
	}
	for name, content := range docs {
		f := compose.Parse([]byte(content))
		for round := range 2 { // the second round reads cached results
			got, gotErr := Check(f, lookup)
			want, wantErr := checkEagerly(f, lookup)
			if !reflect.DeepEqual(got, want) || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("%s, round %d, input:\n%s\ngot  %+v, %v\nwant %+v, %v", name, round, content, got, gotErr, want, wantErr)
			}
		}
	}
}
