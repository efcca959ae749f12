package navigation

import (
	"context"
	"fmt"
	"regexp"
	"sort"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeProvider implements navigation in compose files: services,
// networks, volumes, secrets and configs across the files of the project,
// YAML anchors within the file, "${VAR}" references to .env files, and the
// files and Dockerfile stages that values name.
type composeProvider struct{}

// composeTarget is the name under the cursor, resolved to the project
// whose files define it.
type composeTarget struct {
	kind string // a compose.Kind constant, "anchor" or "variable"
	name string
	span position.Span // the name under the cursor
	// proj is the project the name lives in: the file's own, or, for an
	// extends that names another file, that file's.
	proj   *project.Project
	anchor *compose.Anchor
}

const (
	kindAnchor   = "anchor"
	kindVariable = "variable"
)

// targetAt returns the name at offset in a compose file, or nil.
func targetAt(snap *workspace.Snapshot, f *workspace.File, offset int) *composeTarget {
	model := f.Compose()
	proj := project.Of(snap, f.URI)
	if model == nil || proj == nil {
		return nil
	}
	if ref, span := variableAt(model, offset); ref != "" {
		return &composeTarget{kind: kindVariable, name: ref, span: span, proj: proj}
	}
	if a := model.AnchorAt(offset); a != nil {
		span := a.Span
		for _, alias := range model.Aliases {
			if alias.Span.Contains(offset) {
				span = alias.Span
			}
		}
		return &composeTarget{kind: kindAnchor, name: a.Name, span: span, proj: proj, anchor: a}
	}
	ref := model.RefAt(offset)
	if ref == nil {
		return nil
	}
	t := &composeTarget{kind: ref.Kind, name: ref.Name, span: ref.Span, proj: proj}
	if ref.ExtendsFile != nil {
		path := project.ResolvePath(f.URI, ref.ExtendsFile.Value)
		if path == "" {
			return nil
		}
		if t.proj = project.Of(snap, position.URIFromPath(path)); t.proj == nil {
			return nil
		}
	}
	return t
}

func (composeProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	if use := snap.Index().HostAt(f.URI, offset); use != nil {
		return hostDefinitions(use), nil
	}
	if t := targetAt(snap, f, offset); t != nil {
		return t.definitions(f), nil
	}
	return composeValueDefinition(snap, f, offset), nil
}

// definitions returns where the target is defined.
func (t *composeTarget) definitions(f *workspace.File) []position.Location {
	switch t.kind {
	case kindVariable:
		if v := t.proj.Lookup(t.name); v.Location != nil {
			return []position.Location{*v.Location}
		}
		return nil
	case kindAnchor:
		return []position.Location{{URI: f.URI, Span: t.anchor.Span}}
	}
	var locs []position.Location
	for _, pf := range t.proj.Files {
		for _, r := range pf.Compose.Refs() {
			if r.Definition && r.Kind == t.kind && r.Name == t.name {
				locs = append(locs, position.Location{URI: pf.URI, Span: r.Span})
			}
		}
	}
	return locs
}

// occurrences returns every occurrence of the target in the files of its
// project, definitions marked, sorted by file and offset. For a service
// it adds the extends that name it from other files.
func (t *composeTarget) occurrences(snap *workspace.Snapshot, f *workspace.File) []occurrence {
	var out []occurrence
	switch t.kind {
	case kindAnchor:
		model := f.Compose()
		out = append(out, occurrence{position.Location{URI: f.URI, Span: t.anchor.Span}, true})
		for _, alias := range model.Aliases {
			if model.AnchorOf(alias) == t.anchor {
				out = append(out, occurrence{position.Location{URI: f.URI, Span: alias.Span}, false})
			}
		}
		return out
	case kindVariable:
		return t.variableOccurrences()
	}
	definers := map[position.URI]bool{}
	for _, pf := range t.proj.Files {
		for _, r := range pf.Compose.Refs() {
			if r.Kind != t.kind || r.Name != t.name || r.ExtendsFile != nil {
				continue
			}
			if r.Definition {
				definers[pf.URI] = true
			}
			out = append(out, occurrence{position.Location{URI: pf.URI, Span: r.Span}, r.Definition})
		}
	}
	if t.kind == compose.KindService {
		out = append(out, extendsUses(snap, t.name, definers)...)
	}
	sortOccurrences(out)
	return out
}

// extendsUses returns the extends entries of every compose file that name
// the service in one of the files of definers.
func extendsUses(snap *workspace.Snapshot, name string, definers map[position.URI]bool) []occurrence {
	var out []occurrence
	seen := map[position.Location]bool{}
	files := snap.FilesOfKind(workspace.KindCompose)
	for _, f := range files {
		for _, r := range f.Compose().Refs() {
			if r.ExtendsFile == nil || r.Name != name {
				continue
			}
			path := project.ResolvePath(f.URI, r.ExtendsFile.Value)
			loc := position.Location{URI: f.URI, Span: r.Span}
			if path != "" && definers[position.URIFromPath(path)] && !seen[loc] {
				seen[loc] = true
				out = append(out, occurrence{loc, false})
			}
		}
	}
	return out
}

// occurrence is one place a name is written.
type occurrence struct {
	loc        position.Location
	definition bool
}

func sortOccurrences(list []occurrence) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].loc.URI != list[j].loc.URI {
			return list[i].loc.URI < list[j].loc.URI
		}
		return list[i].loc.Span.Start < list[j].loc.Span.Start
	})
}

