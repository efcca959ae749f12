package runner

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Kind is a scenario: which file is opened and which requests are timed.
type Kind string

// The scenarios. A Dockerfile or compose scenario opens one file of that
// kind and times requests inside it. The workspace scenario opens a shell
// script that uses service names as hosts. It measures how long the
// cross-file index takes and times requests that need it.
const (
	KindDockerfile Kind = "dockerfile"
	KindCompose    Kind = "compose"
	KindWorkspace  Kind = "workspace"
)

// Kinds lists the scenarios in report order.
var Kinds = []Kind{KindDockerfile, KindCompose, KindWorkspace}

// positionsPerPattern is how many matches of each pattern are probed.
const positionsPerPattern = 6

// Scenario is one scenario resolved against a workspace: the file to open,
// the byte offsets to probe and the edit to make.
type Scenario struct {
	Kind       Kind
	Workspace  string // absolute folder sent as the workspace root
	File       string // absolute path of the opened file
	LanguageID string
	Content    string

	// Probes are the byte offsets in Content at which each method is sent.
	Probes map[Method][]int

	// EditOffset and EditText are an insertion that the edit loop makes
	// and undoes in turn.
	EditOffset int
	EditText   string

	// Services maps each compose service name of the workspace to the
	// file and byte offset of its key, for the workspace scenario. The
	// re-index loop rewrites those files on disk.
	Services map[string]ServiceKey
}

// ServiceKey is the location of a compose service declaration.
type ServiceKey struct {
	File   string // absolute path of the compose file
	Offset int    // byte offset of the service name in File
}

// ErrNoFile is returned when a workspace has no file for a scenario.
var ErrNoFile = errors.New("no file for this scenario")

// workspaceFiles lists the files of root by kind, sorted by path.
type workspaceFiles struct {
	dockerfiles, composeFiles, scripts []string
}

// skippedDirs are folders that no language server indexes.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

func listFiles(root string) (workspaceFiles, error) {
	var files workspaceFiles
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && skippedDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		switch base := strings.ToLower(d.Name()); {
		case base == "dockerfile" || strings.HasPrefix(base, "dockerfile.") || strings.HasSuffix(base, ".dockerfile"):
			files.dockerfiles = append(files.dockerfiles, path)
		case isComposeName(base):
			files.composeFiles = append(files.composeFiles, path)
		case strings.HasSuffix(base, ".sh") || strings.HasSuffix(base, ".bash"):
			files.scripts = append(files.scripts, path)
		case filepath.Ext(base) == "" && hasShellShebang(path):
			files.scripts = append(files.scripts, path)
		}
		return nil
	})
	if err != nil {
		return files, fmt.Errorf("list workspace %s: %w", root, err)
	}
	return files, nil
}

func isComposeName(base string) bool {
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	return (ext == ".yaml" || ext == ".yml") &&
		(stem == "compose" || stem == "docker-compose" || strings.HasPrefix(stem, "compose.") || strings.HasPrefix(stem, "docker-compose."))
}

func hasShellShebang(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 64)
	n, _ := f.Read(head) // a short or failed read just means no shebang
	line, _, _ := bytes.Cut(head[:n], []byte("\n"))
	return bytes.HasPrefix(line, []byte("#!")) && (bytes.HasSuffix(line, []byte("sh")) || bytes.Contains(line, []byte("sh ")))
}

// Build resolves the scenario kind against the workspace root. A non-empty
// file is the file to open. Otherwise Build opens the file of that kind
// with the most probe positions, or the first by path on a tie.
func Build(kind Kind, root, file string) (*Scenario, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("workspace path: %w", err)
	}
	files, err := listFiles(root)
	if err != nil {
		return nil, err
	}
	switch kind {
	case KindDockerfile:
		return bestOf(files.dockerfiles, file, func(path, content string) *Scenario {
			return dockerfileScenario(root, path, content)
		})
	case KindCompose:
		return bestOf(files.composeFiles, file, func(path, content string) *Scenario {
			return composeScenario(root, path, content)
		})
	case KindWorkspace:
		return workspaceScenario(root, files, file)
	}
	return nil, fmt.Errorf("unknown scenario %q: want %s, %s or %s", kind, KindDockerfile, KindCompose, KindWorkspace)
}

// bestOf builds the scenario for each candidate file and returns the one
// with the most probe positions.
func bestOf(candidates []string, file string, build func(path, content string) *Scenario) (*Scenario, error) {
	if file != "" {
		candidates = []string{file}
	}
	var best *Scenario
	bestScore := -1
	for _, path := range candidates {
		content, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read scenario file: %w", err)
		}
		sc := build(path, string(content))
		if score := sc.score(); score > bestScore {
			best, bestScore = sc, score
		}
	}
	if best == nil {
		return nil, ErrNoFile
	}
	return best, nil
}

// score ranks candidate files: methods covered first, then positions.
func (sc *Scenario) score() int {
	score := 0
	for _, offsets := range sc.Probes {
		if len(offsets) > 0 {
			score += 1000
		}
		score += len(offsets)
	}
	return score
}

// sortedKeys returns the keys of a set in order.
func sortedKeys(set map[string]int) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
