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

// HostUse is a word in a script, config file, .env value or compose
// environment value that names a service as a host, such as "mariadb" in
// "mariadb:3306".
type HostUse struct {
	Location position.Location // the host name only
	Name     string            // the word as written
	Service  string            // the service it resolves to
	Port     string            // the port after "host:", or "" when none
}

// HostUses returns every place where the service called name is used as a
// host, in every file of the workspace, sorted by URI and offset.
func (ix *Index) HostUses(service string) []*HostUse {
	// TODO: scan scripts, config files and environment values.
	return nil
}

// HostAt returns the host use whose Span contains offset in the file at
// uri, or nil when there is none.
func (ix *Index) HostAt(uri position.URI, offset int) *HostUse {
	// TODO: scan scripts, config files and environment values.
	return nil
}
