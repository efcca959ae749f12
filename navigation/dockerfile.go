package navigation

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dockerfileProvider implements navigation in dockerfile files.
type dockerfileProvider struct{}

func (dockerfileProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	// TODO: implement.
	return nil, nil
}

func (dockerfileProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	// TODO: implement.
	return nil, nil
}

func (dockerfileProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	// TODO: implement.
	return nil, nil
}

func (dockerfileProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	// TODO: implement.
	return nil, nil
}

func (dockerfileProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	// TODO: implement.
	return nil, nil
}

func (dockerfileProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	// TODO: implement.
	return nil, nil
}
