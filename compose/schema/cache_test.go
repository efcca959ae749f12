package schema

import (
	"strings"
	"testing"
)

func TestAppendKeyDistinguishesValues(t *testing.T) {
	values := []any{
		nil, true, false, int64(1), float64(1), "1", "", "a",
		[]any{}, []any{nil}, []any{"a", "b"}, []any{"ab"}, []any{[]any{"a"}, "b"},
		map[string]any{}, map[string]any{"a": "b"}, map[string]any{"ab": ""}, map[string]any{"a": nil},
		map[string]any{"a": "b", "c": "d"}, map[string]any{"a": map[string]any{"c": "d"}},
	}
	seen := map[string]any{}
	for _, v := range values {
		key, ok := appendKey(nil, v)
		if !ok {
			t.Fatalf("appendKey(%#v) reported an unknown type", v)
		}
		if prev, dup := seen[string(key)]; dup {
			t.Errorf("appendKey gives %#v and %#v the same key %q", prev, v, key)
		}
		seen[string(key)] = v
	}
}

func TestAppendKeySortsMappingKeys(t *testing.T) {
	a, _ := appendKey(nil, map[string]any{"x": int64(1), "y": "2", "z": []any{true}})
	for range 20 {
		b, _ := appendKey(nil, map[string]any{"z": []any{true}, "y": "2", "x": int64(1)})
		if string(a) != string(b) {
			t.Fatalf("equal mappings got keys %q and %q", a, b)
		}
	}
}

func TestCheckAfterEditOfCachedService(t *testing.T) {
	valid := "services:\n  web:\n    image: nginx\n    pull_policy: always\n  db:\n    image: postgres\n"
	invalid := strings.Replace(valid, "pull_policy: always", "pull_policy: sometimes", 1)
	renamed := strings.Replace(valid, "pull_policy: always", "pull_polcy: always", 1)
	steps := []struct {
		content string
		want    string
	}{
		{valid, ""},
		{invalid, "`sometimes` is not a valid value of `pull_policy`"},
		{valid, ""},
		{renamed, "`pull_polcy` is not a service property"},
		{invalid, "`sometimes` is not a valid value of `pull_policy`"},
		{valid + "networks: 3\n", "`networks` must be a mapping"},
		{valid, ""},
	}
	for i, step := range steps {
		got := strings.Join(problemsText(t, step.content), "\n")
		if step.want == "" && got != "" || !strings.Contains(got, step.want) {
			t.Errorf("step %d, input:\n%s\ngot:\n%s\nwant a problem containing %q", i, step.content, got, step.want)
		}
	}
}
