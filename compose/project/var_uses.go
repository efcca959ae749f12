package project

import (
	"sort"
	"strings"

	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
	"gopkg.in/yaml.v3"
)

// ReadersOf returns the projects that interpolate their compose files with
// the .env file at uri: one per compose file of the workspace whose
// project reads it, so that two results may share files.
func ReadersOf(snap *workspace.Snapshot, uri position.URI) []*Project {
	var out []*Project
	for _, cf := range snap.FilesOfKind(workspace.KindCompose) {
		p := Of(snap, cf.URI)
		if p != nil && p.ReadsEnvFile(uri) {
			out = append(out, p)
		}
	}
	return out
}

// ReadsEnvFile reports whether the project interpolates with the .env file
// at uri.
func (p *Project) ReadsEnvFile(uri position.URI) bool {
	for _, env := range p.EnvFiles {
		if env.URI == uri {
			return true
		}
	}
	return false
}

// VarRefs returns the names of the "${name}" and "$name" references in the
// project's compose files, sorted by file and offset. A reference in a
// value whose source text differs from the value, such as a folded block
// or a double-quoted string with escapes, is left out when its Span cannot
// be mapped exactly.
func (p *Project) VarRefs(name string) []position.Location {
	var out []position.Location
	for _, pf := range p.Files {
		model := pf.Compose
		eachScalarValue(model.Root, func(n *yaml.Node) {
			if !strings.Contains(n.Value, "$") {
				return
			}
			for _, ref := range interp.All(interp.Refs(n.Value)) {
				if ref.Name != name {
					continue
				}
				if span, exact := model.SubSpan(n, ref.NameSpan.Start, ref.NameSpan.End); exact {
					out = append(out, position.Location{URI: pf.URI, Span: span})
				}
			}
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].URI != out[j].URI {
			return out[i].URI < out[j].URI
		}
		return out[i].Span.Start < out[j].Span.Start
	})
	return out
}

// eachScalarValue calls fn for every scalar under n that is not a mapping
// key.
func eachScalarValue(n *yaml.Node, fn func(*yaml.Node)) {
	if n == nil {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		fn(n)
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			eachScalarValue(n.Content[i], fn)
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, child := range n.Content {
			eachScalarValue(child, fn)
		}
	}
}
