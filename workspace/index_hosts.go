package workspace

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
)

// HostUse is a word in a script, config file, .env value or compose
// environment value that names a service as a host, such as "mariadb" in
// "mariadb:3306".
type HostUse struct {
	Location position.Location // the host name only
	Name     string            // the word as written
	Service  string            // the key of the service it resolves to; "" when none
	Port     string            // the port after "host:", or "" when none
	// Defs are the definitions the name resolves to: by service key,
	// container_name, hostname or network alias, in the projects that use
	// the file, or in the whole workspace when none of those defines it.
	Defs []*ServiceDef
}

// resolve returns the definitions that a host name in the file at uri
// resolves to. It looks in the projects that use the file first, then in
// the whole workspace.
func (ix *Index) resolve(uri position.URI, name string) []*ServiceDef {
	defs, _ := ix.resolveIn(ix.fileProjects.at(uri), name)
	return defs
}

// resolveIn returns the definitions that a host name resolves to in a file
// of the projects scope, and whether it resolves across the whole
// workspace because none of them defines the name.
func (ix *Index) resolveIn(scope []*Project, name string) ([]*ServiceDef, bool) {
	all := ix.names.at(name)
	if len(scope) == 0 || len(all) == 0 {
		return all, true
	}
	var inScope []*ServiceDef
	for _, def := range all {
		if containsProject(scope, def.Project) {
			inScope = append(inScope, def)
		}
	}
	if len(inScope) == 0 {
		return all, true
	}
	return inScope, false
}

// HostUses returns every place where the service called name is used as a
// host, in every file of the workspace, sorted by URI and offset.
func (ix *Index) HostUses(service string) []*HostUse {
	var uses []*HostUse
	for _, def := range ix.services.at(service) {
		uses = append(uses, ix.uses.at(def)...)
	}
	return sortUses(uses)
}

// HostUsesOf returns every host use that resolves to def, sorted by URI
// and offset. The caller must not modify the slice.
func (ix *Index) HostUsesOf(def *ServiceDef) []*HostUse { return ix.uses.at(def) }

// sortUses sorts uses by URI and offset and drops repeats.
func sortUses(uses []*HostUse) []*HostUse {
	sort.SliceStable(uses, func(i, j int) bool { return lessLocation(uses[i].Location, uses[j].Location) })
	out := uses[:0]
	for i, u := range uses {
		if i == 0 || u != uses[i-1] {
			out = append(out, u)
		}
	}
	return out
}

func lessLocation(a, b position.Location) bool {
	if a.URI != b.URI {
		return a.URI < b.URI
	}
	return a.Span.Start < b.Span.Start
}

// HostAt returns the host use that resolves to a service and whose Span
// contains offset in the file at uri, or nil when there is none.
func (ix *Index) HostAt(uri position.URI, offset int) *HostUse {
	for _, use := range ix.hosts.at(uri) {
		if use.Location.Span.Contains(offset) && len(use.Defs) > 0 {
			return use
		}
	}
	return nil
}

// HostCandidates returns every word in a host position of the file at
// uri, in source order, whether it resolves to a service (Defs set) or not.
func (ix *Index) HostCandidates(uri position.URI) []*HostUse { return ix.hosts.at(uri) }

// HostNames returns the names a host in the file at uri can resolve to,
// sorted: service keys, container names, hostnames and aliases of the
// projects that use the file, or of the whole workspace. The caller must
// not change the slice, which calls for files of the same projects share.
func (ix *Index) HostNames(uri position.URI) []string {
	scope := ix.fileProjects.at(uri)
	key := scopeKey(ix, scope)
	cache := ix.hostNames
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if names, ok := cache.names[key]; ok {
		return names
	}
	var names []string
	ix.names.each(func(name string, defs []*ServiceDef) {
		if len(scope) == 0 {
			names = append(names, name)
			return
		}
		for _, def := range defs {
			if containsProject(scope, def.Project) {
				names = append(names, name)
				break
			}
		}
	})
	sort.Strings(names)
	names = slices.Clip(names)
	if cache.names == nil {
		cache.names = map[string][]string{}
	}
	cache.names[key] = names
	return names
}

// scopeKey returns a string that names a list of projects of ix.
func scopeKey(ix *Index, scope []*Project) string {
	var b strings.Builder
	for _, p := range scope {
		b.WriteString(strconv.Itoa(ix.rank[p]))
		b.WriteByte(',')
	}
	return b.String()
}

func containsProject(list []*Project, p *Project) bool {
	for _, have := range list {
		if have == p {
			return true
		}
	}
	return false
}

// References returns the places that refer to def: its key when
// includeDeclaration is set, the compose entries that name it
// (depends_on, links, volumes_from, network_mode "service:", extends) and
// every host use, sorted by URI and offset.
func (ix *Index) References(s *Snapshot, def *ServiceDef, includeDeclaration bool) []position.Location {
	var locs []position.Location
	if includeDeclaration {
		locs = append(locs, def.Location())
	}
	for _, other := range ix.defList {
		f := s.File(other.URI)
		if f == nil || f.Compose() == nil {
			continue
		}
		locs = append(locs, composeRefs(f.Compose(), other, def)...)
	}
	for _, use := range ix.uses.at(def) {
		locs = append(locs, use.Location)
	}
	sort.SliceStable(locs, func(i, j int) bool { return lessLocation(locs[i], locs[j]) })
	out := locs[:0]
	for i, loc := range locs {
		if i == 0 || loc != locs[i-1] {
			out = append(out, loc)
		}
	}
	return out
}

// composeRefs returns the entries of the service other that name the
// service target: within one project, and "extends" from any file.
func composeRefs(model *compose.File, other, target *ServiceDef) []position.Location {
	svc, name := other.Service, target.Service.Name
	var locs []position.Location
	add := func(s *compose.Scalar, last bool) {
		if s != nil && s.Value == name {
			locs = append(locs, position.Location{URI: other.URI, Span: narrow(model.Content, s, last)})
		}
	}
	if other.Project == target.Project {
		for _, list := range [][]*compose.Scalar{svc.DependsOn, svc.Links, svc.VolumesFrom} {
			for _, s := range list {
				add(s, false)
			}
		}
		if nm := svc.NetworkMode; nm != nil && strings.HasPrefix(strings.Trim(rawText(model.Content, nm.Span), `"'`), "service:") {
			add(nm, true)
		}
	}
	if ext := svc.Extends; ext != nil && ext.Service != nil {
		file := other.URI
		if ext.File != nil {
			uri, ok := relativeURI(other.URI.Dir(), ext.File.Value)
			if !ok {
				return locs
			}
			file = uri
		}
		if file == target.URI {
			add(ext.Service, false)
		}
	}
	return locs
}

// narrow returns the Span of a scalar's value inside its raw text. The raw
// text may add quotes, or a prefix or suffix as in "service:db" and
// "db:alias". When last is set, the last occurrence wins.
func narrow(content []byte, s *compose.Scalar, last bool) position.Span {
	raw := rawText(content, s.Span)
	i := strings.Index(raw, s.Value)
	if last {
		i = strings.LastIndex(raw, s.Value)
	}
	if i < 0 {
		return s.Span
	}
	return position.Span{Start: s.Span.Start + i, End: s.Span.Start + i + len(s.Value)}
}

func rawText(content []byte, span position.Span) string {
	if !span.Valid() || span.End > len(content) {
		return ""
	}
	return string(content[span.Start:span.End])
}
