package navigation

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dockerfileProvider implements navigation in Dockerfiles: stage names,
// ARG and ENV variables (scope-correct across stages), and the build
// context files that COPY, ADD, ENTRYPOINT and CMD name.
type dockerfileProvider struct{}

func (dockerfileProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	if use := df.UseAt(offset); use != nil && use.Binding != nil {
		return []position.Location{{URI: f.URI, Span: use.Binding.Span}}, nil
	}
	if target := dfContextFileAt(snap, f, df, offset); target != nil {
		return []position.Location{{URI: position.URIFromPath(target.path)}}, nil
	}
	return nil, nil
}

func (dockerfileProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	use := df.UseAt(offset)
	if use == nil {
		return nil, nil
	}
	var locs []position.Location
	for _, u := range use.Symbol.Uses() {
		if u.Decl && !includeDeclaration {
			continue
		}
		locs = append(locs, position.Location{URI: f.URI, Span: u.Span})
	}
	return locs, nil
}

func (dockerfileProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	use := df.UseAt(offset)
	if use == nil {
		return nil, nil
	}
	var hs []Highlight
	for _, u := range use.Symbol.Uses() {
		kind := HighlightRead
		if u.Decl {
			kind = HighlightWrite
		}
		hs = append(hs, Highlight{Span: u.Span, Kind: kind})
	}
	return hs, nil
}

func (dockerfileProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	use := df.UseAt(offset)
	if use == nil {
		return nil, nil
	}
	return &RenameTarget{Span: use.Span, Placeholder: string(df.Content[use.Span.Start:use.Span.End])}, nil
}

var (
	dfValidVarName   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	dfValidStageName = regexp.MustCompile(`^[a-z][a-z0-9-_.]*$`)
)

func (dockerfileProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	df := f.Dockerfile()
	if df == nil {
		return nil, nil
	}
	use := df.UseAt(offset)
	if use == nil {
		return nil, nil
	}
	switch use.Symbol.Kind {
	case dockerfile.SymbolVar:
		if !dfValidVarName.MatchString(newName) {
			return nil, fmt.Errorf("invalid variable name %q: use letters, digits and _, not starting with a digit", newName)
		}
	case dockerfile.SymbolStage:
		if !dfValidStageName.MatchString(newName) {
			return nil, fmt.Errorf("invalid stage name %q: use lower-case letters, digits, '-', '_' and '.', starting with a letter", newName)
		}
		if other := df.StageNamed(newName); other != nil && !strings.EqualFold(other.Name, use.Symbol.Name) {
			return nil, fmt.Errorf("a stage named %q already exists on line %d", newName, dfLineNumber(df.Content, other.NameSpan.Start))
		}
	}
	var edits []position.TextEdit
	for _, u := range use.Symbol.Uses() {
		edits = append(edits, position.TextEdit{Span: u.Span, NewText: newName})
	}
	return map[position.URI][]position.TextEdit{f.URI: edits}, nil
}

func dfLineNumber(content []byte, offset int) int {
	return strings.Count(string(content[:offset]), "\n") + 1
}
