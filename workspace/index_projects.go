package workspace

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
)

// Project is one compose project: the compose files that docker compose
// reads together and the services they define.
type Project struct {
	// Name is the project name: the Makefile's -p value, the first compose
	// file's top-level "name", or the base name of Dir.
	Name string
	// Dir is the OS path of the project folder: the --project-directory
	// value, or the folder of the first compose file.
	Dir          string
	ComposeFiles []position.URI // in the order compose reads them, includes after their file
	// EnvFiles are the files compose reads for interpolation: the .env of
	// Dir when it exists, then each --env-file.
	EnvFiles []position.URI
	Services []*ServiceDef
	// Makefile is the Makefile whose docker compose calls name the files,
	// or "" for the default compose files of a folder.
	Makefile position.URI
}

// projectFinder finds the compose projects of a Snapshot, without their
// services: those that Makefile calls of docker compose name, then, for
// the compose files no call names, one project per folder.
type projectFinder struct {
	snap     *Snapshot
	byKind   map[Kind][]*File
	projects []*Project
	links    []position.URI // files that includes and -f values name, which are compose files
}

// findProjects returns the projects of snap in the order Projects lists
// them, and the files that includes and Makefile -f values link as compose
// files, with repeats.
func findProjects(snap *Snapshot, byKind map[Kind][]*File) ([]*Project, []position.URI) {
	pf := &projectFinder{snap: snap, byKind: byKind}
	claimed := map[position.URI]bool{}
	included := pf.includedFiles()
	pf.addMakefileProjects(claimed)
	pf.addFolderProjects(claimed, included)
	for _, p := range pf.projects {
		p.ComposeFiles = withIncludes(snap, p.ComposeFiles)
		if p.Name == "" {
			p.Name = projectName(snap, p)
		}
		if env := filepath.Join(p.Dir, ".env"); snap.pathExists(env) {
			p.EnvFiles = appendURI([]position.URI{position.URIFromPath(env)}, p.EnvFiles...)
		}
	}
	return pf.projects, pf.links
}

// key returns a string that is the same for two projects exactly when
// their name, folder, Makefile, compose files and env files are.
func (p *Project) key() string {
	var b strings.Builder
	for _, part := range []string{p.Name, p.Dir, string(p.Makefile), joinURIs(p.ComposeFiles), joinURIs(p.EnvFiles)} {
		b.WriteString(part)
		b.WriteByte(0)
	}
	return b.String()
}

// addMakefileProjects adds one project per distinct list of compose files
// that the Makefiles' docker compose calls read.
func (pf *projectFinder) addMakefileProjects(claimed map[position.URI]bool) {
	byFiles := map[string]*Project{}
	for _, mf := range pf.byKind[KindMakefile] {
		model := mf.Makefile()
		if model == nil {
			continue
		}
		for _, call := range model.ComposeCalls {
			files, dir := callFiles(pf.snap, mf.URI, call)
			if len(files) == 0 {
				continue
			}
			key := joinURIs(files)
			p := byFiles[key]
			if p == nil {
				p = &Project{Dir: dir, ComposeFiles: files, Makefile: mf.URI}
				byFiles[key] = p
				pf.projects = append(pf.projects, p)
			}
			if call.Project != nil && !strings.ContainsAny(call.Project.Text, "$`") {
				p.Name = call.Project.Text
			}
			for _, word := range call.EnvFiles {
				if path := CallPath(mf.URI, call, word); path != "" {
					p.EnvFiles = appendURI(p.EnvFiles, position.URIFromPath(path))
				}
			}
			for _, uri := range files {
				claimed[uri] = true
				pf.links = append(pf.links, uri)
			}
		}
	}
}

