package workspace

import (
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/position"
)

// addServices records the services of a project's compose files and the
// host names of each on the project's networks.
func (ix *Index) addServices(s *Snapshot, p *Project) {
	for _, uri := range p.ComposeFiles {
		ix.fileProjects[uri] = appendProject(ix.fileProjects[uri], p)
		f := s.File(uri)
		if f == nil || f.Compose() == nil {
			continue // not read yet: settle links it, then the index is rebuilt
		}
		for _, svc := range f.Compose().Services {
			key := defKey{uri: uri, start: svc.KeySpan.Start}
			def := ix.defs[key]
			if def == nil {
				def = &ServiceDef{URI: uri, Service: svc, Project: p}
				ix.defs[key] = def
				ix.addDef(def)
			}
			p.Services = append(p.Services, def)
		}
	}
}

// addDef records a new definition under its key and its host names, and
// links its env files.
func (ix *Index) addDef(def *ServiceDef) {
	svc := def.Service
	ix.services[svc.Name] = append(ix.services[svc.Name], def)
	ix.addName(svc.Name, def)
	if svc.ContainerName != nil {
		ix.addName(svc.ContainerName.Value, def)
	}
	if svc.Hostname != nil {
		ix.addName(svc.Hostname.Value, def)
	}
	for _, alias := range svc.Aliases {
		ix.addName(alias.Value, def)
	}
	for _, env := range svc.EnvFiles {
		if uri, ok := relativeURI(def.URI.Dir(), env.Value); ok {
			def.EnvFiles = append(def.EnvFiles, uri)
			ix.link(uri, KindDotEnv)
			ix.fileProjects[uri] = appendProject(ix.fileProjects[uri], def.Project)
		}
	}
}

// addName records name as a host name of def, once.
func (ix *Index) addName(name string, def *ServiceDef) {
	if name == "" || strings.ContainsAny(name, "${}") {
		return
	}
	for _, d := range ix.names[name] {
		if d == def {
			return
		}
	}
	ix.names[name] = append(ix.names[name], def)
}

// relativeURI returns the URI of path, relative to dir unless absolute;
// false for an empty path, a URL or a path that holds a variable.
func relativeURI(dir, path string) (position.URI, bool) {
	if path == "" || strings.Contains(path, "://") || strings.ContainsAny(path, "${}`") {
		return "", false
	}
	if strings.HasPrefix(path, "~") {
		return "", false // TODO: resolve the home folder of the user who runs compose
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, filepath.FromSlash(path))
	}
	return position.URIFromPath(path), true
}

// appendURI appends each of uris that list does not hold yet.
func appendURI(list []position.URI, uris ...position.URI) []position.URI {
	for _, uri := range uris {
		found := false
		for _, have := range list {
			if have == uri {
				found = true
				break
			}
		}
		if !found {
			list = append(list, uri)
		}
	}
	return list
}

func appendProject(list []*Project, p *Project) []*Project {
	for _, have := range list {
		if have == p {
			return list
		}
	}
	return append(list, p)
}

func appendDef(list []*ServiceDef, def *ServiceDef) []*ServiceDef {
	for _, have := range list {
		if have == def {
			return list
		}
	}
	return append(list, def)
}

func joinURIs(uris []position.URI) string {
	parts := make([]string, len(uris))
	for i, uri := range uris {
		parts[i] = string(uri)
	}
	return strings.Join(parts, "\n")
}

// pathExists reports whether a regular file exists at path: in the
// Snapshot, in the workspace folders' file list or, outside the folders,
// on disk.
func (s *Snapshot) pathExists(path string) bool {
	if s.File(position.URIFromPath(path)) != nil || s.tree.has(path) {
		return true
	}
	if s.insideFolders(path) {
		return false
	}
	return regularFileExists(path)
}

// InsideFolders reports whether the OS path lies in a workspace folder.
func (s *Snapshot) InsideFolders(path string) bool { return s.insideFolders(path) }

// insideFolders reports whether path lies in a workspace folder.
func (s *Snapshot) insideFolders(path string) bool {
	for _, folder := range s.folders {
		if rel, err := filepath.Rel(folder, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
