package workspace

import (
	"slices"
	"sort"
	"sync"

	"github.com/stackls/stackls/position"
)

// Snapshot is an immutable view of the workspace: every known File and
// the cross-file index built from them. A Snapshot never changes after the
// Session publishes it, so requests may read it without locks.
type Snapshot struct {
	id      uint64
	folders []string               // workspace folder OS paths
	files   map[position.URI]*File // every known file, open documents winning over disk
	tree    *pathSet               // every regular file of the folders, whatever its kind

	indexOnce sync.Once
	index     *Index

	// lists holds Files and FilesOfKind, computed once from files. The
	// Session replaces it with a new, empty one whenever it changes files,
	// which it does only before it publishes the Snapshot; nil means the
	// lists are not cached.
	lists *fileLists
}

// fileLists are a Snapshot's Files sorted by URI, all and by kind.
type fileLists struct {
	once   sync.Once
	all    []*File
	byKind map[Kind][]*File

	dirMu sync.Mutex
	byDir map[Kind]map[string][]*File // guarded by dirMu; for FilesInDir
}

// ID returns the Snapshot's sequence number; a later Snapshot has a larger one.
func (s *Snapshot) ID() uint64 { return s.id }

// Folders returns the OS paths of the workspace folders.
func (s *Snapshot) Folders() []string { return s.folders }

// File returns the File for uri, or nil when the Snapshot has none.
func (s *Snapshot) File(uri position.URI) *File { return s.files[uri] }

// Files returns every File, sorted by URI. The caller must not change the
// slice, which every call shares.
func (s *Snapshot) Files() []*File {
	if s.lists == nil {
		return sortedFiles(s.files)
	}
	s.lists.once.Do(s.buildLists)
	return s.lists.all
}

// FilesOfKind returns the Files of one kind, sorted by URI. The caller
// must not change the slice, which every call shares.
func (s *Snapshot) FilesOfKind(kind Kind) []*File {
	if s.lists == nil {
		return filesOfKind(sortedFiles(s.files))[kind]
	}
	s.lists.once.Do(s.buildLists)
	return s.lists.byKind[kind]
}

// filesByKind returns the Files of each kind, sorted by URI. The caller
// must not change the map or its slices.
func (s *Snapshot) filesByKind() map[Kind][]*File {
	if s.lists == nil {
		return filesOfKind(sortedFiles(s.files))
	}
	s.lists.once.Do(s.buildLists)
	return s.lists.byKind
}

// FilesInDir returns the Files of one kind directly in the folder dir (an
// OS path, as URI.Dir returns), sorted by URI. The caller must not change
// the slice, which every call shares.
func (s *Snapshot) FilesInDir(kind Kind, dir string) []*File {
	if s.lists == nil {
		return filesByDir(s.FilesOfKind(kind))[dir]
	}
	s.lists.dirMu.Lock()
	defer s.lists.dirMu.Unlock()
	byDir, ok := s.lists.byDir[kind]
	if !ok {
		byDir = filesByDir(s.FilesOfKind(kind))
		if s.lists.byDir == nil {
			s.lists.byDir = map[Kind]map[string][]*File{}
		}
		s.lists.byDir[kind] = byDir
	}
	return byDir[dir]
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

func (s *Snapshot) buildLists() {
	s.lists.all = sortedFiles(s.files)
	s.lists.byKind = filesOfKind(s.lists.all)
}

// resetLists drops the cached file lists after a change to files.
func (s *Snapshot) resetLists() { s.lists = &fileLists{} }

// sortedFiles returns the Files of files sorted by URI.
func sortedFiles(files map[position.URI]*File) []*File {
	all := make([]*File, 0, len(files))
	for _, f := range files {
		all = append(all, f)
	}
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

// Index returns the cross-file index, building it on first use.
func (s *Snapshot) Index() *Index {
	s.indexOnce.Do(func() { s.index = buildIndex(s) })
	return s.index
}

// clone returns a new Snapshot with the same folders and files, ready for
// the Session to change before it publishes it.
func (s *Snapshot) clone(id uint64) *Snapshot {
	files := make(map[position.URI]*File, len(s.files))
	for uri, f := range s.files {
		files[uri] = f
	}
	return &Snapshot{id: id, folders: append([]string(nil), s.folders...), files: files, tree: s.tree}
}

// setIndex records an index that the Session built while it settled the
// Snapshot, before publishing it.
func (s *Snapshot) setIndex(ix *Index) {
	s.indexOnce.Do(func() { s.index = ix })
}
