package workspace

import (
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
}

// ID returns the Snapshot's sequence number; a later Snapshot has a larger one.
func (s *Snapshot) ID() uint64 { return s.id }

// Folders returns the OS paths of the workspace folders.
func (s *Snapshot) Folders() []string { return s.folders }

// File returns the File for uri, or nil when the Snapshot has none.
func (s *Snapshot) File(uri position.URI) *File { return s.files[uri] }

// Files returns every File, sorted by URI.
func (s *Snapshot) Files() []*File {
	files := make([]*File, 0, len(s.files))
	for _, f := range s.files {
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].URI < files[j].URI })
	return files
}

// FilesOfKind returns the Files of one kind, sorted by URI.
func (s *Snapshot) FilesOfKind(kind Kind) []*File {
	var files []*File
	for _, f := range s.Files() {
		if f.Kind == kind {
			files = append(files, f)
		}
	}
	return files
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
