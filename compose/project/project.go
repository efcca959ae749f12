// Package project finds the compose files that docker compose reads
// together with a given compose file, and the variables it interpolates
// them with.
//
// The files of a project are the file itself, the compose files next to it
// (compose.yaml with its override files), the files they include, the
// files that include it, and the files a Makefile passes with -f in the
// same docker compose call. Variables come from the --env-file files of
// such a call, or else from the ".env" next to the file, then from the
// environment of the server process.
package project

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/dotenv"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Roles of a File in its Project.
const (
	RoleMain     = "main"     // the file the Project was built for
	RoleSibling  = "sibling"  // a compose file in the same folder
	RoleInclude  = "include"  // named by an "include" entry
	RoleIncluder = "includer" // includes another file of the project
	RoleMakefile = "makefile" // passed with -f next to the main file
)

// File is one compose file of a Project.
type File struct {
	URI     position.URI
	Compose *compose.File
	Role    string // one of the Role constants
}

// Project is the set of compose files read together with one file.
type Project struct {
	Snapshot *workspace.Snapshot
	Files    []*File // the main file first
	// EnvFiles are the files variables come from, highest precedence first.
	EnvFiles []*EnvFile
	byURI    map[position.URI]*File

	servicesOnce sync.Once
	services     map[string][]ServiceDef // by name, built on first use by Services

	substMu     sync.Mutex
	substituted map[string]substitution // Substitute results, by value; guarded by substMu
}

// EnvFile is a .env file of a Project.
type EnvFile struct {
	URI    position.URI
	DotEnv *dotenv.File
}

// Of returns the Project of the compose file at uri, or nil when neither
// the Snapshot nor the disk has it. A file the Snapshot does not hold as a
// compose file, such as an extends target named base.yaml, is read from
// disk.
func Of(snap *workspace.Snapshot, uri position.URI) *Project {
	p, _ := snap.Memo(projectKey{uri}, func() any { return build(snap, uri) }).(*Project)
	return p
}

// projectKey is the Snapshot memo key of the Project of a compose file.
type projectKey struct{ uri position.URI }

// build returns the Project that Of returns, computed anew.
func build(snap *workspace.Snapshot, uri position.URI) *Project {
	model := Load(snap, uri)
	if model == nil {
		return nil
	}
	p := &Project{Snapshot: snap, byURI: map[position.URI]*File{}}
	p.add(uri, model, RoleMain)
	envFiles := p.addMakefilePartners(uri)
	p.addSiblings(uri)
	for i := 0; i < len(p.Files); i++ {
		p.addIncludes(p.Files[i])
		p.addIncluders(p.Files[i])
	}
	p.setEnvFiles(uri, envFiles)
	return p
}

func (p *Project) add(uri position.URI, model *compose.File, role string) *File {
	if f, ok := p.byURI[uri]; ok || model == nil {
		return f
	}
	f := &File{URI: uri, Compose: model, Role: role}
	p.byURI[uri] = f
	p.Files = append(p.Files, f)
	return f
}

// File returns the project file at uri, or nil.
func (p *Project) File(uri position.URI) *File { return p.byURI[uri] }

// addSiblings adds the compose files in the folder of uri.
func (p *Project) addSiblings(uri position.URI) {
	for _, f := range p.Snapshot.FilesInDir(workspace.KindCompose, uri.Dir()) {
		p.add(f.URI, f.Compose(), RoleSibling)
	}
}

// addIncludes adds the files that f includes.
func (p *Project) addIncludes(f *File) {
	for _, inc := range f.Compose.Includes {
		target := ResolvePath(f.URI, inc.Value)
		if target == "" {
			continue
		}
		targetURI := position.URIFromPath(target)
		p.add(targetURI, Load(p.Snapshot, targetURI), RoleInclude)
	}
}

// addIncluders adds the compose files of the Snapshot that include f, and
// the files next to them.
func (p *Project) addIncluders(f *File) {
	for _, other := range p.Snapshot.FilesOfKind(workspace.KindCompose) {
		if other.URI == f.URI || p.byURI[other.URI] != nil {
			continue
		}
		for _, inc := range other.Compose().Includes {
			if target := ResolvePath(other.URI, inc.Value); target != "" && position.URIFromPath(target) == f.URI {
				p.add(other.URI, other.Compose(), RoleIncluder)
				p.addSiblings(other.URI)
				break
			}
		}
	}
}

