package workspace

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
)

// defaultComposeNames are the files docker compose reads from its working
// folder when no -f is given, in its order of preference (Compose v2).
var defaultComposeNames = []string{"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"}

// CallPath returns the OS path that a file argument of call, such as a -f
// or --env-file value, names. Make runs recipes in the Makefile's folder,
// so relative paths start there, after any "cd" of the recipe line. It
// returns "" for a word that still holds a variable or command.
func CallPath(makefileURI position.URI, call *makefile.ComposeCall, word *makefile.Word) string {
	if word == nil || word.Text == "" || strings.ContainsAny(word.Text, "$`") {
		return ""
	}
	name := word.Text
	if strings.HasPrefix(name, "~/") {
		return "" // TODO: resolve the home folder of the user who runs make
	}
	if filepath.IsAbs(name) {
		return filepath.Clean(name)
	}
	return filepath.Join(makefileURI.Dir(), filepath.FromSlash(call.Dir), filepath.FromSlash(name))
}

// CallComposeFile is one compose file that a docker compose call of a
// Makefile reads.
type CallComposeFile struct {
	URI     position.URI
	Compose *compose.File
	Word    *makefile.Word // the -f value; nil for a default file or an include
}

// CallComposeFiles returns the compose files that call reads: each -f
// file, or the default compose file of its folder when it has no -f, and
// the files these include. Files that do not exist are left out. Returns
// nil when no file can be resolved, which callers treat as "unknown".
func (s *Snapshot) CallComposeFiles(makefileURI position.URI, call *makefile.ComposeCall) []*CallComposeFile {
	var found []*CallComposeFile
	seen := map[position.URI]bool{}
	for _, word := range call.Files {
		p := CallPath(makefileURI, call, word)
		if p == "" {
			return nil // one file is unknown, so the project is too
		}
		found = s.appendComposeFile(found, seen, p, word)
	}
	if len(call.Files) == 0 {
		dir := filepath.Join(makefileURI.Dir(), filepath.FromSlash(call.Dir))
		found = s.appendDefaultComposeFiles(found, seen, dir)
	}
	return found
}

// appendDefaultComposeFiles appends the first default compose file of
// dir that exists and its override file, such as compose.override.yaml
// next to compose.yaml, as docker compose reads them without -f.
func (s *Snapshot) appendDefaultComposeFiles(found []*CallComposeFile, seen map[position.URI]bool, dir string) []*CallComposeFile {
	for _, name := range defaultComposeNames {
		n := len(found)
		found = s.appendComposeFile(found, seen, filepath.Join(dir, name), nil)
		if len(found) == n {
			continue
		}
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		for _, ext := range []string{".yaml", ".yml"} {
			m := len(found)
			found = s.appendComposeFile(found, seen, filepath.Join(dir, stem+".override"+ext), nil)
			if len(found) > m {
				break
			}
		}
		break
	}
	return found
}

// appendComposeFile appends the compose file at path and, recursively,
// the files its top-level "include" names. A missing file is skipped.
func (s *Snapshot) appendComposeFile(found []*CallComposeFile, seen map[position.URI]bool, path string, word *makefile.Word) []*CallComposeFile {
	uri := position.URIFromPath(path)
	if seen[uri] {
		return found
	}
	model := s.composeModel(uri)
	if model == nil {
		return found
	}
	seen[uri] = true
	found = append(found, &CallComposeFile{URI: uri, Compose: model, Word: word})
	for _, inc := range model.Includes {
		incPath := inc.Value
		if !filepath.IsAbs(incPath) {
			incPath = filepath.Join(filepath.Dir(path), filepath.FromSlash(incPath))
		}
		found = s.appendComposeFile(found, seen, incPath, nil)
	}
	return found
}

// composeModel returns the compose model of the file at uri: from the
// Snapshot, or read from disk when the Snapshot does not hold it because
// its name does not look like a compose file. Returns nil when it does not
// exist.
func (s *Snapshot) composeModel(uri position.URI) *compose.File {
	if f := s.File(uri); f != nil {
		if model := f.Compose(); model != nil {
			return model
		}
		return compose.Parse(f.Content)
	}
	// NOTE: this reads the disk outside the Snapshot, because discovery
	// keeps only files whose name shows their kind.
	info, err := os.Stat(uri.Path())
	if err != nil || !info.Mode().IsRegular() || info.Size() > MaxFileSize {
		return nil
	}
	content, err := os.ReadFile(uri.Path())
	if err != nil {
		return nil
	}
	return compose.Parse(content)
}

// FileExists reports whether the Snapshot holds the file at the OS path
// or the disk has it.
func (s *Snapshot) FileExists(path string) bool {
	if s.File(position.URIFromPath(path)) != nil {
		return true
	}
	_, err := os.Stat(path)
	return err == nil
}

// CallServices returns the definitions of the service called name in the
// compose files that call reads, or, when those files are unknown, in
// every compose file of the workspace. Definitions come from the Index,
// with their project and build, except in files the Index does not hold.
func (s *Snapshot) CallServices(makefileURI position.URI, call *makefile.ComposeCall, name string) []*ServiceDef {
	files := s.CallComposeFiles(makefileURI, call)
	if files == nil {
		return s.Index().Services(name)
	}
	read := map[position.URI]bool{}
	for _, cf := range files {
		read[cf.URI] = true
	}
	var defs []*ServiceDef
	indexed := map[position.URI]bool{}
	for _, def := range s.Index().Services(name) {
		if read[def.URI] {
			defs = append(defs, def)
			indexed[def.URI] = true
		}
	}
	for _, cf := range files {
		if indexed[cf.URI] {
			continue
		}
		for _, svc := range cf.Compose.Services {
			if svc.Name == name {
				defs = append(defs, &ServiceDef{URI: cf.URI, Service: svc})
			}
		}
	}
	return defs
}

// CallServiceNames returns the sorted names of the services that call can
// name: those of its compose files, or of the whole workspace when those
// files are unknown.
func (s *Snapshot) CallServiceNames(makefileURI position.URI, call *makefile.ComposeCall) []string {
	set := map[string]bool{}
	if files := s.CallComposeFiles(makefileURI, call); files != nil {
		for _, cf := range files {
			for _, svc := range cf.Compose.Services {
				set[svc.Name] = true
			}
		}
	} else {
		for _, f := range s.FilesOfKind(KindCompose) {
			for _, svc := range f.Compose().Services {
				set[svc.Name] = true
			}
		}
	}
	names := make([]string, 0, len(set))
	for name := range set {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
