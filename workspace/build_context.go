package workspace

import (
	"github.com/stackls/stackls/position"
)

// BuildContexts returns the OS paths of the build contexts that the
// Dockerfile at uri is built with: each folder that a compose "build"
// pairs with it. When no compose file builds it, the context is the
// Dockerfile's own folder, which "docker build ." next to it uses. It
// returns nil for a URI that is not a file URI.
func (ix *Index) BuildContexts(uri position.URI) []string {
	if contexts := ix.contexts.at(uri); len(contexts) > 0 {
		return contexts
	}
	if uri.Path() == "" {
		return nil
	}
	return []string{uri.Dir()}
}
