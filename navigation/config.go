package navigation

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// configProvider implements navigation in config files: a host name goes
// to its service.
type configProvider struct{}

func (configProvider) definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error) {
	if locs := hostDefinition(snap, f, offset); locs != nil {
		return locs, nil
	}
	return configVarDefinition(snap, f, offset), nil
}

func (configProvider) references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error) {
	if locs := hostReferences(snap, f, offset, includeDeclaration); locs != nil {
		return locs, nil
	}
	return configVarReferences(snap, f, offset, includeDeclaration), nil
}

func (configProvider) highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error) {
	return hostHighlights(snap, f, offset), nil
}

func (configProvider) prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error) {
	return hostPrepareRename(snap, f, offset), nil
}

func (configProvider) rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	return hostRename(snap, f, offset, newName)
}

func (configProvider) links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error) {
	return nil, nil
}
