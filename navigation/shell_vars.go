package navigation

import (
	"context"
	"sort"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// shellVarDefinition returns, for the name at offset in a script, the
// declaration of a "/run/secrets/NAME" secret, the definition of a
// function, or where a variable is set. For a variable, that is the
// closest assignment of the script before offset. Without one, it is where
// each container's environment sets the variable, then the .env entries
// its value is read from. Without those, it is the script's assignments.
func shellVarDefinition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	model := f.Shell()
	if model == nil {
		return nil, nil
	}
	if ref := workspace.SecretRefAt(f.Content, offset); ref != nil {
		return secretDefinition(snap, f.URI, ref), nil
	}
	if fn, _ := workspace.ScriptFunctionAt(model, offset); fn != nil {
		return []position.Location{{URI: f.URI, Span: fn.NameSpan}}, nil
	}
	ref := workspace.ScriptVarAt(model, offset)
	if ref == nil {
		return nil, nil
	}

	var before *shell.VarRef
	for _, d := range model.VarDefs {
		if d.Name == ref.Name && d.Span.End <= ref.Span.Start {
			before = d
		}
	}
	if before != nil {
		return []position.Location{{URI: f.URI, Span: before.Span}}, nil
	}
	if locs := envDefinitions(workspace.ContainersOf(snap, f.URI), ref.Name); len(locs) > 0 {
		return locs, nil
	}

	var locs []position.Location
	for _, d := range model.VarDefs {
		if d.Name == ref.Name {
			locs = append(locs, position.Location{URI: f.URI, Span: d.Span})
		}
	}
	return locs, nil
}

// envDefinitions returns where each container's environment sets name,
// then the .env entries the values are read from, each once.
func envDefinitions(containers []*workspace.Container, name string) []position.Location {
	var main, from []position.Location
	for _, ct := range containers {
		if v := ct.Lookup(name); v != nil {
			main = appendLoc(main, v.Location)
			for _, loc := range v.From {
				from = appendLoc(from, loc)
			}
		}
	}
	for _, loc := range from {
		main = appendLoc(main, loc)
	}
	return main
}

