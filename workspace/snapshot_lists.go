package workspace

import (
	"slices"
	"sort"
	"sync"

	"github.com/stackls/stackls/position"
)

// fileLists are a Snapshot's Files sorted by URI, all and by kind. They
// never change once the Snapshot is published, except that byDir fills in
// on demand.
type fileLists struct {
	all    []*File
	byKind map[Kind][]*File

	dirMu sync.Mutex
	byDir map[Kind]map[string][]*File // guarded by dirMu; for FilesInDir
}

// newFileLists sorts every File of files.
func newFileLists(files *cowMap[position.URI, *File]) *fileLists {
	all := sortedFiles(files)
	return &fileLists{all: all, byKind: filesOfKind(all)}
}

// inDir returns the Files of one kind directly in dir, grouping the kind's
// Files by folder on first use.
func (l *fileLists) inDir(kind Kind, dir string) []*File {
	l.dirMu.Lock()
	defer l.dirMu.Unlock()
	byDir, ok := l.byDir[kind]
	if !ok {
		byDir = filesByDir(l.byKind[kind])
		if l.byDir == nil {
			l.byDir = map[Kind]map[string][]*File{}
		}
		l.byDir[kind] = byDir
	}
	return byDir[dir]
}

// patched returns the lists of files, given l, the lists from before the
// changes of the files at the URIs in changed, which maps each to its
// File before. It copies the lists of the kinds that changed and keeps
// the folder groups of the other kinds.
func (l *fileLists) patched(files *cowMap[position.URI, *File], changed map[position.URI]*File) *fileLists {
	uris := make([]position.URI, 0, len(changed))
	kinds := map[Kind]bool{}
	for uri, old := range changed {
		uris = append(uris, uri)
		if old != nil {
			kinds[old.Kind] = true
		}
		if f := files.at(uri); f != nil {
			kinds[f.Kind] = true
		}
	}
	slices.Sort(uris)

	out := &fileLists{all: mergeFiles(l.all, uris, files, func(*File) bool { return true }), byKind: map[Kind][]*File{}}
	for kind, list := range l.byKind {
		if !kinds[kind] {
			out.byKind[kind] = list
		}
	}
	for kind := range kinds {
		if list := mergeFiles(l.byKind[kind], uris, files, func(f *File) bool { return f.Kind == kind }); len(list) > 0 {
			out.byKind[kind] = list
		}
	}

	l.dirMu.Lock()
	defer l.dirMu.Unlock()
	for kind, byDir := range l.byDir {
		if !kinds[kind] {
			if out.byDir == nil {
				out.byDir = map[Kind]map[string][]*File{}
			}
			out.byDir[kind] = byDir
		}
	}
	return out
}

// mergeFiles returns list, sorted by URI, with the entries of the sorted
// uris replaced by their File in files when keep accepts it, and removed
// otherwise. The result's capacity is its length.
func mergeFiles(list []*File, uris []position.URI, files *cowMap[position.URI, *File], keep func(*File) bool) []*File {
	out := make([]*File, 0, len(list)+len(uris))
	i := 0
	for _, uri := range uris {
		j := i + sort.Search(len(list)-i, func(k int) bool { return list[i+k].URI >= uri })
		out = append(out, list[i:j]...)
		i = j
		if i < len(list) && list[i].URI == uri {
			i++ // replaced below, or removed
		}
		if f := files.at(uri); f != nil && keep(f) {
			out = append(out, f)
		}
	}
	out = append(out, list[i:]...)
	return slices.Clip(out)
}

// sortedFiles returns the Files of files sorted by URI.
func sortedFiles(files *cowMap[position.URI, *File]) []*File {
	all := make([]*File, 0, files.len())
	files.each(func(_ position.URI, f *File) { all = append(all, f) })
	sort.Slice(all, func(i, j int) bool { return all[i].URI < all[j].URI })
	return all
}

// filesOfKind groups sorted Files by kind. Each group's capacity is its
// length, so that a caller's append copies it.
func filesOfKind(all []*File) map[Kind][]*File {
	byKind := map[Kind][]*File{}
	for _, f := range all {
		byKind[f.Kind] = append(byKind[f.Kind], f)
	}
	for kind, files := range byKind {
		byKind[kind] = slices.Clip(files)
	}
	return byKind
}

// filesByDir groups sorted Files by folder.
func filesByDir(files []*File) map[string][]*File {
	byDir := map[string][]*File{}
	for _, f := range files {
		byDir[f.Dir()] = append(byDir[f.Dir()], f)
	}
	for dir, files := range byDir {
		byDir[dir] = slices.Clip(files)
	}
	return byDir
}
