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

// addProjects finds the compose projects: those that Makefile calls of
// docker compose name, then, for the compose files no call names, one
// project per folder.
func (ix *Index) addProjects(s *Snapshot) {
	claimed := map[position.URI]bool{}
	included := ix.includedFiles(s)
	ix.addMakefileProjects(s, claimed)
	ix.addFolderProjects(s, claimed, included)
	for _, p := range ix.projects {
		p.ComposeFiles = ix.withIncludes(s, p.ComposeFiles)
		if p.Name == "" {
			p.Name = projectName(s, p)
		}
		if env := filepath.Join(p.Dir, ".env"); s.pathExists(env) {
			p.EnvFiles = appendURI([]position.URI{position.URIFromPath(env)}, p.EnvFiles...)
		}
		for _, env := range p.EnvFiles {
			ix.link(env, KindDotEnv)
			ix.fileProjects[env] = appendProject(ix.fileProjects[env], p)
		}
		ix.addServices(s, p)
	}
}

// addMakefileProjects adds one project per distinct list of compose files
// that the Makefiles' docker compose calls read.
func (ix *Index) addMakefileProjects(s *Snapshot, claimed map[position.URI]bool) {
	byFiles := map[string]*Project{}
	for _, mf := range ix.byKind[KindMakefile] {
		model := mf.Makefile()
		if model == nil {
			continue
		}
		for _, call := range model.ComposeCalls {
			files, dir := callFiles(s, mf.URI, call)
			if len(files) == 0 {
				continue
			}
			key := joinURIs(files)
			p := byFiles[key]
			if p == nil {
				p = &Project{Dir: dir, ComposeFiles: files, Makefile: mf.URI}
				byFiles[key] = p
				ix.projects = append(ix.projects, p)
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
				ix.link(uri, KindCompose)
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
func (ix *Index) addFolderProjects(s *Snapshot, claimed, included map[position.URI]bool) {
	byDir := map[string]*Project{}
	for _, f := range ix.byKind[KindCompose] {
		if claimed[f.URI] || included[f.URI] {
			continue
		}
		dir := f.URI.Dir()
		p := byDir[dir]
		if p == nil {
			p = &Project{Dir: dir}
			byDir[dir] = p
			ix.projects = append(ix.projects, p)
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
func (ix *Index) includedFiles(s *Snapshot) map[position.URI]bool {
	included := map[position.URI]bool{}
	for _, f := range ix.byKind[KindCompose] {
		for _, inc := range f.Compose().Includes {
			if uri, ok := relativeURI(f.URI.Dir(), inc.Value); ok && uri != f.URI {
				included[uri] = true
				ix.link(uri, KindCompose)
			}
		}
	}
	return included
}

// withIncludes returns files with the files each one includes after it,
// at any depth, each once.
func (ix *Index) withIncludes(s *Snapshot, files []position.URI) []position.URI {
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
