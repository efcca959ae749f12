package workspace

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/stackls/stackls/position"
)

// serviceFiles are the files of the workspace that one definition's
// container holds, each once: those its image copies, then those its
// volumes bind-mount.
type serviceFiles struct {
	image  []position.URI
	mounts []position.URI
}

// deriveBuilds resolves the builds of new definitions, takes out those of
// removed ones, and sets the build contexts of the Dockerfiles they name.
func (b *indexBuilder) deriveBuilds() {
	for _, def := range b.removedDefs {
		if def.Dockerfile != "" {
			b.builders.remove(def.Dockerfile, def)
			b.link(def.Dockerfile).dockerfile--
			b.dockerfiles[def.Dockerfile] = true
		}
	}
	for _, def := range b.addedDefs {
		if resolveBuild(def) {
			b.builders.insert(def.Dockerfile, def)
			b.link(def.Dockerfile).dockerfile++
			b.dockerfiles[def.Dockerfile] = true
		}
	}
	b.eachChanged(func(uri position.URI, before, after *File) {
		if before != nil && before.Kind == KindDockerfile || after != nil && after.Kind == KindDockerfile {
			b.dockerfiles[uri] = true
		}
	})
	b.noteFileKeys(b.builders.apply(&b.ix.builders, defListLess))
	b.ix.contexts.reserve(len(b.dockerfiles))
	for uri := range b.dockerfiles {
		b.setContexts(uri)
	}
	paths := slices.Clone(b.changes.paths)
	b.eachChanged(func(uri position.URI, before, after *File) {
		if before == nil || after == nil {
			paths = append(paths, uri.Path()) // a COPY source that exists only in the Snapshot
		}
	})
	if len(paths) > 0 && !b.fresh {
		slices.Sort(paths)
		b.ix.contexts.each(func(uri position.URI, contexts []string) {
			if anyInside(contexts, paths) {
				b.dockerfiles[uri] = true
			}
		})
	}
}

// resolveBuild sets a definition's build context and Dockerfile: the
// dockerfile path is relative to the context, which is relative to the
// compose file. It reports whether the build names a local Dockerfile.
func resolveBuild(def *ServiceDef) bool {
	build := def.Service.Build
	if build == nil {
		return false
	}
	context := "."
	if build.Context != nil {
		context = build.Context.Value
	}
	ctxURI, ok := relativeURI(def.URI.Dir(), context)
	if !ok {
		return false // a Git or HTTP context, or one that holds a variable
	}
	name := "Dockerfile"
	if build.Dockerfile != nil {
		name = build.Dockerfile.Value
	}
	dockerURI, ok := relativeURI(ctxURI.Path(), name)
	if !ok {
		return false
	}
	def.Context, def.Dockerfile = ctxURI.Path(), dockerURI
	return true
}

// setContexts sets the build contexts of the Dockerfile at uri: the
// context of each definition that builds it, or, when none does, its own
// folder, which "docker build ." next to it uses.
func (b *indexBuilder) setContexts(uri position.URI) {
	var contexts []string
	for _, def := range b.ix.builders.at(uri) {
		contexts = appendString(contexts, def.Context)
	}
	if f := b.snap.File(uri); len(contexts) == 0 && f != nil && f.Kind == KindDockerfile {
		contexts = []string{f.Dir()}
	}
	if slices.Equal(contexts, b.ix.contexts.at(uri)) {
		return
	}
	if len(contexts) == 0 {
		b.ix.contexts.del(uri)
	} else {
		b.ix.contexts.set(uri, contexts)
	}
}

// anyInside reports whether one of the sorted paths lies inside one of
// dirs.
func anyInside(dirs, sorted []string) bool {
	for _, dir := range dirs {
		prefix := strings.TrimSuffix(dir, string(filepath.Separator)) + string(filepath.Separator)
		i := sort.SearchStrings(sorted, prefix)
		if i < len(sorted) && strings.HasPrefix(sorted[i], prefix) {
			return true
		}
	}
	return false
}

// deriveImages computes again the files that each Dockerfile whose
// contexts, content or context files may have changed copies.
func (b *indexBuilder) deriveImages() {
	b.ix.images.reserve(len(b.dockerfiles))
	for uri := range b.dockerfiles {
		var images []*ImageFile
		if f := b.snap.File(uri); f != nil && f.Dockerfile() != nil {
			for _, ctx := range b.ix.contexts.at(uri) {
				images = append(images, cachedImageFiles(b.snap, f, ctx)...)
			}
		}
		old := b.ix.images.at(uri)
		if slices.Equal(images, old) {
			continue
		}
		for _, img := range old {
			b.copiedFrom.remove(img.Source, img)
			b.linkCopy(img, -1)
		}
		for _, img := range images {
			b.copiedFrom.insert(img.Source, img)
			b.linkCopy(img, 1)
		}
		if len(images) == 0 {
			b.ix.images.del(uri)
		} else {
			b.ix.images.set(uri, slices.Clip(images))
		}
		b.imagesChanged[uri] = true
	}
	b.copiedFrom.apply(&b.ix.copiedFrom, b.copyLess)
}

