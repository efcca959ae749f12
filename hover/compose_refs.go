package hover

import (
	"fmt"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
	"gopkg.in/yaml.v3"
)

// maxSnippetLines bounds the YAML shown for an anchor or a resource.
const maxSnippetLines = 20

// anchorHover shows the YAML an anchor names, and where it is used.
func anchorHover(model *compose.File, a *compose.Anchor, offset int) *Result {
	span := a.Span
	for _, alias := range model.Aliases {
		if alias.Span.Contains(offset) {
			span = alias.Span
		}
	}
	uses := 0
	for _, alias := range model.Aliases {
		if model.AnchorOf(alias) == a {
			uses++
		}
	}
	md := fmt.Sprintf("**anchor `&%s`** on line %d, used by %d %s\n\n%s",
		a.Name, model.Line(a.Span.Start)+1, uses, plural(uses, "alias", "aliases"), yamlSnippet(model, model.NodeSpan(a.Node)))
	return &Result{Markdown: md, Span: span}
}

// refHover shows what a service, network, volume, secret or config name
// refers to: a service card, or the declaration of the resource.
func refHover(snap *workspace.Snapshot, proj *project.Project, f *workspace.File, ref *compose.Ref) *Result {
	if ref.Kind == compose.KindService {
		defs := projectServiceDefs(snap, proj, f, ref)
		if len(defs) == 0 {
			return &Result{Markdown: fmt.Sprintf("**service `%s`**\n\nNo compose file of the project defines it.", ref.Name), Span: ref.Span}
		}
		md := serviceCard(snap, defs)
		if ref.Definition {
			if eff := effectiveConfig(snap, proj, f.URI, ref.Name); eff != "" {
				md += "\n\n" + eff
			}
			md += chainSection(snap, snap.Index().ServiceAt(f.URI, ref.Span.Start))
		}
		return &Result{Markdown: md, Span: ref.Span}
	}
	defs := proj.Resources(ref.Kind, ref.Name)
	noun := strings.TrimSuffix(ref.Kind, "s")
	if len(defs) == 0 {
		return &Result{Markdown: fmt.Sprintf("**%s `%s`**\n\nNo compose file of the project declares it under `%s`.", noun, ref.Name, ref.Kind), Span: ref.Span}
	}
	var parts []string
	for _, def := range defs {
		model := def.File.Compose
		where := fmt.Sprintf("`%s:%d`", relativePath(snap, def.File.URI.Path()), model.Line(def.Resource.KeySpan.Start)+1)
		parts = append(parts, fmt.Sprintf("**%s `%s`** declared at %s\n\n%s", noun, ref.Name, where, yamlSnippet(model, def.Resource.Span)))
	}
	return &Result{Markdown: strings.Join(parts, "\n\n---\n\n"), Span: ref.Span}
}

// projectServiceDefs returns the index's definitions of the service ref
// names that lie in the project's files, or, for an extends that names
// another file, in that file.
func projectServiceDefs(snap *workspace.Snapshot, proj *project.Project, f *workspace.File, ref *compose.Ref) []*workspace.ServiceDef {
	files := map[position.URI]bool{}
	if ref.ExtendsFile != nil {
		if path := project.ResolvePath(f.URI, ref.ExtendsFile.Value); path != "" {
			files[position.URIFromPath(path)] = true
		}
	} else {
		for _, pf := range proj.Files {
			files[pf.URI] = true
		}
	}
	var defs []*workspace.ServiceDef
	for _, def := range snap.Index().Services(ref.Name) {
		if files[def.URI] {
			defs = append(defs, def)
		}
	}
	if len(defs) > 0 {
		return defs
	}
	// Files the index does not hold, such as an extends target with a name
	// that does not look like a compose file.
	for uri := range files {
		model := project.Load(snap, uri)
		if model == nil {
			continue
		}
		for _, svc := range model.Services {
			if svc.Name == ref.Name {
				defs = append(defs, &workspace.ServiceDef{URI: uri, Service: svc})
			}
		}
	}
	return defs
}

