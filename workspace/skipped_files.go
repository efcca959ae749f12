package workspace

import "github.com/stackls/stackls/position"

// SkippedFile is a file whose content stackls does not parse.
type SkippedFile struct {
	Path   string // OS path
	Reason string // File.Skipped: too large, or binary
}

// skipLog collects the skipped files that a Session met, each path once
// for the life of the Session.
type skipLog struct {
	seen    map[position.URI]bool
	pending []SkippedFile // met but not yet returned by TakeSkipped
}

// note records f when it is skipped and its path was not recorded before.
func (l *skipLog) note(f *File) {
	if f.Skipped == "" || l.seen[f.URI] {
		return
	}
	if l.seen == nil {
		l.seen = map[position.URI]bool{}
	}
	l.seen[f.URI] = true
	l.pending = append(l.pending, SkippedFile{Path: f.URI.Path(), Reason: f.Skipped})
}

// TakeSkipped returns the files with a known kind that the Session does
// not parse, found since the last call: on disk, opened or changed. Each
// path is returned once for the life of the Session, so that a caller can
// log each of them once.
func (s *Session) TakeSkipped() []SkippedFile {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.skipped.pending
	s.skipped.pending = nil
	return out
}

// TakeLazyIndex returns what the walks of workspace folders since the last
// call left for the index to read lazily because they went over the
// discovery limits, or nil when none did. Each report is returned once, so
// that a caller can tell the user once.
func (s *Session) TakeLazyIndex() *LazyIndex {
	s.mu.Lock()
	defer s.mu.Unlock()
	lazy := s.lazy
	s.lazy = nil
	return lazy
}
