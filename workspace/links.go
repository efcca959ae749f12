package workspace

import (
	"log/slog"

	"github.com/stackls/stackls/position"
)

// maxLinkRounds bounds how often settle rebuilds the index while linked
// files change kind. Each round can add one layer of the stack (Makefile,
// compose file, Dockerfile, copied file), so four rounds link every chain
// that the workspace's own names start, and a fifth finds nothing to change.
const maxLinkRounds = 5

// linkPriority orders the kinds that a file may be linked as, when two
// links disagree: a compose file named by "-f" that a Dockerfile also
// copies stays a compose file.
var linkPriority = map[Kind]int{
	KindCompose:    5,
	KindDockerfile: 4,
	KindDotEnv:     3,
	KindShell:      2,
	KindConfig:     1,
}

// link records that the file at uri is used as kind, keeping the kind of
// highest priority.
func (ix *Index) link(uri position.URI, kind Kind) {
	if linkPriority[kind] > linkPriority[ix.linked[uri]] {
		ix.linked[uri] = kind
	}
}

// settle gives the kind of its link to each file that the index links and
// whose own name and content show no kind, and reverts the files whose
// link went away. Then it builds the Snapshot's index. The caller holds
// s.mu.
func (s *Session) settle(next *Snapshot) {
	for round := 0; round < maxLinkRounds; round++ {
		next.resetLists() // change or applyLinks may have changed the files
		var ix *Index
		if round == 0 {
			ix = updatedIndex(s.snapshot, next) // nil unless only host uses changed
		}
		if ix == nil {
			ix = buildIndex(next)
		}
		if !s.applyLinks(next, ix.linked) {
			next.setIndex(ix)
			return
		}
	}
	slog.Warn("workspace links did not settle; the index may miss linked files", "rounds", maxLinkRounds)
}

// applyLinks gives the files of next the kinds in want and reports
// whether any File changed.
func (s *Session) applyLinks(next *Snapshot, want map[position.URI]Kind) bool {
	changed := false
	for uri, f := range next.files {
		if f.linked && want[uri] == KindUnknown {
			s.unlink(next, f)
			changed = true
		}
	}
	for uri, kind := range want {
		f := next.files[uri]
		switch {
		case f == nil:
			f = readFile(uri.Path())
			if f == nil {
				continue // a dangling link: the index reports it
			}
			if f.Kind == KindUnknown {
				f = f.withKind(kind, true)
			}
			s.skipped.note(f)
		case f.Kind == kind || (!f.linked && f.Kind != KindUnknown):
			continue // already so, or its own kind wins
		default:
			f = f.withKind(kind, true)
		}
		s.store(next, f)
		changed = true
	}
	return changed
}

// unlink gives a File whose link went away its own kind back, or drops a
// disk file that has none.
func (s *Session) unlink(next *Snapshot, f *File) {
	kind := f.naturalKind()
	if kind == KindUnknown && !f.Open {
		delete(next.files, f.URI)
		delete(s.disk, f.URI)
		return
	}
	s.store(next, f.withKind(kind, false))
}

// store puts f in next and in the Session's overlays or disk files.
func (s *Session) store(next *Snapshot, f *File) {
	next.files[f.URI] = f
	if f.Open {
		s.overlays[f.URI] = f
	} else {
		s.disk[f.URI] = f
	}
}
