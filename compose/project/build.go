package project

import (
	"path/filepath"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Build is where a service's build section points.
type Build struct {
	Context    string       // OS path of the build context; "" when remote or unknown
	Dockerfile position.URI // the Dockerfile; "" when unknown or inline
}

// BuildOf returns where the build section of svc, defined in the compose
// file at uri, points, with "${...}" in paths resolved by lookup. It
// returns nil when svc has no build section.
func BuildOf(uri position.URI, svc *compose.Service, lookup func(string) (string, bool)) *Build {
	if svc.Build == nil {
		return nil
	}
	b := &Build{}
	contextPath := "."
	if svc.Build.Context != nil {
		contextPath = svc.Build.Context.Value
	}
	contextPath = substitutePath(contextPath, lookup)
	b.Context = ResolvePath(uri, contextPath)
	if b.Context == "" || compose.Lookup(svc.Node, "build") != nil && compose.Lookup(compose.Lookup(svc.Node, "build"), "dockerfile_inline") != nil {
		return b
	}
	name := "Dockerfile"
	if svc.Build.Dockerfile != nil {
		name = substitutePath(svc.Build.Dockerfile.Value, lookup)
	}
	if name == "" {
		return b
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(b.Context, filepath.FromSlash(name))
	}
	b.Dockerfile = position.URIFromPath(name)
	return b
}

// substitutePath interpolates a path, or returns it unchanged when it
// cannot be fully resolved (ResolvePath then rejects it).
func substitutePath(path string, lookup func(string) (string, bool)) string {
	if lookup == nil {
		return path
	}
	out, ok := Substitute(path, lookup)
	if !ok {
		return path
	}
	return out
}

// LoadDockerfile returns the Dockerfile model at uri, from the Snapshot or
// from disk, or nil when it does not exist.
func LoadDockerfile(snap *workspace.Snapshot, uri position.URI) *dockerfile.File {
	if f := snap.File(uri); f != nil {
		if model := f.Dockerfile(); model != nil {
			return model
		}
		return cachedParse(uri, f.Content, dockerfile.Parse)
	}
	content, ok := readDisk(uri)
	if !ok {
		return nil
	}
	return cachedParse(uri, content, dockerfile.Parse)
}
