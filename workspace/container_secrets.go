package workspace

import (
	"path"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// SecretsDir is the folder where compose mounts a service's secrets.
const SecretsDir = "/run/secrets/"

// addSecrets records the secrets of every definition of the service, with
// their top-level declarations in the project's compose files.
func (c *Container) addSecrets(snap *Snapshot) {
	for _, def := range c.Defs {
		f := snap.File(def.URI)
		if f == nil || f.Compose() == nil {
			continue
		}
		model := f.Compose()
		for _, item := range compose.Items(compose.Lookup(def.Service.Node, "secrets")) {
			s := secretEntry(model, item)
			if s == nil {
				continue
			}
			s.Use.URI = def.URI
			s.Decl, s.File = c.secretDecl(snap, s.Name)
			c.Secrets = append(c.Secrets, s)
		}
	}
}

// secretEntry reads one entry of a service's secrets: "NAME", or a
// mapping with "source" and an optional "target", which is a file name
// under /run/secrets or an absolute path.
func secretEntry(model *compose.File, item *yaml.Node) *Secret {
	node, target := item, ""
	if item.Kind == yaml.MappingNode {
		node = compose.Lookup(item, "source")
		if t := compose.Lookup(item, "target"); t != nil && t.Kind == yaml.ScalarNode {
			target = t.Value
		}
	}
	if node == nil || node.Kind != yaml.ScalarNode || node.Value == "" {
		return nil
	}
	s := &Secret{Name: node.Value, Path: SecretsDir + node.Value, Use: position.Location{Span: model.NodeSpan(node)}}
	switch {
	case strings.HasPrefix(target, "/"):
		s.Path = path.Clean(target)
	case target != "":
		s.Path = SecretsDir + target
	}
	return s
}

// secretDecl returns the key of the top-level secret called name in the
// project's compose files, and its "file", the last file winning.
func (c *Container) secretDecl(snap *Snapshot, name string) (*position.Location, position.URI) {
	var decl *position.Location
	var file position.URI
	for _, uri := range c.Project.ComposeFiles {
		f := snap.File(uri)
		if f == nil || f.Compose() == nil {
			continue
		}
		for _, r := range f.Compose().Secrets {
			if r.Name != name {
				continue
			}
			decl = &position.Location{URI: uri, Span: r.KeySpan}
			file = ""
			if r.File != nil {
				if u, ok := relativeURI(uri.Dir(), r.File.Value); ok {
					file = u
				}
			}
		}
	}
	return decl, file
}

// SecretRef is a path under /run/secrets in a script or config file.
type SecretRef struct {
	Name string        // the file name after /run/secrets/
	Span position.Span // the name only
	Path string        // the whole path
}

// SecretRefs returns every "/run/secrets/NAME" in content, in order. The
// name is the run of letters, digits, ".", "_" and "-" after the folder.
// A path that stops at the folder, or has a variable there, is left out.
func SecretRefs(content []byte) []SecretRef {
	var refs []SecretRef
	text := string(content)
	for from := 0; ; {
		i := strings.Index(text[from:], SecretsDir)
		if i < 0 {
			return refs
		}
		start := from + i + len(SecretsDir)
		end := start
		for end < len(text) && isSecretNameByte(text[end]) {
			end++
		}
		for end > start && text[end-1] == '.' {
			end-- // a sentence's full stop
		}
		if end > start {
			refs = append(refs, SecretRef{Name: text[start:end], Span: position.Span{Start: start, End: end}, Path: SecretsDir + text[start:end]})
		}
		from = max(end, start)
	}
}

func isSecretNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '.' || b == '_' || b == '-'
}

// SecretRefAt returns the secret path whose name holds offset in content,
// or nil.
func SecretRefAt(content []byte, offset int) *SecretRef {
	for _, ref := range SecretRefs(content) {
		if ref.Span.Contains(offset) {
			return &ref
		}
	}
	return nil
}
