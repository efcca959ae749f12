package diagnostics

import (
	"fmt"

	"github.com/stackls/stackls/compose/schema"
)

// Prepare builds the tables that the checks otherwise build on first use,
// such as the compiled compose-spec schema, so that the first diagnostics
// of a file do not wait for them. It takes tens of milliseconds, once per
// process, and is safe to call from any goroutine. The server calls it in
// the background after it has sent the initialize response.
func Prepare() error {
	if err := schema.Prepare(); err != nil {
		return fmt.Errorf("preparing the compose checks: %w", err)
	}
	return nil
}
