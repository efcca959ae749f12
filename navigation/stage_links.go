package navigation

// A Dockerfile and the compose files that build it share two kinds of
// names: stage names, which build.target values name, and ARG names, which
// build.args keys set. A dockerLink is one such name with every place that
// writes it, so that references and rename cross between the files. Only
// compose values written literally take part: a target or key with
// "${...}", or a quoted one with escapes, is left out.

import (
	"fmt"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeName is a build.target value or a build.args key of a service
// that builds a Dockerfile.
type composeName struct {
	loc   position.Location // the name only, without quotes
	build *project.DockerfileBuild
	name  string
}

// dockerLink is a stage or ARG name of one Dockerfile with the compose
// names that refer to it.
type dockerLink struct {
	name      string        // the name as written under the cursor
	span      position.Span // the name under the cursor
	dockerURI position.URI
	df        *dockerfile.File
	symbols   []*dockerfile.Symbol // the stage, or the ARGs the compose names set
	compose   []composeName
}

// locations returns the uses of the link's symbols, declarations only
// when includeDeclaration is set, then its compose names.
func (l *dockerLink) locations(includeDeclaration bool) []position.Location {
	var locs []position.Location
	for _, sym := range l.symbols {
		for _, u := range sym.Uses() {
			if includeDeclaration || !u.Decl {
				locs = append(locs, position.Location{URI: l.dockerURI, Span: u.Span})
			}
		}
	}
	return appendUnique(locs, l.compose)
}

// appendUnique appends the Locations of names, skipping those already in
// locs: a build section shared through a YAML merge key belongs to several
// services but is written once.
func appendUnique(locs []position.Location, names []composeName) []position.Location {
	seen := map[position.Location]bool{}
	for _, loc := range locs {
		seen[loc] = true
	}
	for _, n := range names {
		if !seen[n.loc] {
			seen[n.loc] = true
			locs = append(locs, n.loc)
		}
	}
	return locs
}

// highlights returns the compose names of the link that lie in the file
// at uri: build.args keys set a value, build.target values read one.
func (l *dockerLink) highlights(uri position.URI) []Highlight {
	kind := HighlightRead
	if len(l.symbols) > 0 && l.symbols[0].Kind == dockerfile.SymbolVar {
		kind = HighlightWrite
	}
	var out []Highlight
	for _, loc := range appendUnique(nil, l.compose) {
		if loc.URI == uri {
			out = append(out, Highlight{Span: loc.Span, Kind: kind})
		}
	}
	return out
}

// rename returns the edits that rename every place of the link, in the
// Dockerfile and the compose files, after checking newName.
func (l *dockerLink) rename(newName string) (map[position.URI][]position.TextEdit, error) {
	for _, sym := range l.symbols {
		if err := dfCheckNewName(l.df, sym, newName); err != nil {
			return nil, err
		}
	}
	edits := map[position.URI][]position.TextEdit{}
	for _, loc := range l.locations(true) {
		edits[loc.URI] = append(edits[loc.URI], position.TextEdit{Span: loc.Span, NewText: newName})
	}
	return edits, nil
}

// dfCheckNewName returns an error when newName cannot replace the name of
// sym: it is not a valid variable or stage name, or another stage has it.
func dfCheckNewName(df *dockerfile.File, sym *dockerfile.Symbol, newName string) error {
	switch sym.Kind {
	case dockerfile.SymbolVar:
		if !dfValidVarName.MatchString(newName) {
			return fmt.Errorf("invalid variable name %q: use letters, digits and _, not starting with a digit", newName)
		}
	case dockerfile.SymbolStage:
		if !dfValidStageName.MatchString(newName) {
			return fmt.Errorf("invalid stage name %q: use lower-case letters, digits, '-', '_' and '.', starting with a letter", newName)
		}
		if other := df.StageNamed(newName); other != nil && !strings.EqualFold(other.Name, sym.Name) {
			return fmt.Errorf("a stage named %q already exists on line %d", newName, dfLineNumber(df.Content, other.NameSpan.Start))
		}
	}
	return nil
}

// dockerfileLink returns the link of a symbol of the Dockerfile f. A stage
// links to the build.target values that name it, and an ARG to the
// build.args keys that set it. With rename set, an ARG link also takes in
// the other ARGs of the same name that those keys set, and the keys that
// set them. A rename then keeps every build argument reaching its ARG.
func dockerfileLink(snap *workspace.Snapshot, f *workspace.File, df *dockerfile.File, use *dockerfile.Use, rename bool) *dockerLink {
	l := &dockerLink{name: string(df.Content[use.Span.Start:use.Span.End]), span: use.Span, dockerURI: f.URI, df: df, symbols: []*dockerfile.Symbol{use.Symbol}}
	switch use.Symbol.Kind {
	case dockerfile.SymbolStage:
		l.compose = stageTargets(snap, f.URI, use.Symbol.Name)
	case dockerfile.SymbolVar:
		l.symbols, l.compose = argGroup(df, argKeys(snap, f.URI, df, use.Symbol.Name), l.symbols, rename)
	}
	return l
}

// composeBuildLink returns the link of the build.target value or the
// build.args key at offset in a compose file, or nil.
func composeBuildLink(snap *workspace.Snapshot, f *workspace.File, offset int) *dockerLink {
	model := f.Compose()
	if model == nil {
		return nil
	}
	for _, svc := range model.Services {
		if svc.Build == nil {
			continue
		}
		if t := svc.Build.Target; t != nil {
			if span, ok := literalSpan(model, t.Span, t.Value); ok && span.Contains(offset) {
				return composeTargetLink(snap, f, svc, span)
			}
		}
		for _, kv := range svc.Build.Args {
			if span, ok := literalSpan(model, kv.KeySpan, kv.Key); ok && span.Contains(offset) {
				return composeArgLink(snap, f, svc, kv.Key, span)
			}
		}
	}
	return nil
}

// composeTargetLink returns the link of the build.target of svc, whose
// value is written at span.
func composeTargetLink(snap *workspace.Snapshot, f *workspace.File, svc *compose.Service, span position.Span) *dockerLink {
	b := project.ServiceBuild(snap, f.URI, f.Compose(), svc)
	if b == nil {
		return nil
	}
	df := project.LoadDockerfile(snap, b.Build.Dockerfile)
	if df == nil {
		return nil
	}
	sym := stageSymbol(df, svc.Build.Target.Value)
	if sym == nil {
		return nil
	}
	return &dockerLink{name: svc.Build.Target.Value, span: span, dockerURI: b.Build.Dockerfile, df: df,
		symbols: []*dockerfile.Symbol{sym}, compose: stageTargets(snap, b.Build.Dockerfile, sym.Name)}
}

// stageTargets returns the build.target values, written literally, that
// name the stage called name of the Dockerfile at uri, in every compose
// file of the Snapshot.
func stageTargets(snap *workspace.Snapshot, uri position.URI, name string) []composeName {
	var out []composeName
	for _, b := range project.DockerfileBuilds(snap, uri) {
		t := b.Service.Build.Target
		if t == nil || !strings.EqualFold(t.Value, name) {
			continue
		}
		if span, ok := literalSpan(b.Model, t.Span, t.Value); ok {
			out = append(out, composeName{loc: position.Location{URI: b.URI, Span: span}, build: b, name: t.Value})
		}
	}
	return out
}

// stageSymbol returns the symbol of the stage called name, compared as
// buildkit does, without case; nil when there is none.
func stageSymbol(df *dockerfile.File, name string) *dockerfile.Symbol {
	for _, sym := range df.Symbols() {
		if sym.Kind == dockerfile.SymbolStage && strings.EqualFold(sym.Name, name) {
			return sym
		}
	}
	return nil
}

// literalSpan returns the Span of a compose scalar's value without its
// quotes, and whether the source spells value there exactly, with no "$"
// that interpolation would change.
func literalSpan(model *compose.File, span position.Span, value string) (position.Span, bool) {
	if value == "" || strings.Contains(value, "$") || !span.Valid() || span.End > len(model.Content) {
		return span, false
	}
	span = unquoted(model.Content, span)
	return span, string(model.Content[span.Start:span.End]) == value
}
