package workspace

import (
	"sort"

	"github.com/stackls/stackls/position"
)

// ServiceUses returns the uses of the service called name that the index
// does not record as host uses. These are the SERVICE arguments of
// Makefile docker compose calls ("logs nginx", "exec db sh") whose compose
// files define the service, sorted by URI and offset.
// Each Location holds exactly the name as written in the Makefile, also
// when the argument comes from a Make variable's value, so a rename can
// replace it.
func ServiceUses(snap *Snapshot, name string) []position.Location {
	var locs []position.Location
	seen := map[position.Location]bool{}
	for _, mf := range snap.Index().byKind[KindMakefile] {
		model := mf.Makefile()
		if model == nil {
			continue
		}
		for _, call := range model.ComposeCalls {
			for _, word := range call.Services {
				loc := position.Location{URI: mf.URI, Span: word.Span}
				if word.Text != name || seen[loc] || !spells(mf.Content, word.Span, name) {
					continue
				}
				if len(snap.CallServices(mf.URI, call, name)) == 0 {
					continue
				}
				seen[loc] = true
				locs = append(locs, loc)
			}
		}
	}
	sort.Slice(locs, func(i, j int) bool { return lessLocation(locs[i], locs[j]) })
	return locs
}

// spells reports whether content holds exactly text at span.
func spells(content []byte, span position.Span, text string) bool {
	return span.Valid() && span.End <= len(content) && string(content[span.Start:span.End]) == text
}
