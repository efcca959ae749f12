package workload

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// StampName is the file that marks a folder as generated output; Write
// replaces only folders that have it.
const StampName = ".stackls-bench-gen"

// Layout names the parts of a generated folder.
type Layout struct {
	Root       string
	Files      string // folder with the long Dockerfile and compose.yaml
	Dockerfile string
	Compose    string
	Workspace  string // folder of the many-file workspace
}

// LayoutOf returns the paths inside a generated folder.
func LayoutOf(root string) Layout {
	files := filepath.Join(root, "files")
	return Layout{
		Root:       root,
		Files:      files,
		Dockerfile: filepath.Join(files, "Dockerfile"),
		Compose:    filepath.Join(files, "compose.yaml"),
		Workspace:  filepath.Join(root, "workspace"),
	}
}

// stamp returns what the stamp file records: everything the output
// depends on.
func stamp(seed uint64, size Size) string {
	return fmt.Sprintf("seed=%d files=%d dockerfile-lines=%d compose-lines=%d compose-services=%d generator=1\n",
		seed, size.Files, size.DockerfileLines, size.ComposeLines, size.ComposeServices)
}

// UpToDate reports whether root already holds the output for seed and size.
func UpToDate(root string, seed uint64, size Size) bool {
	data, err := os.ReadFile(filepath.Join(root, StampName))
	return err == nil && string(data) == stamp(seed, size)
}

// Write generates the long files and the workspace into root, replacing an
// earlier output there. It refuses a root that is neither empty nor a
// generated folder, so it never deletes files it did not write.
func Write(root string, seed uint64, size Size) (Layout, error) {
	layout := LayoutOf(root)
	if err := prepareRoot(root); err != nil {
		return layout, err
	}

	files := []File{
		{"files/Dockerfile", Dockerfile(seed, size.DockerfileLines)},
		{"files/compose.yaml", ComposeFile(seed, size.ComposeLines, size.ComposeServices)},
	}
	for _, f := range Workspace(seed, size) {
		files = append(files, File{"workspace/" + f.Path, f.Content})
	}
	made := map[string]bool{}
	for _, f := range files {
		path := filepath.Join(root, filepath.FromSlash(f.Path))
		if dir := filepath.Dir(path); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return layout, fmt.Errorf("create folder: %w", err)
			}
			made[dir] = true
		}
		if err := os.WriteFile(path, []byte(f.Content), 0o644); err != nil {
			return layout, fmt.Errorf("write generated file: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, StampName), []byte(stamp(seed, size)), 0o644); err != nil {
		return layout, fmt.Errorf("write stamp: %w", err)
	}
	return layout, nil
}

// prepareRoot creates root, or empties it when it holds an earlier output.
func prepareRoot(root string) error {
	entries, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(root, 0o755)
	}
	if err != nil {
		return fmt.Errorf("read output folder: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(root, StampName)); err != nil {
		names := make([]string, 0, 3)
		for _, e := range entries[:min(3, len(entries))] {
			names = append(names, e.Name())
		}
		return fmt.Errorf("output folder %s is not empty (%s) and has no %s: choose an empty or new folder",
			root, strings.Join(names, ", "), StampName)
	}
	for _, name := range []string{"files", "workspace", StampName} {
		if err := os.RemoveAll(filepath.Join(root, name)); err != nil {
			return fmt.Errorf("remove earlier output: %w", err)
		}
	}
	return nil
}
