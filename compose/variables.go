package compose

import (
	"bytes"

	"github.com/stackls/stackls/compose/interp"
)

// ContentVariables returns the names of the variables that the "$NAME" and
// "${NAME...}" references in the content name, nested references
// included, in order of first appearance and without duplicates. It reads
// the whole content, keys and comments included, once per File. The
// returned slice must not be changed.
func (f *File) ContentVariables() []string {
	f.variablesOnce.Do(func() {
		if bytes.IndexByte(f.Content, '$') < 0 {
			return
		}
		seen := map[string]bool{}
		for _, ref := range interp.All(interp.Refs(string(f.Content))) {
			if ref.Name != "" && !seen[ref.Name] {
				seen[ref.Name] = true
				f.variables = append(f.variables, ref.Name)
			}
		}
	})
	return f.variables
}
