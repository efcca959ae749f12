package navigation

import (
	"context"
	"fmt"
	"regexp"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// shellProvider implements navigation in shell files: a host name goes to
// its service, and other names go to the variables feature.
type shellProvider struct{}

func (shellProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	if locs := hostDefinition(snap, f, offset); locs != nil {
		return locs, nil
	}
	return shellVarDefinition(ctx, snap, f, offset)
}

func (shellProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	if locs := hostReferences(snap, f, offset, includeDeclaration); locs != nil {
		return locs, nil
	}
	return shellVarReferences(ctx, snap, f, offset, includeDeclaration)
}

func (shellProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	if hl := hostHighlights(snap, f, offset); hl != nil {
		return hl, nil
	}
	return shellVarHighlights(f, offset), nil
}

func (shellProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	return hostPrepareRename(snap, f, offset), nil
}

func (shellProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	return hostRename(snap, f, offset, newName)
}

func (shellProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	return nil, nil
}

// The functions below serve every file kind that has host names: shell,
// config and dotenv files.

// hostDefinition returns the keys of the services that the host name at
// offset resolves to, or nil when there is no host name there.
func hostDefinition(snap *workspace.Snapshot, f *workspace.File, offset int) []position.Location {
	use := snap.Index().HostAt(f.URI, offset)
	if use == nil {
		return nil
	}
	locs := make([]position.Location, len(use.Defs))
	for i, def := range use.Defs {
		locs[i] = def.Location()
	}
	return locs
}

// hostReferences returns every reference to the services that the host
// name at offset resolves to, or nil when there is no host name there.
func hostReferences(snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) []position.Location {
	ix := snap.Index()
	use := ix.HostAt(f.URI, offset)
	if use == nil {
		return nil
	}
	var locs []position.Location
	for _, def := range use.Defs {
		locs = append(locs, ix.References(snap, def, includeDeclaration)...)
	}
	return locs
}

// hostHighlights returns the host names in f that resolve to the same
// services as the one at offset.
func hostHighlights(snap *workspace.Snapshot, f *workspace.File, offset int) []Highlight {
	ix := snap.Index()
	use := ix.HostAt(f.URI, offset)
	if use == nil {
		return nil
	}
	var out []Highlight
	for _, other := range ix.HostCandidates(f.URI) {
		if sameDefs(use.Defs, other.Defs) {
			out = append(out, Highlight{Span: other.Location.Span, Kind: HighlightRead})
		}
	}
	return out
}

func sameDefs(a, b []*workspace.ServiceDef) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// hostPrepareRename returns the host name at offset when it is the key of
// a service it resolves to, which a rename can change, and nil when it only
// names a container_name, hostname or network alias.
func hostPrepareRename(snap *workspace.Snapshot, f *workspace.File, offset int) *RenameTarget {
	use := snap.Index().HostAt(f.URI, offset)
	if use == nil {
		return nil
	}
	for _, def := range use.Defs {
		if def.Service.Name == use.Name {
			return &RenameTarget{Span: use.Location.Span, Placeholder: use.Name}
		}
	}
	return nil
}

// serviceNamePattern is the form compose accepts for a service name.
var serviceNamePattern = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_.-]*$`)

// hostRename returns the edits that rename the service whose key the host
// name at offset names: its key, the compose entries that name it, every
// host use written with the key and the SERVICE arguments of Makefile
// docker compose calls.
func hostRename(snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	target := hostPrepareRename(snap, f, offset)
	if target == nil {
		return nil, nil
	}
	if !serviceNamePattern.MatchString(newName) {
		return nil, fmt.Errorf("`%s` is not a valid service name: use letters, digits, \"_\", \".\" and \"-\", starting with a letter or digit", newName)
	}
	defs := snap.Index().HostAt(f.URI, offset).Defs
	if err := serviceNameTaken(snap, defs, target.Placeholder, newName); err != nil {
		return nil, err
	}
	return renameServiceEdits(snap, defs, target.Placeholder, newName), nil
}

// serviceNameTaken returns an error when a project of the defs named
// oldName already defines a service named newName.
func serviceNameTaken(snap *workspace.Snapshot, defs []*workspace.ServiceDef, oldName, newName string) error {
	if newName == oldName {
		return nil
	}
	projects := map[*workspace.Project]bool{}
	for _, def := range defs {
		if def.Service.Name == oldName {
			projects[def.Project] = true
		}
	}
	for _, other := range snap.Index().Services(newName) {
		if projects[other.Project] {
			return nameTakenError("service", newName, other.URI)
		}
	}
	return nil
}

// renameServiceEdits returns edits that replace oldName with newName at
// every reference to the defs whose key is oldName, and at the Makefile
// uses of oldName. A host name that reaches a service through its
// container_name, hostname or a network alias keeps its text, even when
// it is spelled like the key of another service the use resolves to.
func renameServiceEdits(snap *workspace.Snapshot, defs []*workspace.ServiceDef, oldName, newName string) map[position.URI][]position.TextEdit {
	edits := map[position.URI][]position.TextEdit{}
	seen := map[position.Location]bool{}
	add := func(loc position.Location) {
		file := snap.File(loc.URI)
		if seen[loc] || file == nil || loc.Span.End > len(file.Content) || string(file.Content[loc.Span.Start:loc.Span.End]) != oldName {
			return
		}
		seen[loc] = true
		edits[loc.URI] = append(edits[loc.URI], position.TextEdit{Span: loc.Span, NewText: newName})
	}

	for _, def := range defs {
		if def.Service.Name != oldName {
			continue // the use reaches this service through another name
		}
		for _, loc := range snap.Index().References(snap, def, true) {
			add(loc)
		}
	}
	for _, loc := range workspace.ServiceUses(snap, oldName) {
		add(loc)
	}
	return edits
}
