package navigation

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// shellProvider implements navigation in shell files.
type shellProvider struct{}

func (shellProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	// TODO: implement.
	return nil, nil
}

func (shellProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	// TODO: implement.
	return nil, nil
}

func (shellProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	// TODO: implement.
	return nil, nil
}

func (shellProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	// TODO: implement.
	return nil, nil
}

func (shellProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	// TODO: implement.
	return nil, nil
}

func (shellProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	// TODO: implement.
	return nil, nil
}
