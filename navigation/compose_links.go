package navigation

import (
	"context"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// links returns the document links of a compose file: the files that
// include, extends, env_file, build (its Dockerfile), secrets and configs
// name, when they exist, and the registry page of each image.
func (composeProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	model := f.Compose()
	proj := project.Of(snap, f.URI)
	if model == nil || proj == nil {
		return nil, nil
	}
	l := &linker{snap: snap, file: f, model: model, proj: proj}
	for _, inc := range model.Includes {
		l.linkFile(inc, "included compose file")
	}
	for _, svc := range model.Services {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		l.service(svc)
	}
	for _, r := range append(append([]*compose.Resource(nil), model.Secrets...), model.Configs...) {
		if r.File != nil {
			l.linkFile(r.File, "file of "+r.Name)
		}
	}
	return l.links, nil
}

type linker struct {
	snap  *workspace.Snapshot
	file  *workspace.File
	model *compose.File
	proj  *project.Project
	links []Link
}

func (l *linker) service(svc *compose.Service) {
	if svc.Image != nil {
		l.image(svc.Image)
	}
	for _, env := range svc.EnvFiles {
		l.linkFile(env, "env file")
	}
	if svc.Extends != nil && svc.Extends.File != nil {
		l.linkFile(svc.Extends.File, "extended compose file")
	}
	if svc.Build == nil {
		return
	}
	b := project.BuildOf(l.file.URI, svc, l.proj.LookupFunc())
	if b == nil || b.Dockerfile == "" || !project.Exists(l.snap, b.Dockerfile.Path()) {
		return
	}
	if svc.Build.Context != nil {
		l.add(svc.Build.Context, string(b.Dockerfile), "Dockerfile of the build context")
	}
	if svc.Build.Dockerfile != nil {
		l.add(svc.Build.Dockerfile, string(b.Dockerfile), "Dockerfile")
	}
}

// linkFile links a path written in the compose file to that file, when it
// exists.
func (l *linker) linkFile(s *compose.Scalar, tooltip string) {
	value, ok := project.Substitute(s.Value, l.proj.LookupFunc())
	if !ok {
		return
	}
	path := project.ResolvePath(l.file.URI, value)
	if path == "" || !project.Exists(l.snap, path) {
		return
	}
	l.add(s, string(position.URIFromPath(path)), tooltip)
}

// image links an image reference to its registry page. A reference with a
// variable is linked only when the variable resolves.
func (l *linker) image(s *compose.Scalar) {
	value, ok := project.Substitute(s.Value, l.proj.LookupFunc())
	if !ok {
		return
	}
	img, ok := compose.ParseImage(value)
	if !ok || img.WebURL() == "" {
		return
	}
	span := unquoted(l.model.Content, s.Span)
	if value == s.Value && img.RepositoryLen <= span.Len() {
		span.End = span.Start + img.RepositoryLen
	}
	l.links = append(l.links, Link{Span: span, Target: img.WebURL(), Tooltip: "registry page of " + img.Repository})
}

func (l *linker) add(s *compose.Scalar, target, tooltip string) {
	l.links = append(l.links, Link{Span: unquoted(l.model.Content, s.Span), Target: target, Tooltip: tooltip})
}

// unquoted returns span without the quotes of a quoted scalar.
func unquoted(content []byte, span position.Span) position.Span {
	if span.Len() >= 2 {
		first, last := content[span.Start], content[span.End-1]
		if (first == '"' || first == '\'') && last == first {
			return position.Span{Start: span.Start + 1, End: span.End - 1}
		}
	}
	return span
}
