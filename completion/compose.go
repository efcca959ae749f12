package completion

import (
	"context"
	"strings"
	"sync"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/compose/schema"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeCompletion returns the completion proposals at offset in a
// compose file: variables inside "${", keys the schema allows at the
// cursor's path, and values: enum values, service, network, volume,
// secret and config names, Dockerfile stages and build arguments.
func composeCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	proj := project.Of(snap, f.URI)
	if proj == nil {
		return nil, nil
	}
	content := f.Content
	if list := variableCompletion(proj, content, offset); list != nil {
		return list, nil
	}
	cc := readComposeContext(content, offset)
	if strings.HasPrefix(strings.TrimSpace(cc.prefix), "#") || ctx.Err() != nil {
		return nil, nil
	}
	c := &composeCompleter{snap: snap, file: f, proj: proj, cc: cc}
	if cc.key == "" && !cc.item {
		if items := c.keyNames(cc.path); items != nil {
			return &List{Items: items}, nil
		}
		return &List{Items: c.keys(cc.path)}, nil
	}
	return &List{Items: c.values()}, nil
}

type composeCompleter struct {
	snap *workspace.Snapshot
	file *workspace.File
	proj *project.Project
	cc   *composeContext
}

// keys proposes the properties the schema allows in the mapping at path,
// leaving out those already written.
func (c *composeCompleter) keys(path []string) []*Item {
	var items []*Item
	for _, k := range keyProposalsAt(path) {
		if c.cc.siblings[k.prop.Name] {
			continue
		}
		items = append(items, &Item{
			Label:         k.prop.Name,
			Kind:          KindProperty,
			Detail:        k.detail,
			Documentation: k.documentation,
			Edit:          &position.TextEdit{Span: c.cc.word, NewText: c.keyText(k.prop)},
		})
	}
	return items
}

// keyProposal is the part of a key's completion item that depends only on
// the path of the mapping it goes in.
type keyProposal struct {
	prop          schema.Property
	detail        string
	documentation string
}

// maxKeyProposalPaths bounds the paths whose key proposals are kept. The
// paths contain service and resource names, so they are not a fixed set;
// the cache is emptied when it is full.
const maxKeyProposalPaths = 512

var (
	keyProposalsMu sync.Mutex
	keyProposals   = map[string][]keyProposal{} // by path, joined with NUL; guarded by keyProposalsMu
)

// keyProposalsAt returns the properties the schema allows in the mapping
// at path, with their detail and documentation, computing them once per
// path: the schema walk and the documentation text cost more than the
// rest of a completion.
func keyProposalsAt(path []string) []keyProposal {
	key := strings.Join(path, "\x00")
	keyProposalsMu.Lock()
	cached, ok := keyProposals[key]
	keyProposalsMu.Unlock()
	if ok {
		return cached
	}
	var out []keyProposal
	if node := schema.At(path); !node.Empty() {
		for _, p := range node.Properties() {
			out = append(out, keyProposal{
				prop:          p,
				detail:        schema.TypeNames(p.Types),
				documentation: p.Description + "\n\n[Compose reference](" + schema.DocURL(append(append([]string(nil), path...), p.Name)) + ")",
			})
		}
	}
	keyProposalsMu.Lock()
	defer keyProposalsMu.Unlock()
	if len(keyProposals) >= maxKeyProposalPaths {
		keyProposals = map[string][]keyProposal{}
	}
	keyProposals[key] = out
	return out
}

// keyText returns the text that a key completion inserts: the key and
// ": ", or a line break and deeper indentation for a mapping or a list.
func (c *composeCompleter) keyText(p schema.Property) string {
	indent := strings.Repeat(" ", c.cc.indent+2)
	switch {
	case len(p.Types) == 1 && p.Types[0] == "object":
		return p.Name + ":\n" + indent
	case len(p.Types) == 1 && p.Types[0] == "array":
		return p.Name + ":\n" + indent + "- "
	}
	return p.Name + ": "
}

// values proposes values for the key or list item at the cursor.
func (c *composeCompleter) values() []*Item {
	path := append([]string(nil), c.cc.path...)
	if c.cc.key != "" {
		path = append(path, c.cc.key)
	}
	if items := c.names(path); items != nil {
		return items
	}
	node := schema.At(path)
	var items []*Item
	for _, v := range schema.AllowedValues(schemaKeyPath(path), node) {
		items = append(items, c.valueItem(v, KindEnum, ""))
	}
	if items == nil {
		for _, t := range node.Types() {
			if t == "boolean" {
				items = append(items, c.valueItem("true", KindValue, ""), c.valueItem("false", KindValue, ""))
			}
		}
	}
	return items
}

// schemaKeyPath drops a final "[]" so that a list item's values are those
// of the list's key.
func schemaKeyPath(path []string) []string {
	for len(path) > 0 && path[len(path)-1] == "[]" {
		path = path[:len(path)-1]
	}
	return path
}

func (c *composeCompleter) valueItem(label string, kind ItemKind, detail string) *Item {
	return &Item{Label: label, Kind: kind, Detail: detail, Edit: &position.TextEdit{Span: c.cc.word, NewText: label}}
}

// currentService returns the name of the service that holds the cursor,
// or "".
func (c *composeCompleter) currentService() string {
	if len(c.cc.path) >= 2 && c.cc.path[0] == "services" {
		return c.cc.path[1]
	}
	return ""
}

// serviceItems proposes the project's services, or those of another file
// for an extends that names one, leaving out the service being edited.
func (c *composeCompleter) serviceItems(names []string) []*Item {
	items := []*Item{}
	self := c.currentService()
	for _, name := range names {
		if name != self {
			items = append(items, c.valueItem(name, KindReference, "service"))
		}
	}
	return items
}

// extendsFileServices returns the services of the file that the extends
// section around the cursor names, or nil when it names none.
func (c *composeCompleter) extendsFileServices() []string {
	model := c.file.Compose()
	svc := c.currentService()
	for _, s := range model.Services {
		if s.Name != svc || s.Extends == nil || s.Extends.File == nil {
			continue
		}
		path := project.ResolvePath(c.file.URI, s.Extends.File.Value)
		if path == "" {
			return []string{}
		}
		target := project.Load(c.snap, position.URIFromPath(path))
		if target == nil {
			return []string{}
		}
		var names []string
		for _, t := range target.Services {
			names = append(names, t.Name)
		}
		return names
	}
	return nil
}

// resourceItems proposes the names of the project's resources of a kind.
func (c *composeCompleter) resourceItems(kind, detail, suffix string) []*Item {
	items := []*Item{}
	for _, name := range c.proj.ResourceNames(kind) {
		item := c.valueItem(name, KindReference, detail)
		item.Edit.NewText = name + suffix
		items = append(items, item)
	}
	return items
}

// serviceModel returns the service being edited in the parsed file, or nil.
func (c *composeCompleter) serviceModel() *compose.Service {
	name := c.currentService()
	for _, s := range c.file.Compose().Services {
		if s.Name == name {
			return s
		}
	}
	return nil
}
