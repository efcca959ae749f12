package workspace

import (
	"slices"
	"sort"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
)

// deriveProjects sets the projects of ix. It finds them again only when a
// change can move a compose file between projects. It keeps, as the same
// object, each project of old whose compose files, definitions and place
// among the others did not change, and makes new objects for the others,
// which deriveDefs fills.
func (b *indexBuilder) deriveProjects() {
	skeletons := b.old.projects
	b.skeleton = b.needSkeleton()
	if !b.skeleton && !b.composeChanged() {
		return // every project keeps its compose files, so every project stays
	}
	if b.skeleton {
		var links []position.URI
		skeletons, links = findProjects(b.snap, b.ix.byKind)
		b.relink(b.old.composeLinks, links)
		b.ix.composeLinks = links
	}

	final := b.matchProjects(skeletons)
	kept := make(map[*Project]bool, len(final))
	for _, p := range final {
		if _, old := b.old.rank[p]; old {
			kept[p] = true
		} else {
			b.addedProjects = append(b.addedProjects, p)
		}
	}
	for _, p := range b.old.projects {
		if !kept[p] {
			b.removedProjects[p] = true
		}
	}
	if len(b.addedProjects) == 0 && len(b.removedProjects) == 0 {
		return
	}
	b.ix.projects = final
	b.ix.rank = make(map[*Project]int, len(final))
	for i, p := range final {
		b.ix.rank[p] = i
	}
}

// needSkeleton reports whether the projects must be found again. That is
// so when a Makefile changed, when a compose file came, went or changed its
// includes or name, and when any file came or went, because that can change
// which default compose files and .env files exist.
func (b *indexBuilder) needSkeleton() bool {
	if b.existenceChanged() {
		return true
	}
	need := false
	b.eachChanged(func(_ position.URI, before, after *File) {
		if before == nil || after == nil {
			need = true
			return
		}
		switch {
		case before.Kind == KindMakefile || after.Kind == KindMakefile:
			need = true
		case before.Kind == KindCompose && after.Kind == KindCompose:
			need = need || !sameProjectShape(before.Compose(), after.Compose())
		case before.Kind == KindCompose || after.Kind == KindCompose:
			need = true
		}
	})
	return need
}

// composeChanged reports whether a compose file changed.
func (b *indexBuilder) composeChanged() bool {
	changed := false
	b.eachChanged(func(_ position.URI, before, after *File) {
		changed = changed || before != nil && before.Kind == KindCompose || after != nil && after.Kind == KindCompose
	})
	return changed
}

// sameProjectShape reports whether two versions of a compose file have the
// same includes and top-level name, the only parts of it that findProjects
// reads.
func sameProjectShape(a, b *compose.File) bool {
	if len(a.Includes) != len(b.Includes) || (a.Name == nil) != (b.Name == nil) {
		return false
	}
	if a.Name != nil && a.Name.Value != b.Name.Value {
		return false
	}
	for i := range a.Includes {
		if a.Includes[i].Value != b.Includes[i].Value {
			return false
		}
	}
	return true
}

// matchProjects returns the projects for skeletons, in their order: the
// project of old with the same key, compose files and owners of their
// definitions, or a new Project. When the kept projects would not keep
// their order, every project is new, so that the order of the lists that
// hold them is the order a build from scratch gives.
func (b *indexBuilder) matchProjects(skeletons []*Project) []*Project {
	oldOwner := composeOwners(b.old.projects)
	newOwner := oldOwner
	var oldByKey map[string]*Project
	if b.skeleton {
		newOwner = composeOwners(skeletons)
		oldByKey = make(map[string]*Project, len(b.old.projects))
		for _, p := range b.old.projects {
			oldByKey[p.key()] = p
		}
	}

	final := make([]*Project, len(skeletons))
	kept := map[*Project]*Project{} // skeleton → the project of old it keeps
	last, ordered := -1, true
	for i, s := range skeletons {
		candidate := s
		if b.skeleton {
			candidate = oldByKey[s.key()]
		}
		if candidate == nil || b.fresh || !b.keeps(s, candidate, newOwner, oldOwner, kept) {
			continue
		}
		kept[s], final[i] = candidate, candidate
		if r := b.old.rank[candidate]; r < last {
			ordered = false
		} else {
			last = r
		}
	}
	for i, s := range skeletons {
		if final[i] == nil || !ordered {
			final[i] = &Project{Name: s.Name, Dir: s.Dir, ComposeFiles: s.ComposeFiles, EnvFiles: s.EnvFiles, Makefile: s.Makefile}
		}
	}
	b.owner = map[position.URI]*Project{}
	for i, s := range skeletons {
		for _, uri := range s.ComposeFiles {
			if newOwner[uri] == s {
				b.owner[uri] = final[i]
			}
		}
	}
	return final
}

// keeps reports whether the project candidate of old can stand for the
// skeleton s: none of its compose files changed, and each is owned, that
// is first read, by the same project as before.
func (b *indexBuilder) keeps(s, candidate *Project, newOwner, oldOwner map[position.URI]*Project, kept map[*Project]*Project) bool {
	for _, uri := range s.ComposeFiles {
		if b.changed(uri) {
			return false
		}
		want := candidate
		if owner := newOwner[uri]; owner != s {
			want = kept[owner] // nil when the owner is new
		}
		if want == nil || oldOwner[uri] != want {
			return false
		}
	}
	return true
}

