package navigation

import (
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// configVarDefinition returns where each container that holds a config
// file sets the variable of the envsubst-style "${NAME}" at offset, or the
// declaration of the secret of a "/run/secrets/NAME" path. It returns nil
// elsewhere.
func configVarDefinition(snap *workspace.Snapshot, f *workspace.File, offset int) []position.Location {
	if ref := workspace.SecretRefAt(f.Content, offset); ref != nil {
		return secretDefinition(snap, f.URI, ref)
	}
	if ref := workspace.TemplateRefAt(f.Content, offset); ref != nil {
		return envDefinitions(workspace.ContainersOf(snap, f.URI), ref.Name)
	}
	return nil
}

// configVarReferences returns the uses of the variable or secret path at
// offset in a config file across the files of its containers; nil
// elsewhere.
func configVarReferences(snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) []position.Location {
	if ref := workspace.SecretRefAt(f.Content, offset); ref != nil {
		return secretReferences(snap, f.URI, ref.Path, includeDeclaration)
	}
	if ref := workspace.TemplateRefAt(f.Content, offset); ref != nil {
		return varReferences(snap, f.URI, ref.Name, includeDeclaration)
	}
	return nil
}
