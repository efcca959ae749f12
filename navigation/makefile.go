package navigation

import (
	"context"
	"fmt"
	"regexp"

	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// makefileProvider implements navigation in Makefiles: variables, targets,
// included files, and the files and services of docker compose calls.
type makefileProvider struct{}

func (makefileProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	mf := f.Makefile()
	hit := mf.At(offset)
	if hit == nil {
		return nil, nil
	}
	switch hit.Kind {
	case makefile.HitComposeFile, makefile.HitEnvFile:
		if p := workspace.CallPath(f.URI, hit.Call, hit.Word); p != "" && snap.FileExists(p) {
			return []position.Location{{URI: position.URIFromPath(p)}}, nil
		}
	case makefile.HitService:
		var locs []position.Location
		for _, def := range snap.CallServices(f.URI, hit.Call, hit.Word.Text) {
			locs = append(locs, position.Location{URI: def.URI, Span: def.Service.KeySpan})
		}
		return locs, nil
	case makefile.HitVarRef, makefile.HitVarDef:
		return makefileVarDefs(f.URI, mf, hit.Word.Text), nil
	case makefile.HitTarget, makefile.HitPrereq:
		return makefileTargetDefs(f.URI, mf, hit.Word.Text), nil
	case makefile.HitInclude:
		if p := makefileIncludePath(f.URI, hit.Word.Text); p != "" && snap.FileExists(p) {
			return []position.Location{{URI: position.URIFromPath(p)}}, nil
		}
	}
	return nil, nil
}

func makefileVarDefs(uri position.URI, mf *makefile.File, name string) []position.Location {
	var locs []position.Location
	for _, v := range mf.VarDefs(name) {
		locs = append(locs, position.Location{URI: uri, Span: v.NameSpan})
	}
	return locs
}

func makefileTargetDefs(uri position.URI, mf *makefile.File, name string) []position.Location {
	var locs []position.Location
	for _, r := range mf.RulesOf(name) {
		for _, t := range r.Targets {
			if t.Text == name {
				locs = append(locs, position.Location{URI: uri, Span: t.Span})
			}
		}
	}
	return locs
}

// makefileIncludePath returns the OS path of an included file, relative to
// the Makefile's folder, or "" when the name holds a variable.
func makefileIncludePath(uri position.URI, name string) string {
	return workspace.CallPath(uri, &makefile.ComposeCall{}, &makefile.Word{Text: name})
}

// makefileOccurrences returns every occurrence in mf of the variable or
// target at offset: whether each one defines it, and the name's text.
func makefileOccurrences(mf *makefile.File, offset int) (spans []position.Span, defines []bool, name string) {
	hit := mf.At(offset)
	if hit == nil {
		return nil, nil, ""
	}
	name = hit.Word.Text
	switch hit.Kind {
	case makefile.HitVarRef, makefile.HitVarDef:
		for _, v := range mf.VarDefs(name) {
			spans, defines = append(spans, v.NameSpan), append(defines, true)
		}
		for _, ref := range mf.Refs {
			if ref.Name == name {
				spans, defines = append(spans, ref.NameSpan), append(defines, false)
			}
		}
	case makefile.HitTarget, makefile.HitPrereq:
		for _, r := range mf.Rules {
			for _, t := range r.Targets {
				if t.Text == name {
					spans, defines = append(spans, t.Span), append(defines, true)
				}
			}
			for _, p := range r.Prereqs {
				if p.Text == name {
					spans, defines = append(spans, p.Span), append(defines, false)
				}
			}
		}
	default:
		return nil, nil, ""
	}
	return spans, defines, name
}

func (makefileProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	spans, defines, _ := makefileOccurrences(f.Makefile(), offset)
	var locs []position.Location
	for i, span := range spans {
		if defines[i] && !includeDeclaration {
			continue
		}
		locs = append(locs, position.Location{URI: f.URI, Span: span})
	}
	return locs, nil
}

func (makefileProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	spans, defines, _ := makefileOccurrences(f.Makefile(), offset)
	var highlights []Highlight
	for i, span := range spans {
		kind := HighlightRead
		if defines[i] {
			kind = HighlightWrite
		}
		highlights = append(highlights, Highlight{Span: span, Kind: kind})
	}
	return highlights, nil
}

func (makefileProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	mf := f.Makefile()
	if hit := mf.At(offset); hit != nil && hit.Kind == makefile.HitService {
		if key := makefileServiceKey(snap, f, hit); key != nil {
			return &RenameTarget{Span: hit.Word.Span, Placeholder: hit.Word.Text}, nil
		}
		return nil, nil
	}
	_, defines, name := makefileOccurrences(mf, offset)
	if !definedHere(defines) {
		return nil, nil
	}
	hit := mf.At(offset)
	return &RenameTarget{Span: hit.Word.Span, Placeholder: name}, nil
}

// makeNamePattern matches the names that a rename may give a Make variable
// or target: no blanks, and none of the characters make treats specially.
var makeNamePattern = regexp.MustCompile(`^[^\s:#=$()%{}\\;|]+$`)

func (makefileProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	if hit := f.Makefile().At(offset); hit != nil && hit.Kind == makefile.HitService {
		// A service argument renames the service itself, as a rename from
		// its compose key does: compose files, scripts, configs and this
		// Makefile.
		key := makefileServiceKey(snap, f, hit)
		if key == nil {
			return nil, nil
		}
		return composeProvider{}.rename(ctx, snap, snap.File(key.URI), key.Span.Start, newName)
	}
	spans, defines, name := makefileOccurrences(f.Makefile(), offset)
	if !definedHere(defines) {
		return nil, nil // set outside this Makefile, such as HOME
	}
	if !makeNamePattern.MatchString(newName) {
		return nil, fmt.Errorf("cannot rename %q to %q: a Make name cannot be empty or hold blanks, \":\", \"#\", \"=\", \"$\", brackets, \"%%\", \";\" or \"|\"", name, newName)
	}
	edits := make([]position.TextEdit, 0, len(spans))
	for _, span := range spans {
		edits = append(edits, position.TextEdit{Span: span, NewText: newName})
	}
	return map[position.URI][]position.TextEdit{f.URI: edits}, nil
}

// makefileServiceKey returns the compose key of the service that a service
// argument names, or nil when no compose file of the call defines it.
func makefileServiceKey(snap *workspace.Snapshot, f *workspace.File, hit *makefile.Hit) *position.Location {
	for _, def := range snap.CallServices(f.URI, hit.Call, hit.Word.Text) {
		if snap.File(def.URI) != nil && def.Service.Name == hit.Word.Text {
			return &position.Location{URI: def.URI, Span: def.Service.KeySpan}
		}
	}
	return nil
}

// definedHere reports whether one of the occurrences defines the name.
func definedHere(defines []bool) bool {
	for _, d := range defines {
		if d {
			return true
		}
	}
	return false
}

func (makefileProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	mf := f.Makefile()
	var links []Link
	seen := map[position.Span]bool{}
	add := func(word *makefile.Word, path, tooltip string) {
		if path == "" || seen[word.Span] || !snap.FileExists(path) {
			return
		}
		seen[word.Span] = true
		links = append(links, Link{Span: word.Span, Target: string(position.URIFromPath(path)), Tooltip: tooltip})
	}
	for _, c := range mf.ComposeCalls {
		for _, w := range c.Files {
			add(w, workspace.CallPath(f.URI, c, w), "compose file")
		}
		for _, w := range c.EnvFiles {
			add(w, workspace.CallPath(f.URI, c, w), "env file")
		}
	}
	for _, w := range mf.Includes {
		add(w, makefileIncludePath(f.URI, w.Text), "included makefile")
	}
	return links, nil
}