// linkCopy counts n links of a copied file, run by a process or not.
func (b *indexBuilder) linkCopy(img *ImageFile, n int) {
	if len(img.RunBy) > 0 {
		b.link(img.Source).run += n
	} else {
		b.link(img.Source).norun += n
	}
}

// deriveServiceFiles computes again the files of the containers of new
// definitions, of those whose Dockerfile's image files changed, and, when
// a file came or went, of those with volumes.
func (b *indexBuilder) deriveServiceFiles() {
	dirty := map[*ServiceDef]bool{}
	for _, def := range b.addedDefs {
		dirty[def] = true
	}
	for uri := range b.imagesChanged {
		for _, def := range b.ix.builders.at(uri) {
			dirty[def] = true
		}
	}
	if b.existenceChanged() {
		for _, def := range b.ix.defList {
			if len(def.Service.Volumes) > 0 {
				dirty[def] = true
			}
		}
	}
	for _, def := range b.removedDefs {
		b.dropServiceFiles(def)
		b.ix.defFiles.del(def)
	}
	b.ix.defFiles.reserve(len(dirty))
	for def := range dirty {
		b.dropServiceFiles(def)
		files := b.serviceFilesOf(def)
		for _, uri := range appendURI(slices.Clone(files.image), files.mounts...) {
			b.fileDefs.insert(uri, def)
		}
		for _, uri := range files.mounts {
			b.link(uri).norun++
		}
		if len(files.image) == 0 && len(files.mounts) == 0 {
			b.ix.defFiles.del(def)
		} else {
			b.ix.defFiles.set(def, files)
		}
	}
	b.noteFileKeys(b.fileDefs.apply(&b.ix.fileDefs, defListLess))
}

// dropServiceFiles takes out the container files that def had in old.
func (b *indexBuilder) dropServiceFiles(def *ServiceDef) {
	files, ok := b.old.defFiles.get(def)
	if !ok {
		return
	}
	for _, uri := range appendURI(slices.Clone(files.image), files.mounts...) {
		b.fileDefs.remove(uri, def)
	}
	for _, uri := range files.mounts {
		b.link(uri).norun--
	}
}

// serviceFilesOf returns the files of a service's container: those that
// its build stage and the stages it builds on copy, and files that its
// volumes bind-mount.
func (b *indexBuilder) serviceFilesOf(def *ServiceDef) serviceFiles {
	var out serviceFiles
	if def.Dockerfile != "" {
		if f := b.snap.File(def.Dockerfile); f != nil && f.Dockerfile() != nil {
			target := ""
			if def.Service.Build.Target != nil {
				target = def.Service.Build.Target.Value
			}
			chain := stageChain(f.Dockerfile(), targetStage(f.Dockerfile(), target))
			seen := map[position.URI]bool{}
			for _, img := range b.ix.images.at(def.Dockerfile) {
				if img.Context == def.Context && chain[img.Stage] && !seen[img.Source] {
					seen[img.Source] = true
					out.image = append(out.image, img.Source)
				}
			}
		}
	}
	for _, volume := range def.Service.Volumes {
		source, _, found := strings.Cut(volume.Value, ":")
		if !found || !(strings.HasPrefix(source, ".") || strings.HasPrefix(source, "/")) {
			continue
		}
		uri, ok := relativeURI(def.URI.Dir(), source)
		if ok && b.snap.pathExists(uri.Path()) {
			out.mounts = appendURI(out.mounts, uri)
		}
	}
	return out
}

// noteFileKeys records files whose projects may have changed.
func (b *indexBuilder) noteFileKeys(uris []position.URI) {
	if b.fileKeys == nil {
		b.fileKeys = map[position.URI]bool{}
	}
	for _, uri := range uris {
		b.fileKeys[uri] = true
	}
}

// deriveFileProjects computes again the projects of the files whose
// project references, builders or container definitions changed.
func (b *indexBuilder) deriveFileProjects() {
	b.ix.fileProjects.reserve(len(b.fileKeys))
	for uri := range b.fileKeys {
		projects := slices.Clone(b.ix.projRefs.at(uri))
		for _, def := range b.ix.builders.at(uri) {
			projects = append(projects, def.Project)
		}
		for _, def := range b.ix.fileDefs.at(uri) {
			projects = append(projects, def.Project)
		}
		sort.SliceStable(projects, func(i, j int) bool { return b.projectLess(projects[i], projects[j]) })
		projects = slices.Clip(slices.Compact(projects))
		if slices.Equal(projects, b.ix.fileProjects.at(uri)) {
			continue
		}
		if len(projects) == 0 {
			b.ix.fileProjects.del(uri)
		} else {
			b.ix.fileProjects.set(uri, projects)
		}
		b.scopeChanged = append(b.scopeChanged, uri)
	}
}
