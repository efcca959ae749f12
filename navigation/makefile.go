package navigation

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// makefileProvider implements navigation in makefile files.
type makefileProvider struct{}

func (makefileProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	// TODO: implement.
	return nil, nil
}

func (makefileProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	// TODO: implement.
	return nil, nil
}

func (makefileProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	// TODO: implement.
	return nil, nil
}

func (makefileProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	// TODO: implement.
	return nil, nil
}

func (makefileProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	// TODO: implement.
	return nil, nil
}

func (makefileProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	// TODO: implement.
	return nil, nil
}
