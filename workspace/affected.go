package workspace

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/stackls/stackls/position"
)

// affectedLog records, for each Snapshot the Session published, the files
// whose diagnostics its changes may have changed, so that a caller that
// checked an earlier Snapshot checks only those files again.
type affectedLog struct {
	entries []affectedEntry
	dropped uint64 // the largest Snapshot ID whose entry was dropped
}

type affectedEntry struct {
	id    uint64
	all   bool
	files map[position.URI]bool
}

// maxAffectedEntries bounds the log; a caller that asks about an older
// Snapshot checks every file.
const maxAffectedEntries = 1024

// note records the files of one derivation for the Snapshot id; a
// Snapshot may have several, one per round of settle.
func (l *affectedLog) note(id uint64, files map[position.URI]bool, all bool) {
	if n := len(l.entries); n > 0 && l.entries[n-1].id == id {
		last := &l.entries[n-1]
		last.all = last.all || all
		for uri := range files {
			last.files[uri] = true
		}
		return
	}
	if files == nil {
		files = map[position.URI]bool{}
	}
	l.entries = append(l.entries, affectedEntry{id: id, all: all, files: files})
	if len(l.entries) > maxAffectedEntries {
		l.dropped = l.entries[0].id
		l.entries = slices.Delete(l.entries, 0, 1)
	}
}

// since returns the files that changes after the Snapshot id may have
// affected, and false when that may be every file.
func (l *affectedLog) since(id uint64) (map[position.URI]bool, bool) {
	if id < l.dropped {
		return nil, false
	}
	out := map[position.URI]bool{}
	for _, e := range l.entries {
		if e.id <= id {
			continue
		}
		if e.all {
			return nil, false
		}
		for uri := range e.files {
			out[uri] = true
		}
	}
	return out, true
}

// AffectedSince returns the files whose diagnostics may differ between the
// Snapshot with ID id and the current one: changed files and the files
// that read them through the index, such as the files of their compose
// projects. It returns false when that may be every file, as after the
// Session added folders or when id is too old to tell.
func (s *Session) AffectedSince(id uint64) ([]position.URI, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	files, ok := s.affected.since(id)
	if !ok {
		return nil, false
	}
	uris := make([]position.URI, 0, len(files))
	for uri := range files {
		uris = append(uris, uri)
	}
	slices.Sort(uris)
	return uris, true
}

// affectedSet collects the files whose diagnostics a derivation may change.
type affectedSet struct {
	b     *indexBuilder
	files map[position.URI]bool
	seen  map[*Project]bool
}

func (a *affectedSet) add(uri position.URI) {
	if uri != "" {
		a.files[uri] = true
	}
}

// affected returns the files whose diagnostics the derivation may change,
// and whether that is every file.
func (b *indexBuilder) affected() (map[position.URI]bool, bool) {
	if b.fresh {
		return nil, true
	}
	a := &affectedSet{b: b, files: map[position.URI]bool{}, seen: map[*Project]bool{}}
	kinds := a.changedFiles()

	for _, uri := range slices.Concat(b.linkChanged, b.hostsChanged) {
		a.add(uri)
	}
	for p := range b.removedProjects {
		a.project(p, b.old)
	}
	for _, p := range b.addedProjects {
		a.project(p, b.ix)
	}
	a.dockerfiles()
	a.disk()

	if names := b.namesCameOrWent(); len(names) > 0 {
		a.unscopedNearMisses(names)
	}
	if kinds[KindShell] {
		b.old.sourcing.each(func(uri position.URI, _ bool) { a.add(uri) })
		b.ix.sourcing.each(func(uri position.URI, _ bool) { a.add(uri) })
	}
	if kinds[KindCompose] || kinds[KindDockerfile] || len(a.seen) > 0 || b.existenceChanged() {
		a.addAll(b.snap.FilesOfKind(KindMakefile))
		a.composeCrossRefs(kinds[KindDockerfile])
	}
	return a.files, false
}

// changedFiles adds the changed files and, unless a change only edits a
// script or config file, the files of their projects. It returns the kinds
// the changed files had before or after.
func (a *affectedSet) changedFiles() map[Kind]bool {
	kinds := map[Kind]bool{}
	a.b.eachChanged(func(uri position.URI, before, after *File) {
		a.add(uri)
		if !contentOnly(before, after) {
			a.fileProjects(uri)
		}
		for _, f := range []*File{before, after} {
			if f == nil {
				continue
			}
			kinds[f.Kind] = true
			if f.Kind == KindDotEnv {
				a.addAll(a.b.snap.FilesInDir(KindCompose, f.Dir())) // compose reads the .env next to it
			}
		}
	})
	return kinds
}

// contentOnly reports whether a change only edits a script or config
// file, whose content no other file's diagnostics read except through
// "." or source, which affected handles apart.
func contentOnly(before, after *File) bool {
	scriptOrConfig := func(f *File) bool { return f != nil && (f.Kind == KindShell || f.Kind == KindConfig) }
	return scriptOrConfig(before) && scriptOrConfig(after)
}

func (a *affectedSet) addAll(files []*File) {
	for _, f := range files {
		a.add(f.URI)
	}
}

// fileProjects adds the files of the projects that the file at uri belongs
// to, before and after the change.
func (a *affectedSet) fileProjects(uri position.URI) {
	for _, p := range a.b.old.fileProjects.at(uri) {
		a.project(p, a.b.old)
	}
	for _, p := range a.b.ix.fileProjects.at(uri) {
		a.project(p, a.b.ix)
	}
}

