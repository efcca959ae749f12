package workspace

import (
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// ImageFile is a file of a build context that a Dockerfile copies into its
// image with COPY or ADD.
type ImageFile struct {
	Source      position.URI // the file in the build context
	Path        string       // its absolute, slash-separated path in the image
	Dockerfile  position.URI
	Context     string // OS path of the build context
	Stage       int    // index of the stage whose instruction copies it
	Instruction *dockerfile.Instruction
	SourceSpan  position.Span // the source argument in the Dockerfile
	// RunBy are the ENTRYPOINT and CMD instructions, in the stage or a stage
	// it builds on, whose command names Path.
	RunBy []*dockerfile.Instruction
}

// maxFolderCopyFiles bounds the files one COPY of a folder or glob adds to
// the index, so that "COPY . /app" of a large project stays cheap.
const maxFolderCopyFiles = 500

// addImages records the build context and Dockerfile of each service that
// builds, the files each Dockerfile copies from each of its contexts, and
// which service images contain which files.
func (ix *Index) addImages(s *Snapshot) {
	for _, def := range ix.defList {
		ix.addBuild(s, def)
	}
	for _, f := range ix.byKind[KindDockerfile] {
		if len(ix.contexts[f.URI]) == 0 {
			ix.contexts[f.URI] = []string{f.URI.Dir()} // "docker build ." next to it
		}
	}

	dockerfiles := make([]position.URI, 0, len(ix.contexts))
	for uri := range ix.contexts {
		dockerfiles = append(dockerfiles, uri)
	}
	sort.Slice(dockerfiles, func(i, j int) bool { return dockerfiles[i] < dockerfiles[j] })
	for _, uri := range dockerfiles {
		f := s.File(uri)
		if f == nil || f.Dockerfile() == nil {
			continue
		}
		for _, ctx := range ix.contexts[uri] {
			for _, img := range cachedImageFiles(s, f, ctx) {
				ix.images[uri] = append(ix.images[uri], img)
				ix.copiedFrom[img.Source] = append(ix.copiedFrom[img.Source], img)
				ix.linkImageFile(s, img)
			}
		}
	}

	for _, def := range ix.defList {
		ix.addServiceFiles(s, def)
	}
}

// sortedDefs returns every definition in file and offset order.
func (ix *Index) sortedDefs() []*ServiceDef {
	defs := make([]*ServiceDef, 0, len(ix.defs))
	for _, def := range ix.defs {
		defs = append(defs, def)
	}
	sort.Slice(defs, func(i, j int) bool {
		if defs[i].URI != defs[j].URI {
			return defs[i].URI < defs[j].URI
		}
		return defs[i].Service.KeySpan.Start < defs[j].Service.KeySpan.Start
	})
	return defs
}

// addBuild resolves a service's build context and Dockerfile: the
// dockerfile path is relative to the context, which is relative to the
// compose file.
func (ix *Index) addBuild(s *Snapshot, def *ServiceDef) {
	build := def.Service.Build
	if build == nil {
		return
	}
	context := "."
	if build.Context != nil {
		context = build.Context.Value
	}
	ctxURI, ok := relativeURI(def.URI.Dir(), context)
	if !ok {
		return // a Git or HTTP context, or one that holds a variable
	}
	name := "Dockerfile"
	if build.Dockerfile != nil {
		name = build.Dockerfile.Value
	}
	dockerURI, ok := relativeURI(ctxURI.Path(), name)
	if !ok {
		return
	}
	def.Context, def.Dockerfile = ctxURI.Path(), dockerURI
	ix.contexts[dockerURI] = appendString(ix.contexts[dockerURI], def.Context)
	ix.link(dockerURI, KindDockerfile)
	ix.fileProjects[dockerURI] = appendProject(ix.fileProjects[dockerURI], def.Project)
}

// addServiceFiles records the files of a service's image: those that its
// build stage and the stages it builds on copy, and files that its
// volumes bind-mount.
func (ix *Index) addServiceFiles(s *Snapshot, def *ServiceDef) {
	if def.Dockerfile != "" {
		f := s.File(def.Dockerfile)
		if f != nil && f.Dockerfile() != nil {
			target := ""
			if def.Service.Build.Target != nil {
				target = def.Service.Build.Target.Value
			}
			chain := stageChain(f.Dockerfile(), targetStage(f.Dockerfile(), target))
			for _, img := range ix.images[def.Dockerfile] {
				if img.Context == def.Context && chain[img.Stage] {
					ix.addFileDef(img.Source, def)
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
		if ok && s.pathExists(uri.Path()) {
			ix.addFileDef(uri, def)
			ix.linkCopied(s, uri, false)
		}
	}
}

func (ix *Index) addFileDef(uri position.URI, def *ServiceDef) {
	ix.fileDefs[uri] = appendDef(ix.fileDefs[uri], def)
	ix.fileProjects[uri] = appendProject(ix.fileProjects[uri], def.Project)
}

// targetStage returns the index of the stage named target, or of the last
// stage when target is "" or names none.
func targetStage(model *dockerfile.File, target string) int {
	if target != "" {
		for _, st := range model.Stages {
			if strings.EqualFold(st.Name, target) {
				return st.Index
			}
		}
	}
	return len(model.Stages) - 1
}

// stageChain returns the stage at index and the earlier stages it builds
// on through "FROM <stage>".
func stageChain(model *dockerfile.File, index int) map[int]bool {
	chain := map[int]bool{}
	for index >= 0 && index < len(model.Stages) && !chain[index] {
		chain[index] = true
		index = parentStage(model, index)
	}
	return chain
}

// parentStage returns the index of the earlier stage that the stage at
// index builds on, or -1 when it starts from an image.
func parentStage(model *dockerfile.File, index int) int {
	image := model.Stages[index].Image
	for i := index - 1; i >= 0; i-- {
		if model.Stages[i].Name != "" && strings.EqualFold(model.Stages[i].Name, image) {
			return i
		}
	}
	return -1
}

// containerPath joins a path in the image to the working folder, as
// WORKDIR, COPY and ADD do for a relative path.
func containerPath(workdir, p string) string {
	if !strings.HasPrefix(p, "/") {
		p = path.Join(workdir, p)
	}
	return path.Clean(p)
}

func appendString(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

// ImageFiles returns the files that the Dockerfile at uri copies from its
// build contexts, in source order per context.
func (ix *Index) ImageFiles(uri position.URI) []*ImageFile { return ix.images[uri] }

// CopiedAs returns every copy of the file at uri into an image: one per
// Dockerfile, context and instruction that copies it.
func (ix *Index) CopiedAs(uri position.URI) []*ImageFile { return ix.copiedFrom[uri] }

// FileServices returns the services whose container holds the file at
// uri: copied into its image by its build stage or a stage that stage
// builds on, or bind-mounted by its volumes.
func (ix *Index) FileServices(uri position.URI) []*ServiceDef { return ix.fileDefs[uri] }

// ImageFileAt returns the file that the stage of the Dockerfile at uri
// copies to the absolute image path p, or nil. A later copy to the same
// path wins, as it does in the image.
func (ix *Index) ImageFileAt(uri position.URI, stage int, p string) *ImageFile {
	f := ix.images[uri]
	for i := len(f) - 1; i >= 0; i-- {
		if f[i].Stage == stage && f[i].Path == path.Clean(p) {
			return f[i]
		}
	}
	return nil
}

// ServiceFiles returns the files of the workspace that the container of def
// holds: scripts and config files copied into its image or bind-mounted.
func (ix *Index) ServiceFiles(def *ServiceDef) []position.URI {
	var uris []position.URI
	for uri, defs := range ix.fileDefs {
		for _, d := range defs {
			if d == def {
				uris = append(uris, uri)
				break
			}
		}
	}
	sort.Slice(uris, func(i, j int) bool { return uris[i] < uris[j] })
	return uris
}

// relInside returns p relative to dir, and false when p lies outside dir.
func relInside(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}
