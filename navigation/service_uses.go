package navigation

import (
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// addServiceUseEdits adds to edits the replacement of each use of the
// service called name outside compose files that the index does not
// record as a host use: the SERVICE arguments of Makefile docker compose
// calls.
func addServiceUseEdits(snap *workspace.Snapshot, edits map[position.URI][]position.TextEdit, name, newName string) {
	for _, loc := range workspace.ServiceUses(snap, name) {
		edits[loc.URI] = append(edits[loc.URI], position.TextEdit{Span: loc.Span, NewText: newName})
	}
}