// project adds the files of p as ix records them: its compose files and
// the compose files next to them, env files, Dockerfiles and the files of
// its containers. It also adds the files that use its services as hosts,
// because their port checks read the containers.
func (a *affectedSet) project(p *Project, ix *Index) {
	if a.seen[p] {
		return
	}
	a.seen[p] = true
	for _, uri := range p.ComposeFiles {
		a.add(uri)
		a.addAll(a.b.snap.FilesInDir(KindCompose, uri.Dir()))
	}
	for _, uri := range p.EnvFiles {
		a.add(uri)
	}
	for _, def := range p.Services {
		for _, uri := range def.EnvFiles {
			a.add(uri)
		}
		a.add(def.Dockerfile)
		files := ix.defFiles.at(def)
		for _, uri := range slices.Concat(files.image, files.mounts) {
			a.add(uri)
		}
		for _, use := range ix.uses.at(def) {
			a.add(use.Location.URI)
		}
	}
}

// dockerfiles adds, for each Dockerfile whose content, contexts or image
// files changed, the Dockerfile, the files it copies and the projects of
// the services that build it.
func (a *affectedSet) dockerfiles() {
	b := a.b
	for uri := range b.dockerfiles {
		if !b.imagesChanged[uri] && !b.changed(uri) && slices.Equal(b.old.contexts.at(uri), b.ix.contexts.at(uri)) {
			continue
		}
		a.add(uri)
		for _, ix := range []*Index{b.old, b.ix} {
			for _, img := range ix.images.at(uri) {
				a.add(img.Source)
			}
			for _, def := range ix.builders.at(uri) {
				a.project(def.Project, ix)
			}
		}
	}
}

// disk adds the files that read the disk where files came, went or
// changed: compose files check that the files they name exist, Makefiles
// that their -f files do, Dockerfiles that their COPY sources do and what
// .dockerignore leaves out, and compose files read extends targets that
// the index does not hold.
func (a *affectedSet) disk() {
	b := a.b
	paths := slices.Clone(b.changes.paths)
	b.eachChanged(func(uri position.URI, before, after *File) {
		if before == nil || after == nil {
			paths = append(paths, uri.Path())
		}
	})
	if len(paths) > 0 {
		slices.Sort(paths)
		a.addAll(b.snap.FilesOfKind(KindCompose))
		a.addAll(b.snap.FilesOfKind(KindMakefile))
		a.contextsHolding(paths)
		for _, p := range b.ix.projects {
			if anyInside([]string{p.Dir}, paths) {
				a.project(p, b.ix) // bind mounts of folders read the file list
			}
		}
	}
	contents := slices.Clone(b.changes.disk)
	b.eachChanged(func(uri position.URI, _, _ *File) { contents = append(contents, uri.Path()) })
	for _, p := range contents {
		base := strings.ToLower(filepath.Base(p))
		switch {
		case strings.HasSuffix(base, ".dockerignore"):
			a.contextsHolding([]string{p})
		case strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml"):
			if f := b.snap.File(position.URIFromPath(p)); f == nil || f.Kind != KindCompose {
				a.addAll(b.snap.FilesOfKind(KindCompose)) // an extends target that the index does not hold
			}
		}
	}
}

// contextsHolding adds the Dockerfiles whose build contexts hold one of
// the sorted paths.
func (a *affectedSet) contextsHolding(sorted []string) {
	a.b.ix.contexts.each(func(uri position.URI, contexts []string) {
		if anyInside(contexts, sorted) {
			a.add(uri)
		}
	})
}

// namesCameOrWent returns the host names that came or went in the whole
// workspace.
func (b *indexBuilder) namesCameOrWent() []string {
	var out []string
	for _, name := range b.namesChanged {
		if (len(b.old.names.at(name)) == 0) != (len(b.ix.names.at(name)) == 0) {
			out = append(out, name)
		}
	}
	return out
}

// unscopedNearMisses adds the files of no project with a host that names
// no service but is one edit away from a name that came or went. The
// check of such a host suggests the first similar name of the whole
// workspace.
func (a *affectedSet) unscopedNearMisses(names []string) {
	a.b.ix.globalTokens.each(func(token string, uris []position.URI) {
		near := false
		for _, name := range names {
			near = near || oneEditApart(token, name)
		}
		if !near {
			return
		}
		for _, uri := range uris {
			if len(a.b.ix.fileProjects.at(uri)) == 0 {
				a.add(uri)
			}
		}
	})
}

// oneEditApart reports whether one insertion, deletion or substitution of
// a byte, or a swap of two adjacent bytes, turns a into b, as the edit
// distance of the unknown host check counts.
func oneEditApart(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		swapped := i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
		return swapped || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// composeCrossRefs adds the compose files that read other compose files or
// Dockerfiles outside their projects. Those are the files whose services
// extend a service of another file and, when a Dockerfile changed, those
// whose build paths contain a variable, which the index does not resolve.
func (a *affectedSet) composeCrossRefs(dockerfileChanged bool) {
	for _, f := range a.b.snap.FilesOfKind(KindCompose) {
		for _, svc := range f.Compose().Services {
			if svc.Extends != nil && svc.Extends.File != nil {
				a.add(f.URI)
			}
			if b := svc.Build; dockerfileChanged && b != nil && (b.Context != nil && strings.Contains(b.Context.Value, "$") || b.Dockerfile != nil && strings.Contains(b.Dockerfile.Value, "$")) {
				a.add(f.URI)
			}
		}
	}
}
