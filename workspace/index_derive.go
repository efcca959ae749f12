package workspace

import (
	"github.com/stackls/stackls/position"
)

// indexBuilder derives a new Index from the one before and the files that
// changed between their Snapshots. Every part of the Index is a list map
// whose lists collect contributions of sources: projects, definitions,
// Dockerfiles and host files. The builder takes out the contributions of
// the sources that a change touches and computes theirs again. It sorts
// each edited list in the order a build from scratch produces, so the
// result does not depend on the history of changes. A build from scratch
// is the same derivation from an empty Index with every file changed.
type indexBuilder struct {
	ix, old *Index
	snap    *Snapshot
	changes *fileChanges
	fresh   bool // building from scratch: every file counts as changed

	owner           map[position.URI]*Project // compose file → the project of ix that owns its definitions
	ownedDefs       map[defKey]*ServiceDef    // definitions of owners read so far, for projects that share a file
	ownersRead      map[*Project]bool
	removedProjects map[*Project]bool // projects of old that ix drops
	addedProjects   []*Project        // projects of ix that are new, in project order
	removedDefs     []*ServiceDef     // definitions owned by removed projects
	addedDefs       []*ServiceDef     // definitions owned by added projects, in creation order

	projRefs     listEdits[position.URI, *Project]
	services     listEdits[string, *ServiceDef]
	names        listEdits[string, *ServiceDef]
	builders     listEdits[position.URI, *ServiceDef]
	copiedFrom   listEdits[position.URI, *ImageFile]
	fileDefs     listEdits[position.URI, *ServiceDef]
	uses         listEdits[*ServiceDef, *HostUse]
	globalTokens listEdits[string, position.URI]
	linkDelta    map[position.URI]*linkCount
	linkSlab     []linkCount // storage of linkDelta's counts, allocated in blocks

	dockerfiles   map[position.URI]bool // Dockerfiles whose contexts or images may change
	imagesChanged map[position.URI]bool // Dockerfiles whose image files changed
	fileKeys      map[position.URI]bool // files whose project references, builders or container definitions changed
	scopeChanged  []position.URI        // files whose projects changed
	namesChanged  []string              // host names whose definitions changed
	linkChanged   []position.URI        // files whose linked kind changed
	hostsChanged  []position.URI        // files whose host uses changed
	skeleton      bool                  // whether the projects were found again
}

// deriveIndex returns the Index of snap, derived from old, the Index of
// the Snapshot before changes. With a nil old or changes, or changes.all,
// it builds the Index from scratch. It also returns what changed, for
// settle and for the files whose diagnostics may change.
func deriveIndex(old *Index, snap *Snapshot, changes *fileChanges) (*Index, *indexBuilder) {
	b := &indexBuilder{
		old: old, snap: snap, changes: changes,
		linkDelta: map[position.URI]*linkCount{}, removedProjects: map[*Project]bool{},
		dockerfiles: map[position.URI]bool{}, imagesChanged: map[position.URI]bool{},
	}
	if old == nil || changes == nil || changes.all {
		b.fresh = true
		b.old = newIndex()
		b.changes = &fileChanges{old: map[position.URI]*File{}, all: true}
	}
	b.ix = b.old.copy()
	b.ix.byKind = snap.filesByKind()

	b.deriveProjects()
	b.deriveDefs()
	b.deriveBuilds()
	b.deriveImages()
	b.deriveServiceFiles()
	b.deriveFileProjects()
	b.deriveLinks()
	b.deriveHosts()
	b.ix.hostNames = b.old.hostNames
	if b.fresh || len(b.namesChanged) > 0 || len(b.addedProjects)+len(b.removedProjects) > 0 {
		b.ix.hostNames = &hostNameCache{} // the names or the projects of a scope changed
	}
	b.ix.chainContainers(b.old, b.containerDirt())
	return b.ix, b
}