// addMakefilePartners adds the files that a docker compose call of a
// Makefile reads together with uri, and returns the --env-file paths of
// those calls.
func (p *Project) addMakefilePartners(uri position.URI) []string {
	var envFiles []string
	for _, mk := range p.Snapshot.FilesOfKind(workspace.KindMakefile) {
		model := mk.Makefile()
		if model == nil {
			continue
		}
		for _, call := range model.ComposeCalls {
			files := p.Snapshot.CallComposeFiles(mk.URI, call)
			if !containsURI(files, uri) {
				continue
			}
			for _, cf := range files {
				p.add(cf.URI, cf.Compose, RoleMakefile)
			}
			for _, word := range call.EnvFiles {
				if path := workspace.CallPath(mk.URI, call, word); path != "" {
					envFiles = append(envFiles, path)
				}
			}
		}
	}
	return envFiles
}

func containsURI(files []*workspace.CallComposeFile, uri position.URI) bool {
	for _, cf := range files {
		if cf.URI == uri {
			return true
		}
	}
	return false
}

// setEnvFiles records the .env files of the project, highest precedence
// first. A root file reads the Makefile's --env-file files when there are
// some (the last one wins, as in compose), else the ".env" next to it. A
// file that another file includes reads its includer's variables first,
// then the ".env" next to itself for the names they lack, as compose-go
// merges the environment of an include.
func (p *Project) setEnvFiles(uri position.URI, fromMakefile []string) {
	includers := p.includersOf(uri)
	var paths []string
	switch {
	case len(fromMakefile) > 0:
		for i := len(fromMakefile) - 1; i >= 0; i-- {
			paths = append(paths, fromMakefile[i])
		}
	case len(includers) > 0:
		for _, f := range includers {
			paths = append(paths, filepath.Join(f.URI.Dir(), ".env"))
		}
	}
	if len(paths) == 0 || len(includers) > 0 {
		paths = append(paths, filepath.Join(uri.Dir(), ".env"))
	}
	seen := map[position.URI]bool{}
	for _, path := range paths {
		envURI := position.URIFromPath(path)
		if seen[envURI] {
			continue
		}
		seen[envURI] = true
		if model := LoadDotEnv(p.Snapshot, envURI); model != nil {
			p.EnvFiles = append(p.EnvFiles, &EnvFile{URI: envURI, DotEnv: model})
		}
	}
}

// includersOf returns the files of the project that include uri.
func (p *Project) includersOf(uri position.URI) []*File {
	var out []*File
	for _, f := range p.Files {
		for _, inc := range f.Compose.Includes {
			if target := ResolvePath(f.URI, inc.Value); f.URI != uri && target != "" && position.URIFromPath(target) == uri {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// ResolvePath returns the OS path that a path written in the compose file
// at uri names: relative paths start at the file's folder. It returns ""
// for a path that holds a variable or is a URL.
func ResolvePath(uri position.URI, written string) string {
	if containsAny(written, "$") {
		return ""
	}
	return ResolveSubstitutedPath(uri, written)
}

// ResolveSubstitutedPath is ResolvePath for a path that interpolation has
// already substituted, in which a "$" is a literal character.
func ResolveSubstitutedPath(uri position.URI, written string) string {
	if written == "" || isRemote(written) {
		return ""
	}
	if filepath.IsAbs(written) {
		return filepath.Clean(written)
	}
	if len(written) > 1 && written[0] == '~' && written[1] == '/' {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		return filepath.Join(home, written[2:])
	}
	return filepath.Join(uri.Dir(), filepath.FromSlash(written))
}

func containsAny(s, chars string) bool {
	for i := 0; i < len(s); i++ {
		for j := 0; j < len(chars); j++ {
			if s[i] == chars[j] {
				return true
			}
		}
	}
	return false
}

// isRemote reports whether a path is a remote resource that compose
// fetches, such as a git URL or an OCI artifact.
func isRemote(path string) bool {
	for _, prefix := range []string{"http://", "https://", "git@", "git://", "oci://", "ssh://"} {
		if len(path) >= len(prefix) && path[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}
