package workload

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		name     string
		files    int
		lines    int
		services int
	}{
		{"small", 1000, 500, 30},
		{"medium", 5000, 2500, 150},
		{"large", 10000, 5000, 300},
		{"2k", 2000, 1000, 60},
		{"20000", 20000, 10000, 600},
	}
	for _, tt := range tests {
		size, err := ParseSize(tt.name)
		if err != nil {
			t.Fatalf("ParseSize(%q): %v", tt.name, err)
		}
		if size.Files != tt.files || size.DockerfileLines != tt.lines || size.ComposeServices != tt.services {
			t.Errorf("ParseSize(%q) = %+v, want %d files, %d lines, %d services", tt.name, size, tt.files, tt.lines, tt.services)
		}
	}
	for _, bad := range []string{"", "huge", "-5", "10"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q): want an error", bad)
		}
	}
}

func TestDockerfileLines(t *testing.T) {
	for _, lines := range []int{12, 100, 5000} {
		got := strings.Count(Dockerfile(1, lines), "\n")
		if got != lines {
			t.Errorf("Dockerfile(1, %d) has %d lines", lines, got)
		}
	}
	if !strings.Contains(Dockerfile(1, 100), "COPY --from=build-0000 ") {
		t.Error("Dockerfile has no COPY --from stage reference")
	}
}

func TestComposeFileShape(t *testing.T) {
	content := ComposeFile(1, 5000, 300)
	if got := strings.Count(content, "\n"); got != 5000 {
		t.Errorf("compose file has %d lines, want 5000", got)
	}
	services := len(regexp.MustCompile(`(?m)^  [a-z]+-[a-z]+-\d{4}:$`).FindAllString(content, -1))
	if services != 300 {
		t.Errorf("compose file has %d services, want 300", services)
	}
}

func TestWorkspaceCounts(t *testing.T) {
	size, err := ParseSize("small")
	if err != nil {
		t.Fatal(err)
	}
	files := Workspace(1, size)
	counts := map[string]int{}
	paths := map[string]bool{}
	for _, f := range files {
		if paths[f.Path] {
			t.Errorf("duplicate path %s", f.Path)
		}
		paths[f.Path] = true
		switch base := filepath.Base(f.Path); {
		case base == "compose.yaml":
			counts["compose"]++
			counts["services"] += strings.Count(f.Content, "\n    image: ")
		case base == "Dockerfile":
			counts["dockerfile"]++
		case strings.HasSuffix(base, ".sh"):
			counts["script"]++
		}
	}
	want := map[string]int{"compose": 20, "services": 200, "dockerfile": 100, "script": 200}
	for kind, n := range want {
		if counts[kind] != n {
			t.Errorf("%s count = %d, want %d", kind, counts[kind], n)
		}
	}
	if len(files) != 1000 {
		t.Errorf("workspace has %d files, want 1000", len(files))
	}
}

func TestWorkspaceDeterministic(t *testing.T) {
	size, err := ParseSize("small")
	if err != nil {
		t.Fatal(err)
	}
	first, second, other := Workspace(7, size), Workspace(7, size), Workspace(8, size)
	same, differs := true, false
	for i := range first {
		same = same && first[i] == second[i]
		differs = differs || first[i] != other[i]
	}
	if !same {
		t.Error("same seed gave different files")
	}
	if !differs {
		t.Error("different seeds gave the same files")
	}
}

func TestWriteRefusesForeignFolder(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	size, err := ParseSize("100")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(root, 1, size); err == nil {
		t.Fatal("Write into a folder with foreign files: want an error")
	}
	if _, err := os.Stat(filepath.Join(root, "keep.txt")); err != nil {
		t.Errorf("foreign file removed: %v", err)
	}
}

func TestWriteTwice(t *testing.T) {
	root := filepath.Join(t.TempDir(), "out")
	size, err := ParseSize("100")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := Write(root, 1, size); err != nil {
			t.Fatal(err)
		}
	}
	if !UpToDate(root, 1, size) {
		t.Error("UpToDate after Write = false")
	}
	if UpToDate(root, 2, size) {
		t.Error("UpToDate with another seed = true")
	}
}
