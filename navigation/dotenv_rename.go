package navigation

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// envVariableName is the form of a variable name that compose's
// interpolation reads and a .env key may take.
var envVariableName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// renameProjectVariable returns the edits that rename the variable name
// from a "${name}" reference of a compose project: the keys of the
// project's .env files that set it, and every use that renaming one of
// them edits. A variable that no .env file sets gets the project's
// references renamed only.
func renameProjectVariable(snap *workspace.Snapshot, proj *project.Project, name, newName string) (map[position.URI][]position.TextEdit, error) {
	var envFiles []position.URI
	for _, env := range proj.EnvFiles {
		for _, e := range env.DotEnv.Entries {
			if e.Key == name {
				envFiles = append(envFiles, env.URI)
				break
			}
		}
	}
	return renameEnvVariable(snap, envFiles, []*project.Project{proj}, name, newName)
}

// renameEnvVariable returns the edits, in one set, that rename the
// variable name set by the .env files envFiles to newName: its keys in
// those files and in the other .env files of the projects that read them,
// every "${name}" and "$name" in the compose files those projects
// interpolate, every compose environment entry of the same name that
// passes the value on, and, in the containers that receive the variable
// under that name, its uses in their scripts and config templates. A use
// under another name ("WP_DB=${name}") keeps that name.
func renameEnvVariable(snap *workspace.Snapshot, envFiles []position.URI, projects []*project.Project, name, newName string) (map[position.URI][]position.TextEdit, error) {
	if !envVariableName.MatchString(newName) {
		return nil, fmt.Errorf("`%s` is not a valid variable name: use letters, digits and \"_\", not starting with a digit", newName)
	}
	for _, uri := range envFiles {
		projects = append(projects, project.ReadersOf(snap, uri)...)
	}
	var locs []position.Location
	keys := map[position.Location]bool{}
	addKeys := func(uri position.URI) error {
		f := snap.File(uri)
		if f == nil || f.DotEnv() == nil {
			return nil
		}
		for _, e := range f.DotEnv().Entries {
			switch e.Key {
			case name:
				loc := position.Location{URI: uri, Span: e.KeySpan}
				keys[loc] = true
				locs = appendLoc(locs, loc)
			case newName:
				return fmt.Errorf("`%s` is already set in %s on line %d", newName, uri.Base(), e.Line+1)
			}
		}
		return nil
	}
	for _, uri := range envFiles {
		if err := addKeys(uri); err != nil {
			return nil, err
		}
	}
	for _, proj := range projects {
		for _, env := range proj.EnvFiles {
			if err := addKeys(env.URI); err != nil {
				return nil, err
			}
		}
		for _, loc := range proj.VarRefs(name) {
			locs = appendLoc(locs, loc)
		}
	}
	locs = appendReceiverUses(locs, snap, keys, name)
	return editsAt(locs, newName), nil
}

// appendReceiverUses adds, for each container that receives the variable
// name from one of the .env keys, the compose environment keys that pass
// it on under that name and its uses in the container's files.
func appendReceiverUses(locs []position.Location, snap *workspace.Snapshot, keys map[position.Location]bool, name string) []position.Location {
	setBy := func(v *workspace.EnvVar) bool {
		for key := range keys {
			if v.SetBy(key) {
				return true
			}
		}
		return false
	}
	for _, ct := range workspace.Containers(snap) {
		v := ct.Lookup(name)
		if v == nil {
			continue
		}
		for _, def := range append([]*workspace.EnvVar{v}, v.Overrides...) {
			if def.Source == workspace.SourceEnvironment && setBy(def) {
				locs = appendLoc(locs, def.Location)
			}
		}
		if setBy(v) {
			locs = appendContainerUses(locs, snap, ct, name)
		}
	}
	return locs
}

// editsAt returns one edit per Location that writes newName, sorted by
// offset in each file.
func editsAt(locs []position.Location, newName string) map[position.URI][]position.TextEdit {
	edits := map[position.URI][]position.TextEdit{}
	for _, loc := range locs {
		edits[loc.URI] = append(edits[loc.URI], position.TextEdit{Span: loc.Span, NewText: newName})
	}
	for _, list := range edits {
		sort.Slice(list, func(i, j int) bool { return list[i].Span.Start < list[j].Span.Start })
	}
	return edits
}