func (composeProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	if l := composeBuildLink(snap, f, offset); l != nil {
		return l.locations(includeDeclaration), nil
	}
	t := targetAt(snap, f, offset)
	if t == nil {
		if use := snap.Index().HostAt(f.URI, offset); use != nil && use.Service != "" {
			t = &composeTarget{kind: compose.KindService, name: use.Service, proj: project.Of(snap, f.URI)}
		}
	}
	if t == nil || t.proj == nil {
		return nil, nil
	}
	var locs []position.Location
	for _, o := range t.occurrences(snap, f) {
		if includeDeclaration || !o.definition {
			locs = append(locs, o.loc)
		}
	}
	if t.kind == compose.KindService {
		for _, use := range snap.Index().HostUses(t.name) {
			locs = append(locs, use.Location)
		}
		locs = append(locs, workspace.ServiceUses(snap, t.name)...)
	}
	return locs, nil
}

func (composeProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	if l := composeBuildLink(snap, f, offset); l != nil {
		return l.highlights(f.URI), nil
	}
	t := targetAt(snap, f, offset)
	if t == nil {
		return nil, nil
	}
	var out []Highlight
	for _, o := range t.occurrences(snap, f) {
		if o.loc.URI != f.URI {
			continue
		}
		kind := HighlightRead
		if o.definition {
			kind = HighlightWrite
		}
		out = append(out, Highlight{Span: o.loc.Span, Kind: kind})
	}
	return out, nil
}

func (composeProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	if l := composeBuildLink(snap, f, offset); l != nil {
		return &RenameTarget{Span: l.span, Placeholder: l.name}, nil
	}
	t := targetAt(snap, f, offset)
	if t == nil {
		return nil, nil
	}
	return &RenameTarget{Span: t.span, Placeholder: t.name}, nil
}

// validNames are the patterns new names must match, by kind: compose
// service and resource names, YAML anchor names as yaml.v3 reads them,
// and variable names as compose-go's interpolation reads them.
var validNames = map[string]*regexp.Regexp{
	compose.KindService: regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9._-]*$`),
	compose.KindNetwork: regexp.MustCompile(`^[a-zA-Z0-9._-]+$`),
	compose.KindVolume:  regexp.MustCompile(`^[a-zA-Z0-9._-]+$`),
	compose.KindSecret:  regexp.MustCompile(`^[a-zA-Z0-9._-]+$`),
	compose.KindConfig:  regexp.MustCompile(`^[a-zA-Z0-9._-]+$`),
	kindAnchor:          regexp.MustCompile(`^[a-zA-Z0-9_-]+$`),
	kindVariable:        regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`),
}

// kindNouns name the kinds of renameable names in messages.
var kindNouns = map[string]string{
	compose.KindService: "service",
	compose.KindNetwork: "network",
	compose.KindVolume:  "volume",
	compose.KindSecret:  "secret",
	compose.KindConfig:  "config",
	kindAnchor:          "anchor",
	kindVariable:        "variable",
}

// nameTaken returns an error when t's project already defines a service
// or a top-level resource of t's kind named newName: the rename would
// merge two definitions into one key.
func (t *composeTarget) nameTaken(newName string) error {
	if t.proj == nil || newName == t.name {
		return nil
	}
	switch t.kind {
	case compose.KindService:
		if defs := t.proj.Services(newName); len(defs) > 0 {
			return nameTakenError(kindNouns[t.kind], newName, defs[0].File.URI)
		}
	case compose.KindNetwork, compose.KindVolume, compose.KindSecret, compose.KindConfig:
		if defs := t.proj.Resources(t.kind, newName); len(defs) > 0 {
			return nameTakenError(kindNouns[t.kind], newName, defs[0].File.URI)
		}
	}
	return nil
}

// nameTakenError returns the error of a rename to newName when the
// project's file at uri already has a definition of that kind (noun) and
// name.
func nameTakenError(noun, newName string, uri position.URI) error {
	return fmt.Errorf("a %s named %q already exists in this project, in %s; choose another name", noun, newName, uri.Base())
}

func (composeProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	if l := composeBuildLink(snap, f, offset); l != nil {
		return l.rename(newName)
	}
	t := targetAt(snap, f, offset)
	if t == nil {
		return nil, nil
	}
	if re := validNames[t.kind]; re != nil && !re.MatchString(newName) {
		return nil, fmt.Errorf("invalid name %q for a %s", newName, kindNouns[t.kind])
	}
	if err := t.nameTaken(newName); err != nil {
		return nil, err
	}
	if t.kind == kindVariable {
		return renameProjectVariable(snap, t.proj, t.name, newName)
	}
	edits := map[position.URI][]position.TextEdit{}
	for _, o := range t.occurrences(snap, f) {
		edits[o.loc.URI] = append(edits[o.loc.URI], position.TextEdit{Span: o.loc.Span, NewText: newName})
	}
	if t.kind == compose.KindService {
		for _, use := range snap.Index().HostUses(t.name) {
			if use.Name != t.name {
				continue // written as the container_name, hostname or an alias, which keep their names
			}
			edits[use.Location.URI] = append(edits[use.Location.URI], position.TextEdit{Span: use.Location.Span, NewText: newName})
		}
		addServiceUseEdits(snap, edits, t.name, newName)
	}
	return edits, nil
}

// hostDefinitions returns the definitions a service host name resolves to.
func hostDefinitions(use *workspace.HostUse) []position.Location {
	var locs []position.Location
	for _, def := range use.Defs {
		locs = append(locs, position.Location{URI: def.URI, Span: def.Service.KeySpan})
	}
	return locs
}
