package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/stackls/stackls/position"
)

// Session is the mutable state of one server: the workspace folders, the
// files read from disk and the client's open documents. Every change
// publishes a new Snapshot.
type Session struct {
	mu       sync.Mutex
	snapshot *Snapshot              // guarded by mu; replaced, never mutated
	disk     map[position.URI]*File // guarded by mu; files read from disk
	overlays map[position.URI]*File // guarded by mu; open documents
	nextID   uint64                 // guarded by mu
	skipped  skipLog                // guarded by mu
	lazy     *LazyIndex             // guarded by mu; the last walk over the discovery limits, until taken
	affected affectedLog            // guarded by mu
}

// NewSession returns a Session with no folders and no files.
func NewSession() *Session {
	return &Session{
		snapshot: &Snapshot{},
		disk:     map[position.URI]*File{},
		overlays: map[position.URI]*File{},
	}
}

// Snapshot returns the current Snapshot.
func (s *Session) Snapshot() *Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snapshot
}

// update runs change on a clone of the current Snapshot, gives the files
// that the index links their kind, builds the index and publishes the
// result. The caller must not hold mu.
func (s *Session) update(change func(next *Snapshot)) *Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	next := s.snapshot.clone(s.nextID)
	change(next)
	s.settle(next)
	s.snapshot = next
	return next
}

// AddFolders walks each folder, reads the files stackls models, and
// publishes a Snapshot that holds them. Open documents keep winning over
// the disk copies.
func (s *Session) AddFolders(ctx context.Context, paths []string) (*Snapshot, error) {
	paths = append([]string(nil), paths...)
	for i, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("workspace folder %s: %w", p, err)
		}
		paths[i] = abs
	}
	found, err := discover(ctx, paths)
	if err != nil {
		return nil, fmt.Errorf("indexing workspace folders: %w", err)
	}
	return s.update(func(next *Snapshot) {
		if found.lazy != nil {
			s.lazy = found.lazy
		}
		next.folders = append(next.folders, paths...)
		next.setTree(found.paths, nil)
		for _, f := range found.files {
			s.skipped.note(f)
			s.disk[f.URI] = f
			if _, open := s.overlays[f.URI]; !open {
				next.put(f)
			}
		}
	}), nil
}

// RemoveFolders removes the workspace folders paths and every file that
// no other folder contains, and publishes a Snapshot without them. Open
// documents stay, because the editor still shows them. It returns the
// URIs of the files it dropped, whose diagnostics the caller clears.
func (s *Session) RemoveFolders(paths []string) (*Snapshot, []position.URI) {
	removed := make([]string, 0, len(paths))
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			removed = append(removed, abs)
		}
	}
	var dropped []position.URI
	snap := s.update(func(next *Snapshot) {
		next.folders = slices.DeleteFunc(next.folders, func(f string) bool { return slices.Contains(removed, f) })
		var lost []string
		for _, dir := range removed {
			for _, p := range next.tree.under(dir) {
				if !underAny(p, next.folders) {
					lost = append(lost, p)
				}
			}
		}
		next.setTree(nil, lost)
		for _, p := range lost {
			uri := position.URIFromPath(p)
			delete(s.disk, uri)
			if _, open := s.overlays[uri]; !open && next.File(uri) != nil {
				next.drop(uri)
				dropped = append(dropped, uri)
			}
		}
	})
	return snap, dropped
}

// underAny reports whether path lies inside one of the folders dirs.
func underAny(path string, dirs []string) bool {
	for _, dir := range dirs {
		if strings.HasPrefix(path, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Open records an open document and publishes a Snapshot with it.
func (s *Session) Open(uri position.URI, languageID string, version int32, content []byte) *Snapshot {
	// A file whose name and languageId show no kind, such as a compose file
	// that a Makefile names, gets the kind of its link when settle runs.
	f := NewFile(uri, version, true, DetectKind(uri.Path(), languageID, content), content)
	f.languageID = languageID
	return s.update(func(next *Snapshot) {
		// The editor usually opens a file as it is on disk, which the
		// index has parsed and linked and the workspace diagnostics have
		// checked.
		f.shareDisk(s.disk[uri])
		s.skipped.note(f)
		s.overlays[uri] = f
		next.put(f)
	})
}

// Change applies content changes to an open document and publishes a
// Snapshot with the new content.
func (s *Session) Change(uri position.URI, version int32, changes []position.Change, enc position.Encoding) (*Snapshot, error) {
	s.mu.Lock()
	old, ok := s.overlays[uri]
	s.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("change to %s, which is not open", uri)
	}
	content, err := position.ApplyChanges(old.Content, changes, enc)
	if err != nil {
		return nil, fmt.Errorf("applying changes to %s: %w", uri, err)
	}
	f := NewFile(uri, version, true, old.Kind, content)
	f.languageID, f.linked = old.languageID, old.linked
	return s.update(func(next *Snapshot) {
		s.skipped.note(f)
		s.overlays[uri] = f
		next.put(f)
	}), nil
}

// Close forgets an open document; the disk copy, if any, takes its place.
func (s *Session) Close(uri position.URI) *Snapshot {
	return s.update(func(next *Snapshot) {
		delete(s.overlays, uri)
		if disk, ok := s.disk[uri]; ok {
			next.put(disk)
		} else {
			next.drop(uri)
		}
	})
}

// FilesChanged re-reads files that changed on disk (created, changed or
// deleted) and publishes a Snapshot with their new content.
func (s *Session) FilesChanged(uris []position.URI) *Snapshot {
	read := make(map[position.URI]*File, len(uris))
	var added, removed []string
	for _, uri := range uris {
		if inSkippedDir(uri.Path()) {
			continue
		}
		f := readFile(uri.Path()) // nil when deleted or unreadable
		read[uri] = f
		if f != nil {
			added = append(added, uri.Path())
		} else {
			removed = append(removed, uri.Path())
		}
	}
	return s.update(func(next *Snapshot) {
		next.setTree(added, removed)
		next.changes.disk = append(next.changes.disk, added...)
		next.changes.disk = append(next.changes.disk, removed...)
		for uri, f := range read {
			if f != nil && f.Kind == KindUnknown {
				if cur := next.File(uri); cur != nil && cur.linked {
					f = f.withKind(cur.Kind, true) // settle unlinks it when its link went away
				}
			}
			if f != nil && f.Kind != KindUnknown {
				s.skipped.note(f)
			}
			if f == nil || f.Kind == KindUnknown {
				delete(s.disk, uri) // a linked file comes back when settle links it
			} else {
				s.disk[uri] = f
			}
			if _, open := s.overlays[uri]; open {
				continue
			}
			if f != nil && f.Kind != KindUnknown {
				next.put(f)
			} else {
				next.drop(uri)
			}
		}
	})
}

// inSkippedDir reports whether path lies inside a folder that discovery
// never enters, such as .git or node_modules.
func inSkippedDir(path string) bool {
	for _, part := range strings.Split(filepath.ToSlash(filepath.Dir(path)), "/") {
		if skippedDirs[part] {
			return true
		}
	}
	return false
}

// readFile reads one file from disk as a File, or returns nil when it does
// not exist, is not a regular file or cannot be read.
func readFile(path string) *File {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	var content []byte
	if info.Size() <= MaxFileSize {
		if content, err = os.ReadFile(path); err != nil {
			return nil
		}
	}
	f := NewFile(position.URIFromPath(path), 0, false, DetectKind(path, "", content), content)
	if info.Size() > MaxFileSize {
		f.Skipped = "larger than 2 MiB"
	}
	return f
}
