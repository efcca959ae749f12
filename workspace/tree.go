package workspace

import (
	"os"
	"path/filepath"
	"slices"
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

// diff returns the paths of added that the set does not contain and the
// paths of removed that it contains, each once and sorted. A path in both
// lists counts as removed, as with does.
func (ps *pathSet) diff(added, removed []string) (gained, lost []string) {
	inRemoved := func(p string) bool { return slices.Contains(removed, p) }
	if len(removed) > 16 {
		set := make(map[string]bool, len(removed))
		for _, p := range removed {
			set[p] = true
		}
		inRemoved = func(p string) bool { return set[p] }
	}
	for _, p := range removed {
		if ps.has(p) {
			lost = append(lost, p)
		}
	}
	slices.Sort(lost)
	lost = slices.Compact(lost)
	gained = make([]string, 0, len(added))
	for _, p := range added {
		if !ps.has(p) && !inRemoved(p) {
			gained = append(gained, p)
		}
	}
	slices.Sort(gained)
	return slices.Compact(gained), lost
}

// with returns a set that also contains added and no longer contains
// removed. It returns ps itself when that changes nothing, and otherwise
// merges the sorted lists in time linear in the set's size.
func (ps *pathSet) with(added, removed []string) *pathSet {
	gained, lost := ps.diff(added, removed)
	if len(gained) == 0 && len(lost) == 0 && ps != nil {
		return ps
	}
	gone := make(map[string]bool, len(lost))
	for _, p := range lost {
		gone[p] = true
	}
	var old []string
	if ps != nil {
		old = ps.paths
	}
	paths := make([]string, 0, len(old)+len(gained))
	i := 0
	for _, p := range gained {
		for i < len(old) && old[i] < p {
			if !gone[old[i]] {
				paths = append(paths, old[i])
			}
			i++
		}
		paths = append(paths, p)
	}
	for ; i < len(old); i++ {
		if !gone[old[i]] {
			paths = append(paths, old[i])
		}
	}
	return &pathSet{paths: paths}
}

// sameUnder reports whether ps and other contain the same paths inside dir.
func (ps *pathSet) sameUnder(other *pathSet, dir string) bool {
	return ps == other || slices.Equal(ps.under(dir), other.under(dir))
}

// regularFileExists reports whether the disk has a regular file at path.
func regularFileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
