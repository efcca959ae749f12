package navigation

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dotenvProvider implements navigation in .env files: a host name in a
// value goes to its service.
type dotenvProvider struct{}

func (dotenvProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	return hostDefinition(snap, f, offset), nil
}

func (dotenvProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	return hostReferences(snap, f, offset, includeDeclaration), nil
}

func (dotenvProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	return hostHighlights(snap, f, offset), nil
}

func (dotenvProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	return hostPrepareRename(snap, f, offset), nil
}

func (dotenvProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	return hostRename(snap, f, offset, newName)
}

func (dotenvProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	return nil, nil
}