// shellVarHighlights returns, for a variable at offset in a script, each
// of its uses (read) and assignments (write) in the script, and for a
// function, its definition (write) and the commands that call it (read).
// It returns nil when there is neither at offset.
func shellVarHighlights(f *workspace.File, offset int) []Highlight {
	model := f.Shell()
	if model == nil {
		return nil
	}
	var out []Highlight
	if fn, _ := workspace.ScriptFunctionAt(model, offset); fn != nil {
		for _, loc := range functionReferences(f.URI, model, fn, true) {
			kind := HighlightRead
			if loc.Span == fn.NameSpan {
				kind = HighlightWrite
			}
			out = append(out, Highlight{Span: loc.Span, Kind: kind})
		}
		return out
	}

	ref := workspace.ScriptVarAt(model, offset)
	if ref == nil {
		return nil
	}
	// "${A:=x}" both reads and assigns A at one Span; it counts as a write.
	assigned := map[position.Span]bool{}
	for _, def := range model.VarDefs {
		if def.Name == ref.Name {
			assigned[def.Span] = true
			out = append(out, Highlight{Span: def.Span, Kind: HighlightWrite})
		}
	}
	for _, use := range model.VarUses {
		if use.Name == ref.Name && !assigned[use.Span] {
			out = append(out, Highlight{Span: use.Span, Kind: HighlightRead})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// secretDefinition returns the top-level declaration of the secret mounted
// at ref's path in each container that holds the file, or the service's
// entry when nothing declares it.
func secretDefinition(snap *workspace.Snapshot, uri position.URI, ref *workspace.SecretRef) []position.Location {
	var locs []position.Location
	for _, ct := range workspace.ContainersOf(snap, uri) {
		s := ct.Secret(ref.Path)
		switch {
		case s == nil:
		case s.Decl != nil:
			locs = appendLoc(locs, *s.Decl)
		default:
			locs = appendLoc(locs, s.Use)
		}
	}
	return locs
}

// shellVarReferences returns the uses of the name at offset: a variable
// across the scripts and config templates of the containers that hold the
// script, a secret path across those files, or a function in the script.
// The declarations are the environment entries, the script's assignments,
// the secret's declaration or the function's definition.
func shellVarReferences(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	model := f.Shell()
	if model == nil {
		return nil, nil
	}
	if ref := workspace.SecretRefAt(f.Content, offset); ref != nil {
		return secretReferences(snap, f.URI, ref.Path, includeDeclaration), nil
	}
	if fn, _ := workspace.ScriptFunctionAt(model, offset); fn != nil {
		return functionReferences(f.URI, model, fn, includeDeclaration), nil
	}
	ref := workspace.ScriptVarAt(model, offset)
	if ref == nil {
		return nil, nil
	}
	return varReferences(snap, f.URI, ref.Name, includeDeclaration), nil
}

// varReferences returns the uses of the variable name in the files of the
// containers that hold the file at uri, and in that file, sorted.
func varReferences(snap *workspace.Snapshot, uri position.URI, name string, includeDeclaration bool) []position.Location {
	containers := workspace.ContainersOf(snap, uri)
	var locs []position.Location
	for _, fileURI := range containerFiles(containers, uri) {
		file := snap.File(fileURI)
		if file == nil {
			continue
		}
		switch file.Kind {
		case workspace.KindShell:
			for _, use := range file.Shell().VarUses {
				if use.Name == name {
					locs = appendLoc(locs, position.Location{URI: fileURI, Span: use.Span})
				}
			}
			if includeDeclaration {
				for _, d := range file.Shell().VarDefs {
					if d.Name == name {
						locs = appendLoc(locs, position.Location{URI: fileURI, Span: d.Span})
					}
				}
			}
		case workspace.KindConfig:
			for _, ref := range workspace.TemplateRefs(file.Content) {
				if ref.Name == name {
					locs = appendLoc(locs, position.Location{URI: fileURI, Span: ref.Span})
				}
			}
		}
	}
	if includeDeclaration {
		for _, ct := range containers {
			v := ct.Lookup(name)
			if v == nil {
				continue
			}
			locs = appendLoc(locs, v.Location)
			for _, o := range v.Overrides {
				locs = appendLoc(locs, o.Location)
			}
		}
	}
	sortLocations(locs)
	return locs
}

// containerFiles returns the files of the containers and the file at uri,
// sorted, each once.
func containerFiles(containers []*workspace.Container, uri position.URI) []position.URI {
	set := map[position.URI]bool{uri: true}
	for _, ct := range containers {
		for _, cf := range ct.Files {
			set[cf.URI] = true
		}
	}
	uris := make([]position.URI, 0, len(set))
	for u := range set {
		uris = append(uris, u)
	}
	sort.Slice(uris, func(i, j int) bool { return uris[i] < uris[j] })
	return uris
}

// secretReferences returns the uses of the secret path p in the files of
// the containers that hold the file at uri, with the services' secrets
// entries and the declarations.
func secretReferences(snap *workspace.Snapshot, uri position.URI, p string, includeDeclaration bool) []position.Location {
	containers := workspace.ContainersOf(snap, uri)
	var locs []position.Location
	for _, fileURI := range containerFiles(containers, uri) {
		if file := snap.File(fileURI); file != nil && file.Skipped == "" {
			for _, ref := range workspace.SecretRefs(file.Content) {
				if ref.Path == p {
					locs = appendLoc(locs, position.Location{URI: fileURI, Span: ref.Span})
				}
			}
		}
	}
	for _, ct := range containers {
		if s := ct.Secret(p); s != nil {
			locs = appendLoc(locs, s.Use)
			if includeDeclaration && s.Decl != nil {
				locs = appendLoc(locs, *s.Decl)
			}
		}
	}
	sortLocations(locs)
	return locs
}

// functionReferences returns the commands that call fn, and its
// definition when includeDeclaration is set.
func functionReferences(uri position.URI, model *shell.File, fn *shell.Function, includeDeclaration bool) []position.Location {
	var locs []position.Location
	if includeDeclaration {
		locs = append(locs, position.Location{URI: uri, Span: fn.NameSpan})
	}
	for _, cmd := range model.Commands {
		if cmd.Name != nil && !cmd.Name.Dynamic && cmd.Name.Literal == fn.Name {
			locs = append(locs, position.Location{URI: uri, Span: cmd.Name.Span})
		}
	}
	sortLocations(locs)
	return locs
}

func appendLoc(list []position.Location, loc position.Location) []position.Location {
	for _, have := range list {
		if have == loc {
			return list
		}
	}
	return append(list, loc)
}

func sortLocations(locs []position.Location) {
	sort.SliceStable(locs, func(i, j int) bool {
		if locs[i].URI != locs[j].URI {
			return locs[i].URI < locs[j].URI
		}
		return locs[i].Span.Start < locs[j].Span.Start
	})
}