// effectiveConfig renders the top-level keys of a service after merge keys
// and extends are applied, when it uses either; "" otherwise.
// NOTE: extends is applied shallowly here (a local key replaces the base
// key), while compose merges lists and mappings of the two.
func effectiveConfig(snap *workspace.Snapshot, proj *project.Project, uri position.URI, name string) string {
	pf := proj.File(uri)
	if pf == nil {
		return ""
	}
	var svc *compose.Service
	for _, s := range pf.Compose.Services {
		if s.Name == name {
			svc = s
		}
	}
	if svc == nil || svc.Node == nil {
		return ""
	}
	entries := compose.Entries(svc.Node)
	merged := false
	for _, e := range entries {
		merged = merged || e.Merged
	}
	if base := extendedService(snap, uri, svc, 0); base != nil {
		entries = appendMissing(entries, compose.Entries(base.Node))
		merged = true
	}
	if !merged {
		return ""
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, e := range entries {
		if e.Key.Value == "extends" || compose.IsReset(e.Value) {
			continue
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: e.Key.Value}, e.Value)
	}
	out, err := yaml.Marshal(m)
	if err != nil {
		return ""
	}
	return "Effective configuration (merge keys and extends applied):\n\n```yaml\n" + truncateLines(string(out)) + "```"
}

// extendedService returns the service that svc extends, following
// extends chains up to a few levels, or nil.
func extendedService(snap *workspace.Snapshot, uri position.URI, svc *compose.Service, depth int) *compose.Service {
	if svc.Extends == nil || svc.Extends.Service == nil || depth > 4 {
		return nil
	}
	target := uri
	if svc.Extends.File != nil {
		path := project.ResolvePath(uri, svc.Extends.File.Value)
		if path == "" {
			return nil
		}
		target = position.URIFromPath(path)
	}
	model := project.Load(snap, target)
	if model == nil {
		return nil
	}
	for _, base := range model.Services {
		if base.Name == svc.Extends.Service.Value && base != svc {
			if deeper := extendedService(snap, target, base, depth+1); deeper != nil {
				copied := *base
				copied.Node = &yaml.Node{Kind: yaml.MappingNode}
				for _, e := range appendMissing(compose.Entries(base.Node), compose.Entries(deeper.Node)) {
					copied.Node.Content = append(copied.Node.Content, e.Key, e.Value)
				}
				return &copied
			}
			return base
		}
	}
	return nil
}

// appendMissing appends the entries of more whose keys entries lacks.
func appendMissing(entries, more []compose.Entry) []compose.Entry {
	have := map[string]bool{}
	for _, e := range entries {
		have[e.Key.Value] = true
	}
	for _, e := range more {
		if !have[e.Key.Value] {
			entries = append(entries, e)
		}
	}
	return entries
}

// imageHover describes the image reference under the cursor, with a link
// to its registry page when there is a known one.
func imageHover(model *compose.File, cur *compose.Cursor) *Result {
	path := cur.SchemaPath()
	if cur.IsKey || len(path) != 3 || path[0] != "services" || path[2] != "image" || cur.Node.Kind != yaml.ScalarNode {
		return nil
	}
	span := model.NodeSpan(cur.Node)
	img, ok := compose.ParseImage(cur.Node.Value)
	if !ok {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**image `%s`**\n\n- registry: `%s`\n- repository: `%s`", cur.Node.Value, img.Registry, img.Repository)
	if img.Tag != "" {
		fmt.Fprintf(&b, "\n- tag: `%s`", img.Tag)
	}
	if img.Digest != "" {
		fmt.Fprintf(&b, "\n- digest: `%s`", img.Digest)
	}
	if url := img.WebURL(); url != "" {
		fmt.Fprintf(&b, "\n\n[Open the registry page](%s)", url)
	}
	return &Result{Markdown: b.String(), Span: span}
}

// yamlSnippet returns the source of span as a fenced YAML block, cut to
// maxSnippetLines lines.
func yamlSnippet(model *compose.File, span position.Span) string {
	start := span.Start
	for start > 0 && model.Content[start-1] != '\n' {
		start--
	}
	text := strings.ReplaceAll(string(model.Content[start:span.End]), "\r\n", "\n")
	return "```yaml\n" + truncateLines(dedent(text)+"\n") + "```"
}

// truncateLines cuts text after maxSnippetLines lines.
func truncateLines(text string) string {
	lines := strings.SplitAfter(text, "\n")
	if len(lines) <= maxSnippetLines {
		return text
	}
	return strings.Join(lines[:maxSnippetLines], "") + "# …\n"
}

// dedent removes the indentation of the first line from every line.
func dedent(text string) string {
	indent := len(text) - len(strings.TrimLeft(text, " "))
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		n := 0
		for n < indent && n < len(line) && line[n] == ' ' {
			n++
		}
		lines[i] = line[n:]
	}
	return strings.Join(lines, "\n")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
