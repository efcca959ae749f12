package workspace

import (
	"sync"

	"github.com/stackls/stackls/position"
)

// Snapshot is an immutable view of the workspace: every known File and
// the cross-file index built from them. A Snapshot never changes after the
// Session publishes it, so requests may read it without locks.
type Snapshot struct {
	id      uint64
	folders []string                    // workspace folder OS paths
	files   cowMap[position.URI, *File] // every known file, open documents winning over disk
	tree    *pathSet                    // every regular file of the folders, whatever its kind
	// unsaved are the files whose path tree does not contain, such as a
	// document not saved yet, by URI with their OS path.
	unsaved cowMap[position.URI, string]

	// changes is the record of the Session's changes to files and tree
	// since the clone, until settle takes it. It is nil once the Snapshot
	// is published.
	changes *fileChanges

	indexOnce sync.Once
	index     *Index

	// lists holds Files and FilesOfKind. The Session derives it from the
	// previous Snapshot's lists while it settles the Snapshot; nil means
	// the lists are not cached.
	lists *fileLists

	memoMu sync.Mutex
	memo   map[any]any // guarded by memoMu; see Memo
}

// maxSnapshotMemos bounds the values a Snapshot keeps with Memo. When it
// is full, an arbitrary value gives way to the new one.
const maxSnapshotMemos = 256

// Memo returns the value stored for key, computing and storing it with
// compute on the first call. The value must depend on nothing but the
// Snapshot and key, such as the compose project of a file, and must be
// safe to share between goroutines. A later Snapshot starts without
// values. Two concurrent first calls may both compute the value; one of
// the results is kept.
func (s *Snapshot) Memo(key any, compute func() any) any {
	s.memoMu.Lock()
	v, ok := s.memo[key]
	s.memoMu.Unlock()
	if ok {
		return v
	}
	v = compute()
	s.memoMu.Lock()
	defer s.memoMu.Unlock()
	if stored, ok := s.memo[key]; ok {
		return stored
	}
	if s.memo == nil {
		s.memo = map[any]any{}
	}
	if len(s.memo) >= maxSnapshotMemos {
		for k := range s.memo {
			delete(s.memo, k)
			break
		}
	}
	s.memo[key] = v
	return v
}

// ID returns the Snapshot's sequence number; a later Snapshot has a larger one.
func (s *Snapshot) ID() uint64 { return s.id }

// Folders returns the OS paths of the workspace folders.
func (s *Snapshot) Folders() []string { return s.folders }

// File returns the File for uri, or nil when the Snapshot has none.
func (s *Snapshot) File(uri position.URI) *File { return s.files.at(uri) }

// Files returns every File, sorted by URI. The caller must not change the
// slice, which every call shares.
func (s *Snapshot) Files() []*File {
	if s.lists == nil {
		return sortedFiles(&s.files)
	}
	return s.lists.all
}

// FilesOfKind returns the Files of one kind, sorted by URI. The caller
// must not change the slice, which every call shares.
func (s *Snapshot) FilesOfKind(kind Kind) []*File {
	return s.filesByKind()[kind]
}

// filesByKind returns the Files of each kind, sorted by URI. The caller
// must not change the map or its slices.
func (s *Snapshot) filesByKind() map[Kind][]*File {
	if s.lists == nil {
		return filesOfKind(sortedFiles(&s.files))
	}
	return s.lists.byKind
}

// FilesInDir returns the Files of one kind directly in the folder dir (an
// OS path, as URI.Dir returns), sorted by URI. The caller must not change
// the slice, which every call shares.
func (s *Snapshot) FilesInDir(kind Kind, dir string) []*File {
	if s.lists == nil {
		return filesByDir(s.FilesOfKind(kind))[dir]
	}
	return s.lists.inDir(kind, dir)
}

// Index returns the cross-file index, building it on first use.
func (s *Snapshot) Index() *Index {
	s.indexOnce.Do(func() { s.index, _ = deriveIndex(nil, s, nil) })
	return s.index
}

// clone returns a new Snapshot with the same folders and files, ready for
// the Session to change before it publishes it.
func (s *Snapshot) clone(id uint64) *Snapshot {
	return &Snapshot{
		id:      id,
		folders: append([]string(nil), s.folders...),
		files:   s.files.copy(),
		tree:    s.tree,
		unsaved: s.unsaved.copy(),
		changes: &fileChanges{old: map[position.URI]*File{}},
	}
}

// setIndex records an index that the Session built while it settled the
// Snapshot, before publishing it.
func (s *Snapshot) setIndex(ix *Index) {
	s.indexOnce.Do(func() { s.index = ix })
}

// put stores f, replacing the File of its URI, and records the change.
func (s *Snapshot) put(f *File) {
	old := s.files.at(f.URI)
	if old == f {
		return
	}
	s.changes.note(f.URI, old)
	s.files.set(f.URI, f)
	if p := f.Path(); s.tree.has(p) {
		s.unsaved.del(f.URI)
	} else {
		s.unsaved.set(f.URI, p)
	}
}

// drop removes the File of uri, if any, and records the change.
func (s *Snapshot) drop(uri position.URI) {
	old := s.files.at(uri)
	if old == nil {
		return
	}
	s.changes.note(uri, old)
	s.files.del(uri)
	s.unsaved.del(uri)
}

// setTree replaces the list of the folders' files with one that also
// contains added and no longer contains removed, and records the paths
// that came or went.
func (s *Snapshot) setTree(added, removed []string) {
	gained, lost := s.tree.diff(added, removed)
	if len(gained) == 0 && len(lost) == 0 {
		return
	}
	s.tree = s.tree.with(gained, lost)
	s.changes.paths = append(s.changes.paths, gained...)
	s.changes.paths = append(s.changes.paths, lost...)
	if s.unsaved.len() > 0 {
		for _, p := range gained {
			s.unsaved.del(position.URIFromPath(p))
		}
	}
	for _, p := range lost {
		if uri := position.URIFromPath(p); s.files.at(uri) != nil {
			s.unsaved.set(uri, p)
		}
	}
}

// fileChanges is the record of one update's changes to a Snapshot's files
// and file list, with the state before it.
type fileChanges struct {
	old   map[position.URI]*File // the File each changed URI had before; nil when it had none
	paths []string               // OS paths that came into or left the folders' file list
	disk  []string               // OS paths the client reported changed on disk, modeled or not
	all   bool                   // everything may have changed, as when folders are added
}

// note records that uri changes, keeping the first File it had.
func (c *fileChanges) note(uri position.URI, old *File) {
	if _, seen := c.old[uri]; !seen {
		c.old[uri] = old
	}
}

// empty reports whether nothing changed.
func (c *fileChanges) empty() bool {
	return len(c.old) == 0 && len(c.paths) == 0 && len(c.disk) == 0 && !c.all
}