// copy returns a shallow copy of ix whose maps the caller may change.
func (ix *Index) copy() *Index {
	return &Index{
		byKind:       ix.byKind,
		projects:     ix.projects,
		rank:         ix.rank,
		composeLinks: ix.composeLinks,
		defList:      ix.defList,
		services:     ix.services.copy(),
		names:        ix.names.copy(),
		projRefs:     ix.projRefs.copy(),
		fileProjects: ix.fileProjects.copy(),
		builders:     ix.builders.copy(),
		contexts:     ix.contexts.copy(),
		images:       ix.images.copy(),
		copiedFrom:   ix.copiedFrom.copy(),
		defFiles:     ix.defFiles.copy(),
		fileDefs:     ix.fileDefs.copy(),
		hosts:        ix.hosts.copy(),
		uses:         ix.uses.copy(),
		globalTokens: ix.globalTokens.copy(),
		sourcing:     ix.sourcing.copy(),
		linkRefs:     ix.linkRefs.copy(),
		linked:       ix.linked.copy(),
	}
}

// eachChanged calls fn for every changed URI with its File before and
// after; either may be nil. Building from scratch, every File counts as
// new.
func (b *indexBuilder) eachChanged(fn func(uri position.URI, before, after *File)) {
	if b.fresh {
		for _, f := range b.snap.Files() {
			fn(f.URI, nil, f)
		}
		return
	}
	for uri, before := range b.changes.old {
		if after := b.snap.File(uri); !sameDerived(before, after) {
			fn(uri, before, after)
		}
	}
}

// sameDerived reports whether before and after are the same File, or two
// Files that share what they derive from their content, as an open
// document does with its unchanged disk copy: the index has nothing to
// derive again.
func sameDerived(before, after *File) bool {
	return before == after || (before != nil && after != nil && before.derived == after.derived)
}

// changed reports whether the File of uri changed.
func (b *indexBuilder) changed(uri position.URI) bool {
	if b.fresh {
		return true
	}
	before, ok := b.changes.old[uri]
	return ok && !sameDerived(before, b.snap.File(uri))
}

// existenceChanged reports whether a file came or went, in the Snapshot
// or in the folders' file list, which pathExists reads.
func (b *indexBuilder) existenceChanged() bool {
	if b.fresh || len(b.changes.paths) > 0 {
		return true
	}
	for uri, before := range b.changes.old {
		if (before == nil) != (b.snap.File(uri) == nil) {
			return true
		}
	}
	return false
}

// defLess orders definitions as a build from scratch creates them: by
// project, then compose file and service position.
func (b *indexBuilder) defLess(x, y *ServiceDef) bool {
	if rx, ry := b.ix.rank[x.Project], b.ix.rank[y.Project]; rx != ry {
		return rx < ry
	}
	if x.file != y.file {
		return x.file < y.file
	}
	return x.service < y.service
}

// projectLess orders projects as Projects lists them.
func (b *indexBuilder) projectLess(x, y *Project) bool { return b.ix.rank[x] < b.ix.rank[y] }

// defListLess orders definitions by compose file URI and key offset.
func defListLess(x, y *ServiceDef) bool {
	if x.URI != y.URI {
		return x.URI < y.URI
	}
	return x.Service.KeySpan.Start < y.Service.KeySpan.Start
}

// copyLess orders the copies of one file by Dockerfile, then by build
// context and position, as the Dockerfile's images list them.
func (b *indexBuilder) copyLess(x, y *ImageFile) bool {
	if x.Dockerfile != y.Dockerfile {
		return x.Dockerfile < y.Dockerfile
	}
	if x.Context != y.Context {
		for _, ctx := range b.ix.contexts.at(x.Dockerfile) {
			if ctx == x.Context || ctx == y.Context {
				return ctx == x.Context
			}
		}
		return x.Context < y.Context
	}
	return x.seq < y.seq
}

func uriLess(x, y position.URI) bool { return x < y }
