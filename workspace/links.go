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

// minFreshChanges is the number of changed files under which settle always
// derives the index from the previous one. Past it, and past a quarter of
// the files, it builds the index from scratch, which then costs less.
const minFreshChanges = 256

// linkCount counts the places that link one file, by the kind of link:
// includes and -f values (compose), builds (dockerfile), env files
// (dotenv), and copies into images or bind mounts, with or without a
// process that runs the file.
type linkCount struct {
	compose, dockerfile, dotenv, run, norun int
}

func (c *linkCount) add(d *linkCount) {
	c.compose += d.compose
	c.dockerfile += d.dockerfile
	c.dotenv += d.dotenv
	c.run += d.run
	c.norun += d.norun
}

// link returns the change of the link counts of uri that the builder
// applies in deriveLinks.
func (b *indexBuilder) link(uri position.URI) *linkCount {
	d := b.linkDelta[uri]
	if d == nil {
		if len(b.linkSlab) == cap(b.linkSlab) {
			b.linkSlab = make([]linkCount, 0, 256)
		}
		b.linkSlab = b.linkSlab[:len(b.linkSlab)+1]
		d = &b.linkSlab[len(b.linkSlab)-1]
		b.linkDelta[uri] = d
	}
	return d
}

// deriveLinks applies the changes of the link counts and computes again
// the linked kind of each file whose counts or File changed.
func (b *indexBuilder) deriveLinks() {
	touched := make(map[position.URI]bool, len(b.linkDelta))
	b.ix.linkRefs.reserve(len(b.linkDelta))
	b.ix.linked.reserve(len(b.linkDelta))
	for uri, d := range b.linkDelta {
		c := b.ix.linkRefs.at(uri)
		c.add(d)
		if c == (linkCount{}) {
			b.ix.linkRefs.del(uri)
		} else {
			b.ix.linkRefs.set(uri, c)
		}
		touched[uri] = true
	}
	// The kind of a copied file depends on its content too. A file that no
	// place links keeps KindUnknown.
	b.eachChanged(func(uri position.URI, _, _ *File) {
		if _, linked := b.ix.linkRefs.get(uri); linked {
			touched[uri] = true
		}
	})
	for _, p := range b.changes.disk {
		if uri := position.URIFromPath(p); b.ix.linkRefs.len() > 0 {
			if _, linked := b.ix.linkRefs.get(uri); linked {
				touched[uri] = true // peek reads the disk of a file the Snapshot lacks
			}
		}
	}
	for uri := range touched {
		kind := b.linkKind(uri)
		if kind == b.ix.linked.at(uri) {
			continue
		}
		if kind == KindUnknown {
			b.ix.linked.del(uri)
		} else {
			b.ix.linked.set(uri, kind)
		}
		b.linkChanged = append(b.linkChanged, uri)
	}
}

// linkKind returns the kind of highest priority among the links of the
// file at uri, or KindUnknown.
func (b *indexBuilder) linkKind(uri position.URI) Kind {
	c, ok := b.ix.linkRefs.get(uri)
	switch {
	case !ok:
		return KindUnknown
	case c.compose > 0:
		return KindCompose
	case c.dockerfile > 0:
		return KindDockerfile
	case c.dotenv > 0:
		return KindDotEnv
	case c.run > 0 || c.norun > 0:
		return copiedKind(b.snap, uri, c.run > 0)
	}
	return KindUnknown
}

// settle gives the kind of its link to each file that the index links and
// whose own name and content show no kind, and reverts the files whose
// link went away, deriving the index again after each round of changes.
// It records the files whose diagnostics the changes may change. The
// caller holds s.mu.
func (s *Session) settle(next *Snapshot) {
	prev := s.snapshot
	changes := next.changes
	next.changes = nil
	if prev.files.len() == 0 || len(changes.old) > max(next.files.len()/4, minFreshChanges) {
		changes.all = true // little to derive from, as when folders are added: build from scratch
	}
	old := prev.Index()
	lists := prev.lists
	if lists == nil {
		lists = newFileLists(&prev.files)
	}
	for round := 0; ; round++ {
		next.lists = lists.patched(&next.files, changes.old)
		ix, b := deriveIndex(old, next, changes)
		files, all := b.affected()
		s.affected.note(next.id, files, all)
		if round == maxLinkRounds {
			slog.Warn("workspace links did not settle; the index may miss linked files", "rounds", maxLinkRounds)
			next.setIndex(ix)
			return
		}
		changes = s.applyLinks(next, ix, b)
		if changes.empty() {
			next.setIndex(ix)
			return
		}
		lists, old = next.lists, ix
	}
}

// applyLinks gives the files whose link or File changed in b the kinds
// that ix links them as, and returns what it changed.
func (s *Session) applyLinks(next *Snapshot, ix *Index, b *indexBuilder) *fileChanges {
	next.changes = &fileChanges{old: map[position.URI]*File{}}
	defer func() { next.changes = nil }()
	candidates := map[position.URI]bool{}
	for _, uri := range b.linkChanged {
		candidates[uri] = true
	}
	b.eachChanged(func(uri position.URI, _, _ *File) { candidates[uri] = true })
	for _, p := range b.changes.disk {
		candidates[position.URIFromPath(p)] = true // a linked file that was missing may exist now
	}
	for uri := range candidates {
		s.applyLink(next, uri, ix.linked.at(uri))
	}
	return next.changes
}

// applyLink gives the file at uri the kind its link wants, or its own kind
// when kind is KindUnknown.
func (s *Session) applyLink(next *Snapshot, uri position.URI, kind Kind) {
	f := next.File(uri)
	switch {
	case kind == KindUnknown:
		if f != nil && f.linked {
			s.unlink(next, f)
		}
		return
	case f == nil:
		f = readFile(uri.Path())
		if f == nil {
			return // a dangling link: the index reports it
		}
		if f.Kind == KindUnknown {
			f = f.withKind(kind, true)
		}
		s.skipped.note(f)
	case f.Kind == kind || (!f.linked && f.Kind != KindUnknown):
		return // already so, or its own kind wins
	default:
		f = f.withKind(kind, true)
	}
	s.store(next, f)
}

// unlink gives a File whose link went away its own kind back, or drops a
// disk file that has none.
func (s *Session) unlink(next *Snapshot, f *File) {
	kind := f.naturalKind()
	if kind == KindUnknown && !f.Open {
		next.drop(f.URI)
		delete(s.disk, f.URI)
		return
	}
	s.store(next, f.withKind(kind, false))
}

// store puts f in next and in the Session's overlays or disk files.
func (s *Session) store(next *Snapshot, f *File) {
	next.put(f)
	if f.Open {
		s.overlays[f.URI] = f
	} else {
		s.disk[f.URI] = f
	}
}
