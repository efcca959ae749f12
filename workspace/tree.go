package workspace

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// pathSet is an immutable sorted set of OS paths: every regular file of
// the workspace folders, whatever its kind. The index resolves COPY
// sources, globs and folders against it instead of reading the disk.
type pathSet struct {
	paths []string // sorted, no duplicates
}

// newPathSet returns a set of sorted, duplicate-free paths.
func newPathSet(sorted []string) *pathSet { return &pathSet{paths: sorted} }

// has reports whether path is in the set.
func (ps *pathSet) has(path string) bool {
	if ps == nil {
		return false
	}
	i := sort.SearchStrings(ps.paths, path)
	return i < len(ps.paths) && ps.paths[i] == path
}

// under returns the paths inside folder dir, at any depth, in order.
func (ps *pathSet) under(dir string) []string {
	if ps == nil {
		return nil
	}
	prefix := strings.TrimSuffix(dir, string(filepath.Separator)) + string(filepath.Separator)
	i := sort.SearchStrings(ps.paths, prefix)
	j := i
	for j < len(ps.paths) && strings.HasPrefix(ps.paths[j], prefix) {
		j++
	}
	return ps.paths[i:j]
}

// with returns a set that also holds added and no longer holds removed.
func (ps *pathSet) with(added, removed []string) *pathSet {
	gone := make(map[string]bool, len(removed))
	for _, p := range removed {
		gone[p] = true
	}
	var paths []string
	if ps != nil {
		paths = make([]string, 0, len(ps.paths)+len(added))
		for _, p := range ps.paths {
			if !gone[p] {
				paths = append(paths, p)
			}
		}
	}
	for _, p := range added {
		if !gone[p] && !ps.has(p) {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	paths = compactSorted(paths)
	return &pathSet{paths: paths}
}

func compactSorted(paths []string) []string {
	out := paths[:0]
	for i, p := range paths {
		if i == 0 || p != paths[i-1] {
			out = append(out, p)
		}
	}
	return out
}

// regularFileExists reports whether the disk has a regular file at path.
func regularFileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
