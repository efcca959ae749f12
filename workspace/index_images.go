package workspace

import (
	"path"
	"path/filepath"
	"slices"
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

	seq int // position in the list of its Dockerfile and context
}

// maxFolderCopyFiles bounds the files one COPY of a folder or glob adds to
// the index, so that "COPY . /app" of a large project stays cheap.
const maxFolderCopyFiles = 500

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
func (ix *Index) ImageFiles(uri position.URI) []*ImageFile { return ix.images.at(uri) }

// CopiedAs returns every copy of the file at uri into an image: one per
// Dockerfile, context and instruction that copies it.
func (ix *Index) CopiedAs(uri position.URI) []*ImageFile { return ix.copiedFrom.at(uri) }

// FileServices returns the services whose container holds the file at
// uri: copied into its image by its build stage or a stage that stage
// builds on, or bind-mounted by its volumes.
func (ix *Index) FileServices(uri position.URI) []*ServiceDef { return ix.fileDefs.at(uri) }

// ImageFileAt returns the file that the stage of the Dockerfile at uri
// copies to the absolute image path p, or nil. A later copy to the same
// path wins, as it does in the image.
func (ix *Index) ImageFileAt(uri position.URI, stage int, p string) *ImageFile {
	f := ix.images.at(uri)
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
	files := ix.defFiles.at(def)
	uris := appendURI(slices.Clone(files.image), files.mounts...)
	slices.Sort(uris)
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
