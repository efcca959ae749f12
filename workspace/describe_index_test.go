package workspace

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/stackls/stackls/position"
)

// indexDescriber prints every part of an Index, and the containers built
// from it, with URIs relative to a root folder, so that two Indexes built
// differently can be compared line by line.
type indexDescriber struct {
	root  string
	lines []string
}

func (d *indexDescriber) rel(uri position.URI) string {
	return strings.TrimPrefix(string(uri), string(position.URIFromPath(d.root)))
}

func (d *indexDescriber) def(def *ServiceDef) string {
	return fmt.Sprintf("%s@%d", d.rel(def.URI), def.Service.KeySpan.Start)
}

func (d *indexDescriber) defs(defs []*ServiceDef) string {
	parts := make([]string, len(defs))
	for i, def := range defs {
		parts[i] = d.def(def)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func (d *indexDescriber) project(p *Project) string {
	if p == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%s|%s|%s", p.Name, strings.TrimPrefix(p.Dir, d.root), d.rel(p.Makefile))
}

func (d *indexDescriber) uris(uris []position.URI) string {
	parts := make([]string, len(uris))
	for i, uri := range uris {
		parts[i] = d.rel(uri)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func (d *indexDescriber) add(format string, args ...any) {
	d.lines = append(d.lines, fmt.Sprintf(format, args...))
}

// describeIndex returns the lines that describe ix, in a fixed order.
func describeIndex(root string, ix *Index) string {
	d := &indexDescriber{root: root}

	for i, p := range ix.projects {
		d.add("project %d %s compose=%s env=%s services=%s", i, d.project(p), d.uris(p.ComposeFiles), d.uris(p.EnvFiles), d.defs(p.Services))
	}
	for _, def := range ix.defList {
		d.add("def %s project=%s dockerfile=%s context=%s env=%s files=%s", d.def(def), d.project(def.Project),
			d.rel(def.Dockerfile), strings.TrimPrefix(def.Context, d.root), d.uris(def.EnvFiles), d.uris(ix.ServiceFiles(def)))
		for _, use := range ix.HostUsesOf(def) {
			d.add("  use %s@%d %s", d.rel(use.Location.URI), use.Location.Span.Start, use.Name)
		}
	}

	describeMap(d, "service", &ix.services, func(defs []*ServiceDef) string { return d.defs(defs) })
	describeMap(d, "name", &ix.names, func(defs []*ServiceDef) string { return d.defs(defs) })
	describeURIMap(d, "fileProjects", &ix.fileProjects, func(ps []*Project) string {
		parts := make([]string, len(ps))
		for i, p := range ps {
			parts[i] = d.project(p)
		}
		return strings.Join(parts, ", ")
	})
	describeURIMap(d, "contexts", &ix.contexts, func(ctxs []string) string { return strings.ReplaceAll(strings.Join(ctxs, ","), d.root, "") })
	describeURIMap(d, "images", &ix.images, func(imgs []*ImageFile) string { return d.images(imgs) })
	describeURIMap(d, "copiedFrom", &ix.copiedFrom, func(imgs []*ImageFile) string { return d.images(imgs) })
	describeURIMap(d, "fileDefs", &ix.fileDefs, func(defs []*ServiceDef) string { return d.defs(defs) })
	describeURIMap(d, "linked", &ix.linked, func(k Kind) string { return k.String() })
	describeURIMap(d, "hosts", &ix.hosts, func(uses []*HostUse) string {
		parts := make([]string, len(uses))
		for i, use := range uses {
			parts[i] = fmt.Sprintf("%d:%s:%s->%s%s", use.Location.Span.Start, use.Name, use.Port, use.Service, d.defs(use.Defs))
		}
		return strings.Join(parts, " ")
	})
	describeURIMap(d, "hostNames", &ix.hosts, func([]*HostUse) string { return "" })
	for i, line := range d.lines {
		if uri, ok := strings.CutPrefix(line, "hostNames "); ok {
			uri = strings.TrimSuffix(uri, ": ")
			d.lines[i] = line + strings.Join(ix.HostNames(position.URIFromPath(d.root)+position.URI(uri)), ",")
		}
	}

	var byKind []string
	for kind, files := range ix.byKind {
		for _, f := range files {
			byKind = append(byKind, fmt.Sprintf("file %s %s linked=%v", d.rel(f.URI), kind, f.linked))
		}
	}
	sort.Strings(byKind)
	d.lines = append(d.lines, byKind...)
	return strings.Join(d.lines, "\n")
}

func (d *indexDescriber) images(imgs []*ImageFile) string {
	parts := make([]string, len(imgs))
	for i, img := range imgs {
		parts[i] = fmt.Sprintf("%s>%s@%s/%s#%d/%d", d.rel(img.Source), img.Path, d.rel(img.Dockerfile),
			strings.TrimPrefix(img.Context, d.root), img.Stage, len(img.RunBy))
	}
	return strings.Join(parts, " ")
}

func describeMap[V any](d *indexDescriber, label string, m *cowMap[string, V], value func(V) string) {
	var lines []string
	m.each(func(k string, v V) { lines = append(lines, fmt.Sprintf("%s %s: %s", label, k, value(v))) })
	sort.Strings(lines)
	d.lines = append(d.lines, lines...)
}

func describeURIMap[V any](d *indexDescriber, label string, m *cowMap[position.URI, V], value func(V) string) {
	var lines []string
	m.each(func(k position.URI, v V) { lines = append(lines, fmt.Sprintf("%s %s: %s", label, d.rel(k), value(v))) })
	sort.Strings(lines)
	d.lines = append(d.lines, lines...)
}

// describeContainers returns the lines that describe the containers of
// a Snapshot.
func describeContainers(root string, list []*Container) string {
	d := &indexDescriber{root: root}
	for _, c := range list {
		d.add("container %s project=%s defs=%s dockerfile=%s context=%s stage=%d/%s base=%s workdir=%s ports=%v",
			c.Name(), d.project(c.Project), d.defs(c.Defs), d.rel(c.Dockerfile), strings.TrimPrefix(c.Context, root),
			c.Stage, c.StageName, c.BaseImage, c.workdir, c.PortsComplete)
		for _, s := range c.Starters {
			d.add("  starter %s %s via=%s", d.rel(s.Makefile), s.Target(), s.Via)
		}
		for _, f := range c.Files {
			d.add("  file %s %s image=%v mount=%v", d.rel(f.URI), f.Path, f.Image != nil, f.Mount != nil)
		}
		for _, p := range []*Process{c.Entrypoint, c.Command} {
			if p != nil {
				d.add("  process %q script=%s direct=%v shell=%v", p.Words, d.rel(p.Script), p.Direct, p.ShellForm)
			}
		}
		for _, v := range c.env {
			d.add("  env %s=%q known=%v source=%v at %s@%d from=%d overrides=%d", v.Name, v.Value, v.Known, v.Source,
				d.rel(v.Location.URI), v.Location.Span.Start, len(v.From), len(v.Overrides))
		}
		for _, s := range c.Secrets {
			d.add("  secret %s %s decl=%v file=%s", s.Name, s.Path, s.Decl != nil, d.rel(s.File))
		}
		for _, p := range c.Ports {
			d.add("  port %d-%d %s %s@%d", p.From, p.To, p.Kind, d.rel(p.Location.URI), p.Location.Span.Start)
		}
		d.add("  missing env files %s", d.uris(c.missingEnvFiles))
	}
	return strings.Join(d.lines, "\n")
}

// describeContainersByFile returns, for each file in a container, the
// containers that ContainersOf returns.
func describeContainersByFile(root string, snap *Snapshot) string {
	d := &indexDescriber{root: root}
	var uris []position.URI
	memoContainers(snap).byFile.each(func(uri position.URI, _ []*Container) { uris = append(uris, uri) })
	slices.Sort(uris)
	for _, uri := range uris {
		var names []string
		for _, c := range ContainersOf(snap, uri) {
			names = append(names, c.Name()+"/"+d.project(c.Project))
		}
		d.add("holds %s: %s", d.rel(uri), strings.Join(names, ", "))
	}
	return strings.Join(d.lines, "\n")
}

// firstDiff returns the first differing line of two descriptions, with
// a line of context, or "" when they are equal.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}
