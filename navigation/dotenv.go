package navigation

import (
	"context"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/dotenv"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dotenvProvider implements navigation in .env files: a host name in a
// value goes to its service, and a key finds the "${KEY}" references of
// the compose files it fills in and the uses of the variable in the
// containers that receive it.
type dotenvProvider struct{}

// definition of a key is the key itself: a .env file is where compose
// variables are defined.
func (dotenvProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	if entry := dotenvKeyAt(f, offset); entry != nil {
		return []position.Location{{URI: f.URI, Span: entry.KeySpan}}, nil
	}
	return hostDefinition(snap, f, offset), nil
}

func (dotenvProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	if entry := dotenvKeyAt(f, offset); entry != nil {
		return dotenvKeyReferences(snap, f, entry, includeDeclaration), nil
	}
	return hostReferences(snap, f, offset, includeDeclaration), nil
}

func (dotenvProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	return hostHighlights(snap, f, offset), nil
}

func (dotenvProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	if entry := dotenvKeyAt(f, offset); entry != nil {
		return &RenameTarget{Span: entry.KeySpan, Placeholder: entry.Key}, nil
	}
	return hostPrepareRename(snap, f, offset), nil
}

func (dotenvProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	if entry := dotenvKeyAt(f, offset); entry != nil {
		return renameEnvVariable(snap, []position.URI{f.URI}, nil, entry.Key, newName)
	}
	return hostRename(snap, f, offset, newName)
}

func (dotenvProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	return nil, nil
}

// dotenvKeyAt returns the entry whose key holds offset, or nil. The end
// of the key counts, so that a cursor just after the name finds it.
func dotenvKeyAt(f *workspace.File, offset int) *dotenv.Entry {
	model := f.DotEnv()
	if model == nil {
		return nil
	}
	for _, e := range model.Entries {
		if e.KeySpan.Start <= offset && offset <= e.KeySpan.End {
			return e
		}
	}
	return nil
}

// dotenvKeyReferences returns the uses of a .env key: the "${KEY}"
// references of the compose projects that interpolate with this file, and
// the uses in scripts and config files of the containers whose variables
// the key sets, through env_file or through an environment entry that
// reads it. The keys of the file that set the name count as declarations.
func dotenvKeyReferences(snap *workspace.Snapshot, f *workspace.File, entry *dotenv.Entry, includeDeclaration bool) []position.Location {
	var locs []position.Location
	for _, cf := range snap.FilesOfKind(workspace.KindCompose) {
		proj := project.Of(snap, cf.URI)
		if proj == nil || !projectReadsEnvFile(proj, f.URI) {
			continue
		}
		t := &composeTarget{kind: kindVariable, name: entry.Key, proj: proj}
		for _, o := range t.variableOccurrences() {
			if !o.definition || includeDeclaration {
				locs = appendLoc(locs, o.loc)
			}
		}
	}
	key := position.Location{URI: f.URI, Span: entry.KeySpan}
	for _, ct := range workspace.Containers(snap) {
		for _, v := range ct.Env() {
			if !setsVariable(v, key) {
				continue
			}
			if includeDeclaration && v.Location != key {
				locs = appendLoc(locs, v.Location)
			}
			locs = appendContainerUses(locs, snap, ct, v.Name)
		}
	}
	if includeDeclaration {
		for _, e := range f.DotEnv().Entries {
			if e.Key == entry.Key {
				locs = appendLoc(locs, position.Location{URI: f.URI, Span: e.KeySpan})
			}
		}
	}
	sortLocations(locs)
	return locs
}

// projectReadsEnvFile reports whether a project interpolates its compose
// files with the .env file at uri.
func projectReadsEnvFile(proj *project.Project, uri position.URI) bool {
	for _, env := range proj.EnvFiles {
		if env.URI == uri {
			return true
		}
	}
	return false
}

// setsVariable reports whether the .env key at key gives a container
// variable its value: as the env_file entry itself, or as a value that a
// compose environment entry interpolates.
func setsVariable(v *workspace.EnvVar, key position.Location) bool {
	if v.Location == key {
		return true
	}
	for _, from := range v.From {
		if from == key {
			return true
		}
	}
	return false
}

// appendContainerUses adds the uses of the variable name in the scripts
// and config templates that the container holds.
func appendContainerUses(locs []position.Location, snap *workspace.Snapshot, ct *workspace.Container, name string) []position.Location {
	for _, cf := range ct.Files {
		file := snap.File(cf.URI)
		if file == nil {
			continue
		}
		switch file.Kind {
		case workspace.KindShell:
			for _, use := range file.Shell().VarUses {
				if use.Name == name {
					locs = appendLoc(locs, position.Location{URI: cf.URI, Span: use.Span})
				}
			}
		case workspace.KindConfig:
			for _, ref := range workspace.TemplateRefs(file.Content) {
				if ref.Name == name {
					locs = appendLoc(locs, position.Location{URI: cf.URI, Span: ref.Span})
				}
			}
		}
	}
	return locs
}