// composeOwners returns, for each compose file, the first project that
// reads it, which owns its definitions.
func composeOwners(projects []*Project) map[position.URI]*Project {
	owners := map[position.URI]*Project{}
	for _, p := range projects {
		for _, uri := range p.ComposeFiles {
			if owners[uri] == nil {
				owners[uri] = p
			}
		}
	}
	return owners
}

// relink counts the compose links that after adds and before drops.
func (b *indexBuilder) relink(before, after []position.URI) {
	counts := map[position.URI]int{}
	for _, uri := range before {
		counts[uri]--
	}
	for _, uri := range after {
		counts[uri]++
	}
	for uri, n := range counts {
		if n != 0 {
			b.link(uri).compose += n
		}
	}
}

// deriveDefs takes out the definitions of removed projects, creates those
// of added ones, and updates the lists that hold them.
func (b *indexBuilder) deriveDefs() {
	for p := range b.removedProjects {
		b.dropProject(p)
	}
	b.ownedDefs, b.ownersRead = map[defKey]*ServiceDef{}, map[*Project]bool{}
	for _, p := range b.addedProjects {
		b.addProject(p)
	}
	b.services.apply(&b.ix.services, b.defLess)
	b.namesChanged = b.names.apply(&b.ix.names, b.defLess)
	b.noteFileKeys(b.projRefs.apply(&b.ix.projRefs, b.projectLess))

	if len(b.removedDefs) == 0 && len(b.addedDefs) == 0 {
		return
	}
	removed := make(map[*ServiceDef]bool, len(b.removedDefs))
	for _, def := range b.removedDefs {
		removed[def] = true
	}
	added := slices.Clone(b.addedDefs)
	sort.Slice(added, func(i, j int) bool { return defListLess(added[i], added[j]) })
	list := make([]*ServiceDef, 0, len(b.old.defList)+len(added))
	for _, def := range b.old.defList {
		for len(added) > 0 && defListLess(added[0], def) {
			list, added = append(list, added[0]), added[1:]
		}
		if !removed[def] {
			list = append(list, def)
		}
	}
	b.ix.defList = append(list, added...)
}

// dropProject takes out the contributions of a project of old.
func (b *indexBuilder) dropProject(p *Project) {
	for _, env := range p.EnvFiles {
		b.projRefs.remove(env, p)
		b.link(env).dotenv--
	}
	for _, uri := range p.ComposeFiles {
		b.projRefs.remove(uri, p)
	}
	for _, def := range p.Services {
		if def.Project != p {
			continue
		}
		b.services.remove(def.Service.Name, def)
		for _, name := range hostNamesOf(def.Service) {
			b.names.remove(name, def)
		}
		for _, env := range def.EnvFiles {
			b.link(env).dotenv--
			b.projRefs.remove(env, p)
		}
		b.removedDefs = append(b.removedDefs, def)
	}
}

// addProject fills a new project's services: definitions it creates for
// the compose files it owns, and those of the projects that own the
// others.
func (b *indexBuilder) addProject(p *Project) {
	for _, env := range p.EnvFiles {
		b.projRefs.insert(env, p)
		b.link(env).dotenv++
	}
	for fi, uri := range p.ComposeFiles {
		b.projRefs.insert(uri, p)
		f := b.snap.File(uri)
		if f == nil || f.Compose() == nil {
			continue // not read yet: settle links it, then the index is derived again
		}
		owner := b.owner[uri]
		for si, svc := range f.Compose().Services {
			key := defKey{uri: uri, start: svc.KeySpan.Start}
			var def *ServiceDef
			if owner == p {
				def = &ServiceDef{URI: uri, Service: svc, Project: p, file: fi, service: si}
				b.ownedDefs[key] = def
				b.addDef(def, f.Dir())
			} else {
				def = b.ownedDef(owner, key)
			}
			if def != nil {
				p.Services = append(p.Services, def)
			}
		}
	}
}

// ownedDef returns the definition at key that owner created, nil when
// there is none.
func (b *indexBuilder) ownedDef(owner *Project, key defKey) *ServiceDef {
	if owner != nil && !b.ownersRead[owner] {
		b.ownersRead[owner] = true
		for _, def := range owner.Services {
			if def.Project == owner {
				b.ownedDefs[defKey{uri: def.URI, start: def.Service.KeySpan.Start}] = def
			}
		}
	}
	return b.ownedDefs[key]
}

// addDef records a new definition under its key and its host names, and
// links its env files, which are relative to dir, the compose file's
// folder.
func (b *indexBuilder) addDef(def *ServiceDef, dir string) {
	svc := def.Service
	b.services.insert(svc.Name, def)
	for _, name := range hostNamesOf(svc) {
		b.names.insert(name, def)
	}
	for _, env := range svc.EnvFiles {
		if uri, ok := relativeURI(dir, env.Value); ok {
			def.EnvFiles = append(def.EnvFiles, uri)
			b.link(uri).dotenv++
			b.projRefs.insert(uri, def.Project)
		}
	}
	b.addedDefs = append(b.addedDefs, def)
}

// hostNamesOf returns the host names of a service: its key,
// container_name, hostname and network aliases, leaving out those that
// contain a variable.
func hostNamesOf(svc *compose.Service) []string {
	names := []string{svc.Name}
	if svc.ContainerName != nil {
		names = append(names, svc.ContainerName.Value)
	}
	if svc.Hostname != nil {
		names = append(names, svc.Hostname.Value)
	}
	for _, alias := range svc.Aliases {
		names = append(names, alias.Value)
	}
	out := names[:0]
	for _, name := range names {
		if name != "" && !strings.ContainsAny(name, "${}") && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
