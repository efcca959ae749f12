package workspace

import (
	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
)

// Index is the cross-file model of one Snapshot: the compose projects, the
// services they define, and every place a service is used as a host.
type Index struct {
	services map[string][]*ServiceDef
}

// ServiceDef is one definition of a service in one compose file.
type ServiceDef struct {
	URI     position.URI // the compose file
	Service *compose.Service
}

// buildIndex builds the Index of s from the models of its Files.
func buildIndex(s *Snapshot) *Index {
	ix := &Index{services: map[string][]*ServiceDef{}}
	for _, f := range s.FilesOfKind(KindCompose) {
		for _, svc := range f.Compose().Services {
			ix.services[svc.Name] = append(ix.services[svc.Name], &ServiceDef{URI: f.URI, Service: svc})
		}
	}
	return ix
}

// Services returns the definitions of the service called name, in every
// compose file of the workspace; nil when there is none.
func (ix *Index) Services(name string) []*ServiceDef { return ix.services[name] }

// HostUses returns every place where the service called name is used as a
// host: scripts, config files, .env values and compose environment values.
func (ix *Index) HostUses(name string) []position.Location {
	// TODO: scan scripts, config files and environment values.
	return nil
}
