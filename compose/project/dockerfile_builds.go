package project

import (
	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// DockerfileBuild is a compose service whose build section uses a
// Dockerfile.
type DockerfileBuild struct {
	URI     position.URI // the compose file
	Model   *compose.File
	Service *compose.Service
	Build   *Build // Build.Dockerfile is never ""
	// Target is the value of build.target with its variables substituted;
	// "" when the build has no target, so that it builds the last stage.
	// A target that does not resolve keeps its "${...}" text.
	Target string
}

// DockerfileBuilds returns the services of the Snapshot's compose files
// that build the Dockerfile at uri, in compose file URI and source order.
func DockerfileBuilds(snap *workspace.Snapshot, uri position.URI) []*DockerfileBuild {
	var out []*DockerfileBuild
	for _, f := range snap.FilesOfKind(workspace.KindCompose) {
		model := f.Compose()
		if model == nil {
			continue
		}
		lookup := lazyLookup(snap, f.URI)
		for _, svc := range model.Services {
			if b := serviceBuild(f.URI, model, svc, lookup); b != nil && b.Build.Dockerfile == uri {
				out = append(out, b)
			}
		}
	}
	return out
}

// ServiceBuild returns the Dockerfile build of svc, a service of the
// compose file model at uri, or nil when svc builds no local Dockerfile.
func ServiceBuild(snap *workspace.Snapshot, uri position.URI, model *compose.File, svc *compose.Service) *DockerfileBuild {
	return serviceBuild(uri, model, svc, lazyLookup(snap, uri))
}

func serviceBuild(uri position.URI, model *compose.File, svc *compose.Service, lookup func(string) (string, bool)) *DockerfileBuild {
	if svc.Build == nil {
		return nil
	}
	b := BuildOf(uri, svc, lookup)
	if b == nil || b.Dockerfile == "" {
		return nil
	}
	out := &DockerfileBuild{URI: uri, Model: model, Service: svc, Build: b}
	if t := svc.Build.Target; t != nil {
		out.Target = substitutePath(t.Value, lookup)
	}
	return out
}

// lazyLookup returns the variable lookup of the project of the compose
// file at uri, which it builds on the first call only: most build
// sections have no variables.
func lazyLookup(snap *workspace.Snapshot, uri position.URI) func(string) (string, bool) {
	var proj *Project
	loaded := false
	return func(name string) (string, bool) {
		if !loaded {
			proj, loaded = Of(snap, uri), true
		}
		if proj == nil {
			return "", false
		}
		v := proj.Lookup(name)
		return v.Value, v.Set
	}
}
