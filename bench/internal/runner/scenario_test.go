package runner

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree writes files (slash paths) under a new temporary folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for path, content := range files {
		full := filepath.Join(root, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const composeYAML = `name: demo

services:
  web:
    image: nginx:1.27
    depends_on:
      - db
    restart: always
  db:
    image: mariadb:11
    environment:
      PASSWORD: ${DB_PASSWORD}

networks:
  back: {}
`

const dockerfile = `ARG BASE=debian
FROM ${BASE} AS build
RUN make

FROM build AS runtime
COPY --from=build /out /usr/local/bin/
`

const entrypoint = `#!/bin/sh
until nc -z db 3306; do sleep 1; done
curl http://web:80/ ${db} db.example
`

// at returns the text at offset up to the next non-word byte.
func at(content string, offset int) string {
	end := offset
	for end < len(content) && hostChar(content[end]) {
		end++
	}
	return content[offset:end]
}

func words(content string, offsets []int) []string {
	out := make([]string, len(offsets))
	for i, offset := range offsets {
		out[i] = at(content, offset)
	}
	return out
}

func TestComposeServices(t *testing.T) {
	services := composeServices(composeYAML)
	if len(services) != 2 {
		t.Fatalf("services = %v, want web and db", services)
	}
	for name, offset := range services {
		if got := at(composeYAML, offset); got != name {
			t.Errorf("service %s at offset %d reads %q", name, offset, got)
		}
	}
}

func TestHostOffsets(t *testing.T) {
	got := words(entrypoint, hostOffsets(entrypoint, map[string]bool{"db": true, "web": true}))
	want := []string{"db", "web"} // not ${db} and not db.example
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("hosts = %v, want %v", got, want)
	}
}

func TestSpread(t *testing.T) {
	got := spread([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 4)
	want := []int{0, 3, 6, 9}
	if len(got) != len(want) {
		t.Fatalf("spread = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("spread = %v, want %v", got, want)
		}
	}
}

func TestBuildDockerfile(t *testing.T) {
	root := writeTree(t, map[string]string{"app/Dockerfile": dockerfile, "compose.yaml": composeYAML})
	sc, err := Build(KindDockerfile, root, "")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(sc.File) != "Dockerfile" || sc.LanguageID != "dockerfile" {
		t.Errorf("scenario file = %s (%s), want the Dockerfile", sc.File, sc.LanguageID)
	}
	if got := words(sc.Content, sc.Probes[Definition]); !slices.Contains(got, "build") || !slices.Contains(got, "BASE") {
		t.Errorf("definition probes = %v, want the stage build and the ARG BASE", got)
	}
	if got := words(sc.Content, sc.Probes[References]); !slices.Contains(got, "build") {
		t.Errorf("references probes = %v, want the stage build", got)
	}
	if len(sc.Probes[Completion]) == 0 {
		t.Error("no completion probe at the blank line")
	}
	if !strings.HasPrefix(sc.Content[sc.EditOffset:], "RUN make") {
		t.Errorf("edit offset %d is not after the first FROM line", sc.EditOffset)
	}
}

func TestBuildCompose(t *testing.T) {
	root := writeTree(t, map[string]string{"compose.yaml": composeYAML})
	sc, err := Build(KindCompose, root, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := words(sc.Content, sc.Probes[Definition]); !slices.Contains(got, "db") || !slices.Contains(got, "DB_PASSWORD") {
		t.Errorf("definition probes = %v, want db and DB_PASSWORD", got)
	}
	if got := words(sc.Content, sc.Probes[References]); strings.Join(got, ",") != "web,db" {
		t.Errorf("references probes = %v, want web,db", got)
	}
	if sc.EditText != "    x-bench-edit: \"1\"\n" || !strings.HasPrefix(sc.Content[sc.EditOffset:], "    image: nginx") {
		t.Errorf("edit = %q at %q, want an x- key before web's image", sc.EditText, sc.Content[sc.EditOffset:][:10])
	}
}

func TestBuildWorkspace(t *testing.T) {
	root := writeTree(t, map[string]string{
		"compose.yaml":             composeYAML,
		"web/entrypoint.sh":        entrypoint,
		"web/unrelated.sh":         "#!/bin/sh\necho hello\n",
		"node_modules/x/ignore.sh": "nc -z db 1; nc -z web 2; nc -z db 3\n",
	})
	sc, err := Build(KindWorkspace, root, "")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(sc.File) != "entrypoint.sh" {
		t.Errorf("scenario file = %s, want entrypoint.sh", sc.File)
	}
	if got := words(sc.Content, sc.Probes[Definition]); strings.Join(got, ",") != "db,web" {
		t.Errorf("definition probes = %v, want db,web", got)
	}
	web := sc.Services["web"]
	if filepath.Base(web.File) != "compose.yaml" || !strings.HasPrefix(composeYAML[web.Offset:], "web:") {
		t.Errorf("service web = %+v, want its key in compose.yaml", web)
	}
}

func TestBuildNoFile(t *testing.T) {
	root := writeTree(t, map[string]string{"README.md": "# nothing\n"})
	if _, err := Build(KindDockerfile, root, ""); err == nil {
		t.Error("Build without a Dockerfile: want an error")
	}
}

func TestIsEmpty(t *testing.T) {
	tests := []struct {
		result string
		want   bool
	}{
		{`null`, true},
		{`[]`, true},
		{`{"isIncomplete":false,"items":[]}`, true},
		{`{"contents":{"kind":"markdown","value":""}}`, true},
		{`{"contents":{"kind":"markdown","value":"**FROM**"}}`, false},
		{`[{"uri":"file:///a","range":{}}]`, false},
		{`{"items":[{"label":"RUN"}]}`, false},
	}
	for _, tt := range tests {
		if got := isEmpty(json.RawMessage(tt.result)); got != tt.want {
			t.Errorf("isEmpty(%s) = %v, want %v", tt.result, got, tt.want)
		}
	}
}
