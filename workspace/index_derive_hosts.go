package workspace

import (
	"slices"
	"sort"

	"github.com/stackls/stackls/position"
)

// deriveHosts resolves again the host tokens of the files whose uses may
// have changed: changed files and files whose projects changed. For each
// host name whose definitions changed, it also resolves the files of the
// projects where they changed and the files where the name resolves across
// the whole workspace.
func (b *indexBuilder) deriveHosts() {
	files := map[position.URI]*File{} // each file to resolve, as the old Index saw it
	b.eachChanged(func(uri position.URI, before, after *File) {
		files[uri] = before
		if sourcesScripts(after) {
			b.ix.sourcing.set(uri, true)
		} else {
			b.ix.sourcing.del(uri)
		}
	})
	same := func(uri position.URI) {
		if _, ok := files[uri]; !ok {
			files[uri] = b.snap.File(uri)
		}
	}
	if b.fresh {
		b.scopeChanged, b.namesChanged = nil, nil // every file is resolved anyway
	}
	for _, uri := range b.scopeChanged {
		same(uri)
	}
	projects := map[*Project]bool{}
	for _, name := range b.namesChanged {
		for _, uri := range b.old.globalTokens.at(name) {
			same(uri)
		}
		edit := b.names.get(name) // apply sorted and compacted edit.add in place
		for _, def := range slices.Concat(edit.drop, edit.add) {
			if def != nil {
				projects[def.Project] = true
			}
		}
	}
	for p := range projects {
		ix := b.ix
		if b.removedProjects[p] {
			ix = b.old
		}
		ix.eachProjectFile(p, same)
	}

	b.ix.hosts.reserve(len(files))
	for uri, before := range files {
		b.resolveFile(uri, before)
	}
	b.globalTokens.apply(&b.ix.globalTokens, uriLess)
	b.uses.apply(&b.ix.uses, func(x, y *HostUse) bool { return lessLocation(x.Location, y.Location) })
}

// eachProjectFile calls fn for each file that makes p one of its projects:
// compose and env files, and the Dockerfiles, env files and container
// files of the definitions p owns. A file may come more than once.
func (ix *Index) eachProjectFile(p *Project, fn func(position.URI)) {
	for _, uri := range slices.Concat(p.ComposeFiles, p.EnvFiles) {
		fn(uri)
	}
	for _, def := range p.Services {
		if def.Project != p {
			continue
		}
		for _, uri := range def.EnvFiles {
			fn(uri)
		}
		if def.Dockerfile != "" {
			fn(def.Dockerfile)
		}
		files := ix.defFiles.at(def)
		for _, uri := range slices.Concat(files.image, files.mounts) {
			fn(uri)
		}
	}
}

// resolveFile resolves the host tokens of the file at uri again. before is
// the File that the old Index resolved. When every use resolves as before,
// it keeps the old uses.
func (b *indexBuilder) resolveFile(uri position.URI, before *File) {
	if before != nil {
		for _, name := range tokenNames(before) {
			if list := b.old.globalTokens.at(name); sortedContains(list, uri) {
				b.globalTokens.remove(name, uri)
			}
		}
	}
	var tokens []*HostToken
	if f := b.snap.File(uri); f != nil {
		tokens = f.hostTokens()
	}
	scope := b.ix.fileProjects.at(uri)
	uses := make([]*HostUse, 0, len(tokens))
	for _, tok := range tokens {
		defs, global := b.ix.resolveIn(scope, tok.Name)
		if global {
			b.globalTokens.insert(tok.Name, uri)
		}
		use := &HostUse{Location: position.Location{URI: uri, Span: tok.Span}, Name: tok.Name, Port: tok.Port, Defs: defs}
		if len(defs) > 0 {
			use.Service = defs[0].Service.Name
		}
		uses = append(uses, use)
	}

	old := b.ix.hosts.at(uri)
	if sameUses(old, uses) {
		return
	}
	b.hostsChanged = append(b.hostsChanged, uri)
	for _, use := range old {
		for _, def := range use.Defs {
			b.uses.remove(def, use)
		}
	}
	for _, use := range uses {
		for _, def := range use.Defs {
			b.uses.insert(def, use)
		}
	}
	if len(uses) == 0 {
		b.ix.hosts.del(uri)
	} else {
		b.ix.hosts.set(uri, uses)
	}
}

func sortedContains(list []position.URI, uri position.URI) bool {
	i := sort.Search(len(list), func(i int) bool { return list[i] >= uri })
	return i < len(list) && list[i] == uri
}

// sameUses reports whether two lists of one file's host uses are equal,
// resolving to the same definitions.
func sameUses(a, b []*HostUse) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Location != y.Location || x.Name != y.Name || x.Port != y.Port || x.Service != y.Service || !slices.Equal(x.Defs, y.Defs) {
			return false
		}
	}
	return true
}

// sourcesScripts reports whether f is a script that reads another with
// "." or source.
func sourcesScripts(f *File) bool {
	if f == nil || f.Kind != KindShell || f.Shell() == nil {
		return false
	}
	for _, cmd := range f.Shell().Commands {
		if cmd.Name != nil && !cmd.Name.Dynamic && (cmd.Name.Literal == "." || cmd.Name.Literal == "source") {
			return true
		}
	}
	return false
}

// tokenNames returns the distinct names of a File's host tokens.
func tokenNames(f *File) []string {
	var names []string
	for _, tok := range f.hostTokens() {
		if !slices.Contains(names, tok.Name) {
			names = append(names, tok.Name)
		}
	}
	return names
}
