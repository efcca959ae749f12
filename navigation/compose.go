package navigation

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeProvider implements navigation in compose files.
type composeProvider struct{}

func (composeProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	// TODO: implement.
	return nil, nil
}

func (composeProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	// TODO: implement.
	return nil, nil
}

func (composeProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	// TODO: implement.
	return nil, nil
}

func (composeProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	// TODO: implement.
	return nil, nil
}

func (composeProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	// TODO: implement.
	return nil, nil
}

func (composeProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	// TODO: implement.
	return nil, nil
}
