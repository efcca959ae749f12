package navigation

import (
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
	"gopkg.in/yaml.v3"
)

// variableAt returns the name of the "${VAR}" reference at offset and the
// Span of the name, or "" when there is none.
func variableAt(model *compose.File, offset int) (string, position.Span) {
	cur := model.At(offset)
	if cur == nil || cur.IsKey || cur.Node.Kind != yaml.ScalarNode || !strings.Contains(cur.Node.Value, "$") {
		return "", position.Span{}
	}
	n := cur.Node
	whole, exact := model.SubSpan(n, 0, len(n.Value))
	refs := interp.All(interp.Refs(n.Value))
	if !exact {
		if len(refs) == 1 && !refs[0].Invalid {
			return refs[0].Name, whole // one reference: it is the one meant
		}
		return "", position.Span{}
	}
	ref := interp.At(interp.Refs(n.Value), offset-whole.Start)
	if ref == nil || ref.Invalid || ref.Name == "" {
		return "", position.Span{}
	}
	span, _ := model.SubSpan(n, ref.NameSpan.Start, ref.NameSpan.End)
	return ref.Name, span
}

// variableOccurrences returns the keys that set the variable in the
// project's .env files and its references in the project's compose files.
func (t *composeTarget) variableOccurrences() []occurrence {
	var out []occurrence
	for _, env := range t.proj.EnvFiles {
		for _, e := range env.DotEnv.Entries {
			if e.Key == t.name {
				out = append(out, occurrence{position.Location{URI: env.URI, Span: e.KeySpan}, true})
			}
		}
	}
	for _, pf := range t.proj.Files {
		model := pf.Compose
		eachScalar(model.Root, func(n *yaml.Node) {
			if !strings.Contains(n.Value, "$") {
				return
			}
			for _, ref := range interp.All(interp.Refs(n.Value)) {
				if ref.Name != t.name {
					continue
				}
				if span, exact := model.SubSpan(n, ref.NameSpan.Start, ref.NameSpan.End); exact {
					out = append(out, occurrence{position.Location{URI: pf.URI, Span: span}, false})
				}
			}
		})
	}
	sortOccurrences(out)
	return out
}

// eachScalar calls fn for every scalar value (not key) under n.
func eachScalar(n *yaml.Node, fn func(*yaml.Node)) {
	if n == nil {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		fn(n)
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			eachScalar(n.Content[i], fn)
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, child := range n.Content {
			eachScalar(child, fn)
		}
	}
}

// composeValueDefinition returns the target of a value that names a file
// or a part of a Dockerfile: include and extends files, env files, secret
// and config files, the Dockerfile of a build, its target stage and the
// ARG a build argument sets.
func composeValueDefinition(snap *workspace.Snapshot, f *workspace.File, offset int) []position.Location {
	model := f.Compose()
	cur := model.At(offset)
	if cur == nil {
		return nil
	}
	path := cur.Keys()
	if strings.HasPrefix(strings.Join(cur.SchemaPath(), "/"), "services/") && len(path) >= 3 && path[2] == "build" {
		return buildDefinition(snap, f, cur)
	}
	if cur.IsKey || cur.Node.Kind != yaml.ScalarNode {
		return nil
	}
	if !namesFile(cur.SchemaPath()) {
		return nil
	}
	proj := project.Of(snap, f.URI)
	value, ok := project.Substitute(cur.Node.Value, proj.LookupFunc())
	if !ok {
		return nil
	}
	target := project.ResolvePath(f.URI, value)
	if target == "" || !project.Exists(snap, target) {
		return nil
	}
	return []position.Location{{URI: position.URIFromPath(target)}}
}

// namesFile reports whether the value at a schema path is a file path.
func namesFile(path []string) bool {
	joined := strings.Join(path, "/")
	switch {
	case strings.HasPrefix(joined, "include/[]"):
		return !strings.HasSuffix(joined, "project_directory")
	case len(path) >= 3 && path[0] == "services" && (path[2] == "env_file" || path[2] == "label_file"):
		return len(path) == 3 || path[len(path)-1] == "[]" || path[len(path)-1] == "path"
	case len(path) == 4 && path[0] == "services" && path[2] == "extends" && path[3] == "file":
		return true
	case len(path) == 3 && (path[0] == "secrets" || path[0] == "configs") && path[2] == "file":
		return true
	}
	return false
}

// buildDefinition returns the Dockerfile, stage or ARG that a value of a
// build section names.
func buildDefinition(snap *workspace.Snapshot, f *workspace.File, cur *compose.Cursor) []position.Location {
	model := f.Compose()
	svc := serviceAt(model, cur.Path[1].Key)
	if svc == nil {
		return nil
	}
	proj := project.Of(snap, f.URI)
	b := project.BuildOf(f.URI, svc, proj.LookupFunc())
	if b == nil || b.Dockerfile == "" {
		return nil
	}
	df := project.LoadDockerfile(snap, b.Dockerfile)
	if df == nil {
		return nil
	}
	path := cur.SchemaPath()
	last := path[len(path)-1]
	switch {
	case len(path) == 4 && last == "target" && !cur.IsKey:
		for _, stage := range df.Stages {
			if strings.EqualFold(stage.Name, cur.Node.Value) {
				return []position.Location{{URI: b.Dockerfile, Span: stage.NameSpan}}
			}
		}
		return nil
	case len(path) >= 5 && path[3] == "args":
		name := cur.Node.Value
		if last == "[]" {
			name, _, _ = strings.Cut(name, "=")
		} else {
			name = path[4]
		}
		return buildArgDefinition(snap, f, svc, df, name)
	case !cur.IsKey && (len(path) == 3 || last == "context" || last == "dockerfile"):
		return []position.Location{{URI: b.Dockerfile}}
	}
	return nil
}

// serviceAt returns the service called name in model, or nil.
func serviceAt(model *compose.File, name string) *compose.Service {
	for _, svc := range model.Services {
		if svc.Name == name {
			return svc
		}
	}
	return nil
}