// callFiles returns the compose files that a docker compose call reads and
// the project folder: each -f file, or the default file of the folder the
// call runs in. It returns nil when a -f value holds a variable that the
// Makefile does not set.
func callFiles(s *Snapshot, makefileURI position.URI, call *makefile.ComposeCall) ([]position.URI, string) {
	var files []position.URI
	for _, word := range call.Files {
		path := CallPath(makefileURI, call, word)
		if path == "" {
			return nil, ""
		}
		files = appendURI(files, position.URIFromPath(path))
	}
	runDir := filepath.Join(makefileURI.Dir(), filepath.FromSlash(call.Dir))
	if len(files) == 0 {
		files = defaultComposeFiles(s, runDir)
	}
	if len(files) == 0 {
		return nil, ""
	}
	dir := files[0].Dir()
	if call.ProjectDir != nil && !strings.ContainsAny(call.ProjectDir.Text, "$`") {
		dir = call.ProjectDir.Text
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(runDir, filepath.FromSlash(dir))
		}
	}
	return files, dir
}

// defaultComposeFiles returns the compose file docker compose reads in dir
// when no -f is given, and its override file, or nil.
func defaultComposeFiles(s *Snapshot, dir string) []position.URI {
	for _, name := range defaultComposeNames {
		path := filepath.Join(dir, name)
		if !s.pathExists(path) {
			continue
		}
		files := []position.URI{position.URIFromPath(path)}
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		for _, ext := range []string{".yaml", ".yml"} {
			if override := filepath.Join(dir, stem+".override"+ext); s.pathExists(override) {
				files = append(files, position.URIFromPath(override))
				break
			}
		}
		return files
	}
	return nil
}

// addFolderProjects adds, for each folder, a project of the compose files
// there that no Makefile call names and no other compose file includes.
func (pf *projectFinder) addFolderProjects(claimed, included map[position.URI]bool) {
	byDir := map[string]*Project{}
	for _, f := range pf.byKind[KindCompose] {
		if claimed[f.URI] || included[f.URI] {
			continue
		}
		dir := f.Dir()
		p := byDir[dir]
		if p == nil {
			p = &Project{Dir: dir}
			byDir[dir] = p
			pf.projects = append(pf.projects, p)
		}
		p.ComposeFiles = append(p.ComposeFiles, f.URI)
	}
	for _, p := range byDir {
		sort.SliceStable(p.ComposeFiles, func(i, j int) bool {
			return composeFileRank(p.ComposeFiles[i].Base()) < composeFileRank(p.ComposeFiles[j].Base())
		})
	}
}

// composeFileRank orders the compose files of a folder as docker compose
// reads them: a default file first, then its override, then the others.
func composeFileRank(base string) int {
	for i, name := range defaultComposeNames {
		if base == name {
			return i
		}
	}
	if strings.Contains(base, ".override.") {
		return len(defaultComposeNames)
	}
	return len(defaultComposeNames) + 1
}

// includedFiles returns the compose files that another compose file names
// in "include", and links them as compose files.
func (pf *projectFinder) includedFiles() map[position.URI]bool {
	included := map[position.URI]bool{}
	for _, f := range pf.byKind[KindCompose] {
		for _, inc := range f.Compose().Includes {
			if uri, ok := relativeURI(f.Dir(), inc.Value); ok && uri != f.URI {
				included[uri] = true
				pf.links = append(pf.links, uri)
			}
		}
	}
	return included
}

// withIncludes returns files with the files each one includes after it,
// at any depth, each once.
func withIncludes(s *Snapshot, files []position.URI) []position.URI {
	var out []position.URI
	seen := map[position.URI]bool{}
	var visit func(uri position.URI)
	visit = func(uri position.URI) {
		if seen[uri] {
			return
		}
		seen[uri] = true
		out = append(out, uri)
		f := s.File(uri)
		if f == nil || f.Compose() == nil {
			return
		}
		for _, inc := range f.Compose().Includes {
			if incURI, ok := relativeURI(uri.Dir(), inc.Value); ok {
				visit(incURI)
			}
		}
	}
	for _, uri := range files {
		visit(uri)
	}
	return out
}

// projectName returns the name compose gives a project without -p: the
// first compose file's top-level "name", else the folder's base name in
// lower case.
func projectName(s *Snapshot, p *Project) string {
	if len(p.ComposeFiles) > 0 {
		if f := s.File(p.ComposeFiles[0]); f != nil && f.Compose() != nil && f.Compose().Name != nil {
			return f.Compose().Name.Value
		}
	}
	return strings.ToLower(filepath.Base(p.Dir))
}
