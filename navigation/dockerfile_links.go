package navigation

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// links returns the links of a Dockerfile. A FROM image links to its
// registry page and a COPY or ADD source to its file in the build context.
// An ENTRYPOINT or CMD script that a COPY put in the image links to the
// file it came from.
func (dockerfileProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	var links []Link
	global := df.GlobalEnv()
	for _, st := range df.Stages {
		if df.BaseStage(st) != nil || st.ImageSpan.Len() == 0 {
			continue
		}
		image, unresolved := df.Expand(st.Image, global)
		ref, ok := dockerfile.ParseImageRef(image)
		if !ok || len(unresolved) > 0 {
			continue
		}
		if url := ref.PageURL(); url != "" {
			links = append(links, Link{Span: st.ImageSpan, Target: url, Tooltip: "Open " + ref.String() + " on " + ref.Registry})
		}
	}
	for _, in := range df.Instructions {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for _, target := range dfInstructionFiles(snap, f, df, in) {
			links = append(links, Link{Span: target.span, Target: string(position.URIFromPath(target.path)), Tooltip: "Open " + filepath.Base(target.path)})
		}
	}
	return links, nil
}

// dfContextFile is a word of a Dockerfile that names a file of the build
// context.
type dfContextFile struct {
	span position.Span
	path string // OS path
}

// dfInstructionFiles returns the build context files that an instruction
// names: COPY and ADD sources, and the script of ENTRYPOINT or CMD when a
// COPY or ADD of the same stage put it in the image.
func dfInstructionFiles(snap *workspace.Snapshot, f *workspace.File, df *dockerfile.File, in *dockerfile.Instruction) []dfContextFile {
	contexts := snap.Index().BuildContexts(f.URI)
	var found []dfContextFile
	switch in.Keyword {
	case "COPY", "ADD":
		if in.Flag("from") != nil {
			return nil
		}
		for _, src := range dockerfile.Sources(in) {
			if p := dfExistingContextPath(contexts, src.Value); p != "" {
				found = append(found, dfContextFile{span: src.Span, path: p})
			}
		}
	case "ENTRYPOINT", "CMD":
		if len(in.Args) == 0 {
			return nil
		}
		script := in.Args[0]
		if src := dockerfile.CopiedSource(df, in, script.Value); src != "" {
			if p := dfExistingContextPath(contexts, src); p != "" {
				found = append(found, dfContextFile{span: script.Span, path: p})
			}
		}
	}
	return found
}

// dfExistingContextPath returns the OS path of src in the first build
// context that has it, or "" (also for globs, variables and URLs).
func dfExistingContextPath(contexts []string, src string) string {
	if src == "" || strings.ContainsAny(src, "$*?[") || strings.Contains(src, "://") {
		return ""
	}
	for _, dir := range contexts {
		p := filepath.Join(dir, filepath.FromSlash(src))
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// dfContextFileAt returns the build context file named at offset, or nil.
func dfContextFileAt(snap *workspace.Snapshot, f *workspace.File, df *dockerfile.File, offset int) *dfContextFile {
	in := df.InstructionAt(offset)
	if in == nil {
		return nil
	}
	for _, target := range dfInstructionFiles(snap, f, df, in) {
		if target.span.Contains(offset) {
			return &target
		}
	}
	return nil
}
