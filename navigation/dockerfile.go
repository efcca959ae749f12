package navigation

import (
	"context"
	"regexp"
	"strings"

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
	return dockerfileLink(snap, f, df, use, false).locations(includeDeclaration), nil
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
	return dockerfileLink(snap, f, df, use, true).rename(newName)
}

func dfLineNumber(content []byte, offset int) int {
	return strings.Count(string(content[:offset]), "\n") + 1
}
