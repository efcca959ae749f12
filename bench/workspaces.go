package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/bench/internal/runner"
	"github.com/stackls/stackls/bench/internal/workload"
)

// target is one folder the scenarios run on.
type target struct {
	Label     string        // shown in the report
	Class     string        // "example", "files" or "workspace": which issue targets apply
	Size      workload.Size // of a generated target
	Root      string        // the folder the servers see
	Scenarios []runner.Kind
}

// exampleTarget copies a workspace folder into scratch and returns it.
func exampleTarget(dir, scratch string, kinds []runner.Kind) (target, error) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return target{}, fmt.Errorf("workspace %s is not a folder", dir)
	}
	root := filepath.Join(scratch, "ws-"+strings.ReplaceAll(filepath.Clean(dir), string(filepath.Separator), "_"))
	if err := runner.CopyTree(dir, root); err != nil {
		return target{}, fmt.Errorf("copy workspace %s: %w", dir, err)
	}
	return target{Label: filepath.ToSlash(filepath.Clean(dir)), Class: "example", Root: root, Scenarios: kinds}, nil
}

// generatedTargets generates (or reuses) the output for a size under
// cacheDir and returns its long-files folder and its workspace.
func generatedTargets(cacheDir string, seed uint64, sizeName string, kinds []runner.Kind) ([]target, error) {
	size, err := workload.ParseSize(sizeName)
	if err != nil {
		return nil, err
	}
	root := filepath.Join(cacheDir, "gen", fmt.Sprintf("seed%d-%d", seed, size.Files))
	layout := workload.LayoutOf(root)
	if !workload.UpToDate(root, seed, size) {
		fmt.Fprintf(os.Stderr, "bench: generating %s (%d files) into %s\n", sizeName, size.Files, root)
		if layout, err = workload.Write(root, seed, size); err != nil {
			return nil, err
		}
	}

	var fileKinds, workspaceKinds []runner.Kind
	for _, kind := range kinds {
		if kind == runner.KindWorkspace {
			workspaceKinds = append(workspaceKinds, kind)
		} else {
			fileKinds = append(fileKinds, kind)
		}
	}
	var targets []target
	if len(fileKinds) > 0 {
		targets = append(targets, target{
			Label: fmt.Sprintf("generated %s: %d-line files", sizeName, size.DockerfileLines),
			Class: "files", Size: size, Root: layout.Files, Scenarios: fileKinds,
		})
	}
	if len(workspaceKinds) > 0 {
		targets = append(targets, target{
			Label: fmt.Sprintf("generated %s: %d-file workspace", sizeName, size.Files),
			Class: "workspace", Size: size, Root: layout.Workspace, Scenarios: workspaceKinds,
		})
	}
	return targets, nil
}
