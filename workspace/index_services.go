package workspace

import (
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/position"
)

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
