package workspace

import (
	"sort"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
)

// Index is the cross-file model of one Snapshot: the compose projects and
// the services they define, the build context and image files of each
// Dockerfile, and every place a service is used as a host.
//
// The Index is built from the Files' models, which each File parses once,
// so rebuilding it after an edit is a loop over cached models. It never
// changes after it is built.
type Index struct {
	byKind map[Kind][]*File // the Snapshot's Files of each kind, sorted by URI

	projects []*Project
	services map[string][]*ServiceDef // by service key
	names    map[string][]*ServiceDef // by host name: key, container_name, hostname, alias
	defs     map[defKey]*ServiceDef   // each definition once
	defList  []*ServiceDef            // the same, in URI and offset order

	fileProjects map[position.URI][]*Project // the projects a file belongs to

	contexts   map[position.URI][]string     // Dockerfile → build context folders
	images     map[position.URI][]*ImageFile // Dockerfile → files it copies
	copiedFrom map[position.URI][]*ImageFile // source file → its copies
	fileDefs   map[position.URI][]*ServiceDef

	hosts map[position.URI][]*HostUse // every host token per file, resolved or not
	uses  map[*ServiceDef][]*HostUse

	linked map[position.URI]Kind // files the index uses, with the kind it uses them as
}

// defKey identifies one service definition: a compose file and the offset
// of the service's key.
type defKey struct {
	uri   position.URI
	start int
}

// ServiceDef is one definition of a service in one compose file.
type ServiceDef struct {
	URI     position.URI // the compose file
	Service *compose.Service
	// Project is the compose project the definition belongs to; when
	// several projects read the compose file, the first.
	Project *Project
	// Dockerfile is the Dockerfile that "build" names, or "" when the
	// service uses an image or the build is not a local folder.
	Dockerfile position.URI
	// Context is the OS path of the build context, or "" as for Dockerfile.
	Context string
	// EnvFiles are the files that env_file names, which may not exist.
	EnvFiles []position.URI
}

// Location returns the Location of the service's key.
func (d *ServiceDef) Location() position.Location {
	return position.Location{URI: d.URI, Span: d.Service.KeySpan}
}

// newIndex returns an empty Index.
func newIndex() *Index {
	return &Index{
		byKind:       map[Kind][]*File{},
		services:     map[string][]*ServiceDef{},
		names:        map[string][]*ServiceDef{},
		defs:         map[defKey]*ServiceDef{},
		fileProjects: map[position.URI][]*Project{},
		contexts:     map[position.URI][]string{},
		images:       map[position.URI][]*ImageFile{},
		copiedFrom:   map[position.URI][]*ImageFile{},
		fileDefs:     map[position.URI][]*ServiceDef{},
		hosts:        map[position.URI][]*HostUse{},
		uses:         map[*ServiceDef][]*HostUse{},
		linked:       map[position.URI]Kind{},
	}
}

// buildIndex builds the Index of s from the models of its Files.
func buildIndex(s *Snapshot) *Index {
	ix := newIndex()
	ix.byKind = s.filesByKind()
	ix.addProjects(s)
	ix.defList = ix.sortedDefs()
	ix.addImages(s)
	ix.addHosts()
	return ix
}

// Services returns the definitions of the service called name, in every
// compose file of the workspace; nil when there is none.
func (ix *Index) Services(name string) []*ServiceDef { return ix.services[name] }

// ServiceNames returns the keys of every service of the workspace, sorted.
func (ix *Index) ServiceNames() []string {
	names := make([]string, 0, len(ix.services))
	for name := range ix.services {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// ServiceAt returns the definition whose key holds offset in the compose
// file at uri, or nil.
func (ix *Index) ServiceAt(uri position.URI, offset int) *ServiceDef {
	for _, def := range ix.defList {
		if def.URI == uri && def.Service.KeySpan.Contains(offset) {
			return def
		}
	}
	return nil
}

// Projects returns the compose projects of the workspace.
func (ix *Index) Projects() []*Project { return ix.projects }

// FileProjects returns the compose projects that use the file at uri: as a
// compose file, an env file, a Dockerfile of a service or a file copied
// into a service's image.
func (ix *Index) FileProjects(uri position.URI) []*Project { return ix.fileProjects[uri] }

// LinkedKind returns the kind the index uses the file at uri as, or
// KindUnknown when no other file links to it.
func (ix *Index) LinkedKind(uri position.URI) Kind { return ix.linked[uri] }
