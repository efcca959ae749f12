package hover

import (
	"fmt"

	"github.com/stackls/stackls/workspace"
)

// makefileServiceCard returns the service card of each definition of the
// service called name, or a short note when no compose file of the call
// defines it.
func makefileServiceCard(snap *workspace.Snapshot, defs []*workspace.ServiceDef, name string) string {
	if len(defs) == 0 {
		return fmt.Sprintf("**service `%s`**\n\nNo compose file of this project defines it.", name)
	}
	return serviceCard(snap, defs)
}
