package workspace

import (
	"bytes"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// cachedImage is the result of imageFiles for one Dockerfile File and
// build context. It stays valid while the workspace's file list contains
// the same paths inside the context as tree, and the Snapshot the same
// unsaved documents there.
type cachedImage struct {
	tree    *pathSet
	unsaved []string
	files   []*ImageFile
}

// cachedImageFiles returns imageFiles for the Dockerfile f, computing it
// only when f or the files of the context changed since the last call, so
// that updating the index after an edit elsewhere reads no path.
func cachedImageFiles(s *Snapshot, f *File, ctx string) []*ImageFile {
	unsaved := s.unsavedUnder(ctx)
	f.imagesMu.Lock()
	defer f.imagesMu.Unlock()
	if cached, ok := f.images[ctx]; ok && cached.tree.sameUnder(s.tree, ctx) && slices.Equal(cached.unsaved, unsaved) {
		f.images[ctx] = cachedImage{tree: s.tree, unsaved: unsaved, files: cached.files} // the next check compares pointers
		return cached.files
	}
	files := imageFiles(s, f.URI, f.Dockerfile(), ctx)
	if f.images == nil {
		f.images = map[string]cachedImage{}
	}
	f.images[ctx] = cachedImage{tree: s.tree, unsaved: unsaved, files: files}
	return files
}

// unsavedUnder returns the sorted OS paths of the Snapshot's files inside
// dir that the folders' file list does not contain, such as a new
// document not saved yet.
func (s *Snapshot) unsavedUnder(dir string) []string {
	if s.unsaved.len() == 0 {
		return nil
	}
	prefix := strings.TrimSuffix(dir, string(filepath.Separator)) + string(filepath.Separator)
	var out []string
	s.unsaved.each(func(_ position.URI, p string) {
		if strings.HasPrefix(p, prefix) {
			out = append(out, p)
		}
	})
	sort.Strings(out)
	return out
}

// imageFiles returns the files that a Dockerfile copies from the build
// context ctx, with the ENTRYPOINT and CMD that run each one.
//
// TODO: .dockerignore is not read, so a file it excludes still counts as
// copied.
func imageFiles(s *Snapshot, uri position.URI, model *dockerfile.File, ctx string) []*ImageFile {
	var all []*ImageFile
	workdirs := make([]string, len(model.Stages))
	for si, st := range model.Stages {
		workdir := "/"
		if parent := parentStage(model, si); parent >= 0 {
			workdir = workdirs[parent]
		}
		for _, in := range st.Instructions {
			switch in.Keyword {
			case "WORKDIR":
				if len(in.Args) > 0 && !strings.Contains(in.Args[0].Value, "$") {
					workdir = containerPath(workdir, in.Args[0].Value)
				}
			case "COPY", "ADD":
				if in.Flag("from") == nil {
					all = append(all, copiedFiles(s, uri, in, ctx, workdir, si)...)
				}
			}
		}
		workdirs[si] = workdir
	}
	markRunners(model, all, workdirs)
	for i, img := range all {
		img.seq = i
	}
	return all
}

// copiedFiles returns the files one COPY or ADD takes from the context.
func copiedFiles(s *Snapshot, uri position.URI, in *dockerfile.Instruction, ctx, workdir string, stage int) []*ImageFile {
	var words []*dockerfile.Word
	for _, w := range in.Args {
		if !strings.HasPrefix(w.Text, "<<") {
			words = append(words, w)
		}
	}
	if len(words) < 2 || len(in.Heredocs) > 0 {
		return nil
	}
	dest := words[len(words)-1].Value
	if strings.Contains(dest, "$") {
		return nil // TODO: expand ARG and ENV values in destinations
	}
	intoFolder := strings.HasSuffix(dest, "/") || len(words) > 2
	dest = containerPath(workdir, dest)

	var out []*ImageFile
	for _, src := range words[:len(words)-1] {
		for _, m := range sourceFiles(s, ctx, src.Value) {
			target := dest
			switch {
			case m.inFolder != "":
				target = path.Join(dest, filepath.ToSlash(m.inFolder))
			case intoFolder || m.glob:
				target = path.Join(dest, filepath.Base(m.path))
			}
			out = append(out, &ImageFile{
				Source: position.URIFromPath(m.path), Path: target, Dockerfile: uri, Context: ctx,
				Stage: stage, Instruction: in, SourceSpan: src.Span,
			})
		}
	}
	return out
}

// sourceMatch is one file that a COPY source names.
type sourceMatch struct {
	path     string // OS path
	inFolder string // for a folder source, the file's path relative to the folder
	glob     bool
}

// sourceFiles returns the files of the context that a COPY source names:
// a file, every file of a folder, or the files a glob matches. A source
// outside the context, a URL or one that holds a variable names none.
func sourceFiles(s *Snapshot, ctx, src string) []sourceMatch {
	if src == "" || strings.Contains(src, "://") || strings.ContainsAny(src, "$") {
		return nil
	}
	full := filepath.Join(ctx, filepath.FromSlash(src))
	if _, inside := relInside(ctx, full); !inside {
		return nil
	}
	if strings.ContainsAny(src, "*?[") {
		var out []sourceMatch
		for _, p := range s.tree.under(ctx) {
			if ok, err := filepath.Match(full, p); err == nil && ok && len(out) < maxFolderCopyFiles {
				out = append(out, sourceMatch{path: p, glob: true})
			}
		}
		return out
	}
	if s.pathExists(full) {
		return []sourceMatch{{path: full}}
	}
	var out []sourceMatch
	for _, p := range s.tree.under(full) {
		if len(out) == maxFolderCopyFiles {
			break
		}
		if rel, ok := relInside(full, p); ok {
			out = append(out, sourceMatch{path: p, inFolder: rel})
		}
	}
	return out
}

// markRunners records, on each image file, the ENTRYPOINT and CMD of its
// stage's chain whose command names the file's path in the image.
func markRunners(model *dockerfile.File, files []*ImageFile, workdirs []string) {
	for _, img := range files {
		for _, stage := range dependentStages(model, img.Stage) {
			for _, in := range model.Stages[stage].Instructions {
				if (in.Keyword == "ENTRYPOINT" || in.Keyword == "CMD") && runsPath(in, workdirs[stage], img.Path) {
					img.RunBy = append(img.RunBy, in)
				}
			}
		}
	}
}

// dependentStages returns the stage at index and the later stages that
// build on it, since they hold the files it copies.
func dependentStages(model *dockerfile.File, index int) []int {
	var out []int
	for i := index; i < len(model.Stages); i++ {
		if stageChain(model, i)[index] {
			out = append(out, i)
		}
	}
	return out
}

// binDirs are the folders of a usual PATH, where a bare command name of
// ENTRYPOINT or CMD is looked up.
var binDirs = []string{"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"}

// initWrappers are small init programs that run the command after them.
var initWrappers = map[string]bool{"tini": true, "dumb-init": true, "catatonit": true, "--": true}

// shells run the script named by their first argument that is not an
// option.
var shells = map[string]bool{"sh": true, "bash": true, "dash": true, "ash": true, "ksh": true, "mksh": true, "zsh": true, "busybox": true}

// runsPath reports whether an ENTRYPOINT or CMD runs the image path p:
// as its program, after init wrappers such as tini, or as the script a
// shell runs ("sh /entrypoint.sh", not "sh -c ..."). A script that
// another interpreter reads, such as "python /app/main.py", does not
// count.
func runsPath(in *dockerfile.Instruction, workdir, p string) bool {
	var fields []string
	for _, w := range in.Args {
		fields = append(fields, strings.Fields(w.Value)...)
	}
	for i := 0; i < len(fields); i++ {
		field := fields[i]
		name := path.Base(field)
		switch {
		case initWrappers[name] || strings.HasPrefix(field, "-"):
			continue
		case shells[name]:
			for i++; i < len(fields) && strings.HasPrefix(fields[i], "-"); i++ {
				if fields[i] == "-c" {
					return false
				}
			}
			return i < len(fields) && namesPath(fields[i], workdir, p)
		}
		return namesPath(field, workdir, p)
	}
	return false
}

// Runners returns, for each ENTRYPOINT and CMD that runs img, the base
// name of the shell that reads it ("sh", "bash"), or "" when the command
// runs the file itself, so that its shebang picks the interpreter.
func (img *ImageFile) Runners() []string {
	var out []string
	for _, in := range img.RunBy {
		out = append(out, runnerShell(in))
	}
	return out
}

// runnerShell returns the shell of an ENTRYPOINT or CMD whose program,
// after init wrappers such as tini, is a shell, or "".
func runnerShell(in *dockerfile.Instruction) string {
	for _, w := range in.Args {
		for _, field := range strings.Fields(w.Value) {
			name := path.Base(field)
			switch {
			case initWrappers[name] || strings.HasPrefix(field, "-"):
				continue
			case shells[name]:
				return name
			}
			return ""
		}
	}
	return ""
}

// namesPath reports whether a command word names the image path p: as an
// absolute path, relative to the working folder, or as a bare name found
// in a PATH folder.
func namesPath(field, workdir, p string) bool {
	switch {
	case strings.HasPrefix(field, "/"):
		return path.Clean(field) == p
	case strings.Contains(field, "/"):
		return containerPath(workdir, field) == p
	}
	for _, dir := range binDirs {
		if path.Join(dir, field) == p {
			return true
		}
	}
	return false
}

// copiedKind returns the kind to link a file that a container holds as,
// when its name shows no kind: a script when it has a shell shebang or
// ENTRYPOINT or CMD runs it (run), else a config file. It returns
// KindUnknown for source code, documents and files of another language's
// shebang, which "COPY . ." sweeps in with the config files, and for a
// file whose name, shebang or languageId already decides its kind.
func copiedKind(s *Snapshot, uri position.URI, run bool) Kind {
	p := uri.Path()
	if kindFromName(filepath.Base(p)) != KindUnknown || !maybeCopiedConfig(filepath.Base(p)) {
		return KindUnknown
	}
	var head []byte
	if f := s.File(uri); f != nil {
		if !f.linked && f.Kind != KindUnknown {
			return KindUnknown // its shebang or languageId decided
		}
		head = f.Content
	} else if hasShellShebang(p) {
		return KindUnknown // discovery reads it as a script
	} else {
		head = peek(p)
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch {
	case isShellShebang(head):
		return KindShell
	case bytes.HasPrefix(head, []byte("#!")):
		return KindUnknown // a script of another language, such as Python
	case run:
		return KindShell
	}
	return KindConfig
}
