package workspace

import (
	"sort"
	"sync"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
)

// Index is the cross-file model of one Snapshot: the compose projects and
// the services they define, the build context and image files of each
// Dockerfile, and every place a service is used as a host.
//
// The Session derives each Snapshot's Index from the previous one: only
// the parts that read a changed file are computed again, so an edit costs
// time in proportion to what it touches (see deriveIndex). The result is
// the same as a build from scratch. An Index never changes after the
// Session publishes it.
type Index struct {
	byKind map[Kind][]*File // the Snapshot's Files of each kind, sorted by URI

	projects     []*Project
	rank         map[*Project]int // position in projects
	composeLinks []position.URI   // files that includes and Makefile -f values name, with repeats
	defList      []*ServiceDef    // every definition, in URI and offset order

	services cowMap[string, []*ServiceDef] // by service key, in creation order
	names    cowMap[string, []*ServiceDef] // by host name: key, container_name, hostname, alias

	projRefs     cowMap[position.URI, []*Project] // projects whose compose files or env files name the file
	fileProjects cowMap[position.URI, []*Project] // the projects a file belongs to, in project order

	builders   cowMap[position.URI, []*ServiceDef] // Dockerfile → definitions that build it, in defList order
	contexts   cowMap[position.URI, []string]      // Dockerfile → build context folders
	images     cowMap[position.URI, []*ImageFile]  // Dockerfile → files it copies
	copiedFrom cowMap[position.URI, []*ImageFile]  // source file → its copies
	defFiles   cowMap[*ServiceDef, serviceFiles]   // the files each definition's container holds
	fileDefs   cowMap[position.URI, []*ServiceDef] // file → definitions whose container holds it

	hosts cowMap[position.URI, []*HostUse] // every host token per file, resolved or not
	uses  cowMap[*ServiceDef, []*HostUse]
	// globalTokens are, per host name, the files with a token of that name
	// that no project of the file defines, so that it resolves across the
	// whole workspace, sorted.
	globalTokens cowMap[string, []position.URI]
	sourcing     cowMap[position.URI, bool] // scripts that read another with "." or source

	linkRefs cowMap[position.URI, linkCount] // how many places link each file, by the kind they imply
	linked   cowMap[position.URI, Kind]      // files the index uses, with the kind it uses them as

	// hostNames holds HostNames by scope. Indexes with the same host names
	// and projects share it.
	hostNames *hostNameCache

	containers *containerCache // built on first use
	// containerBase is the container cache of the latest earlier Index
	// that built its containers, and containerDirt lists the changes since
	// then. buildContainers starts from them.
	containerBase *containerCache
	containerDirt *containerDirt
}

// hostNameCache holds the results of HostNames, by scope key.
type hostNameCache struct {
	mu    sync.Mutex
	names map[string][]string // guarded by mu
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

	// file and service are the positions of the compose file in
	// Project.ComposeFiles and of the service in the file, which order
	// the definitions as a build from scratch creates them.
	file, service int
}

// Location returns the Location of the service's key.
func (d *ServiceDef) Location() position.Location {
	return position.Location{URI: d.URI, Span: d.Service.KeySpan}
}

// newIndex returns an empty Index.
func newIndex() *Index {
	return &Index{byKind: map[Kind][]*File{}, rank: map[*Project]int{}, containers: &containerCache{}, hostNames: &hostNameCache{}}
}

// Services returns the definitions of the service called name, in every
// compose file of the workspace; nil when there is none.
func (ix *Index) Services(name string) []*ServiceDef { return ix.services.at(name) }

// ServiceNames returns the keys of every service of the workspace, sorted.
func (ix *Index) ServiceNames() []string {
	names := make([]string, 0, ix.services.len())
	ix.services.each(func(name string, _ []*ServiceDef) { names = append(names, name) })
	sort.Strings(names)
	return names
}

// ServiceAt returns the definition whose key holds offset in the compose
// file at uri, or nil.
func (ix *Index) ServiceAt(uri position.URI, offset int) *ServiceDef {
	i := sort.Search(len(ix.defList), func(i int) bool { return ix.defList[i].URI >= uri })
	for ; i < len(ix.defList) && ix.defList[i].URI == uri; i++ {
		if ix.defList[i].Service.KeySpan.Contains(offset) {
			return ix.defList[i]
		}
	}
	return nil
}

// Projects returns the compose projects of the workspace.
func (ix *Index) Projects() []*Project { return ix.projects }

// FileProjects returns the compose projects that use the file at uri, in
// the order of Projects: as a compose file, an env file, a Dockerfile of
// a service or a file copied into a service's image.
func (ix *Index) FileProjects(uri position.URI) []*Project { return ix.fileProjects.at(uri) }

// LinkedKind returns the kind the index uses the file at uri as, or
// KindUnknown when no other file links to it.
func (ix *Index) LinkedKind(uri position.URI) Kind { return ix.linked.at(uri) }
