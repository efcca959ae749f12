package workspace

import (
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/stackls/stackls/position"
)

// containerSet is the containers of one Snapshot.
type containerSet struct {
	all       []*Container // sorted by less
	byFile    cowMap[position.URI, []*Container]
	byProject map[*Project][]*Container   // service containers of each project, in service order
	byImage   map[position.URI]*Container // containers of Dockerfiles that no service builds
	calls     []starterCall
	rank      map[*Project]int // the Index's project order, for less
}

// containerCache holds the containers of one Index, built on first use.
type containerCache struct {
	once sync.Once
	set  atomic.Pointer[containerSet] // nil until built
}

// containerDirt is the list of changes since the Index whose containers an
// Index starts from. The containers whose inputs it names are built again,
// and the others are shared.
type containerDirt struct {
	all         bool                  // build every container
	starters    bool                  // Makefiles or the compose files of their calls changed
	tree        bool                  // files came or went, which bind mounts read
	dockerfiles map[position.URI]bool // Dockerfiles whose content, contexts or image files changed
	files       map[position.URI]bool // files whose File changed
}

// maxContainerDirt bounds the files and Dockerfiles that a containerDirt
// names. Past it, the containers are built from scratch.
const maxContainerDirt = 4096

// containerDirt returns the changes of the derivation that containers read.
func (b *indexBuilder) containerDirt() *containerDirt {
	if b.fresh {
		return &containerDirt{all: true}
	}
	d := &containerDirt{starters: b.skeleton, tree: b.existenceChanged(), dockerfiles: map[position.URI]bool{}, files: map[position.URI]bool{}}
	for uri := range b.dockerfiles {
		d.dockerfiles[uri] = true
	}
	for uri := range b.imagesChanged {
		d.dockerfiles[uri] = true
	}
	b.eachChanged(func(uri position.URI, before, after *File) {
		for _, f := range []*File{before, after} {
			if f != nil && (f.Kind == KindCompose || f.Kind == KindDotEnv || f.Kind == KindDockerfile || f.Kind == KindMakefile) {
				d.files[uri] = true // containers read no script or config file
			}
		}
	})
	return d
}

// empty reports whether d names no change.
func (d *containerDirt) empty() bool {
	return !d.all && !d.starters && !d.tree && len(d.dockerfiles) == 0 && len(d.files) == 0
}

// merge returns the dirt of d and then e.
func (d *containerDirt) merge(e *containerDirt) *containerDirt {
	out := &containerDirt{all: d.all || e.all, starters: d.starters || e.starters, tree: d.tree || e.tree,
		dockerfiles: map[position.URI]bool{}, files: map[position.URI]bool{}}
	for _, src := range []*containerDirt{d, e} {
		for uri := range src.dockerfiles {
			out.dockerfiles[uri] = true
		}
		for uri := range src.files {
			out.files[uri] = true
		}
	}
	if len(out.dockerfiles)+len(out.files) > maxContainerDirt {
		out.all = true
	}
	return out
}

// chainContainers gives ix the containers to start from: those of old
// when they are built, or those old starts from, with what changed since.
func (ix *Index) chainContainers(old *Index, dirt *containerDirt) {
	ix.containers = &containerCache{}
	switch {
	case dirt.all:
	case old.containers != nil && old.containers.set.Load() != nil:
		ix.containerBase, ix.containerDirt = old.containers, dirt
	case old.containerBase != nil:
		if merged := old.containerDirt.merge(dirt); !merged.all {
			ix.containerBase, ix.containerDirt = old.containerBase, merged
		}
	}
}

// memoContainers returns the containers of snap, building them on first
// use from the Snapshot's cached models and index.
func memoContainers(snap *Snapshot) *containerSet {
	ix := snap.Index()
	ix.containers.once.Do(func() { ix.containers.set.Store(buildContainers(snap, ix)) })
	return ix.containers.set.Load()
}

// buildContainers derives the containers of snap from its index and the
// Files' cached models, sharing the containers of the Index it starts from
// whose inputs did not change.
func buildContainers(snap *Snapshot, ix *Index) *containerSet {
	var base *containerSet
	if ix.containerBase != nil {
		base = ix.containerBase.set.Load()
	}
	if base != nil && ix.containerDirt.empty() {
		return base
	}
	set := &containerSet{byProject: map[*Project][]*Container{}, byImage: map[position.URI]*Container{}, rank: ix.rank}
	if base == nil || ix.containerDirt.starters {
		set.calls = starterCalls(snap)
	} else {
		set.calls = base.calls
	}

	built := map[position.URI]bool{}
	var added []*Container
	for _, p := range ix.projects {
		cs, ok := []*Container(nil), false
		if base != nil {
			cs, ok = base.byProject[p]
		}
		switch {
		case !ok || !ix.containerDirt.keeps(p, cs):
			cs = newProjectContainers(snap, p, set.calls)
			added = append(added, cs...)
		case ix.containerDirt.starters:
			cs = restarted(p, cs, set.calls)
			added = append(added, cs...)
		}
		set.byProject[p] = cs
		for _, c := range cs {
			if c.Dockerfile != "" {
				built[c.Dockerfile] = true
			}
		}
	}
	for _, f := range ix.byKind[KindDockerfile] {
		if built[f.URI] || f.Dockerfile() == nil {
			continue
		}
		c, ok := (*Container)(nil), false
		if base != nil {
			c, ok = base.byImage[f.URI]
		}
		if !ok || ix.containerDirt.dockerfiles[f.URI] || ix.containerDirt.files[f.URI] {
			c = newImageContainer(snap, f.URI)
			added = append(added, c)
		}
		set.byImage[f.URI] = c
	}
	set.collect(base, added)
	return set
}

// keeps reports whether the containers cs of project p, built for an
// earlier Index, read nothing that d names.
func (d *containerDirt) keeps(p *Project, cs []*Container) bool {
	if d == nil || d.all {
		return false
	}
	for _, uri := range slices.Concat(p.EnvFiles, p.ComposeFiles) {
		if d.files[uri] {
			return false
		}
	}
	for _, c := range cs {
		if c.Dockerfile != "" && (d.dockerfiles[c.Dockerfile] || d.files[c.Dockerfile]) {
			return false
		}
		for _, def := range c.Defs {
			if d.tree && len(def.Service.Volumes) > 0 {
				return false
			}
			for _, uri := range def.EnvFiles {
				if d.files[uri] {
					return false
				}
			}
		}
	}
	return true
}

// newProjectContainers builds the containers of the services of p, with
// the Makefile calls that start them.
func newProjectContainers(snap *Snapshot, p *Project, calls []starterCall) []*Container {
	var cs []*Container
	for _, name := range projectServiceNames(p) {
		cs = append(cs, newServiceContainer(snap, p, name))
	}
	addStarters(calls, p, cs)
	return cs
}

// restarted returns copies of the containers cs of project p with the
// starters that calls give them.
func restarted(p *Project, cs []*Container, calls []starterCall) []*Container {
	out := make([]*Container, len(cs))
	for i, c := range cs {
		cp := *c
		cp.Starters = nil
		out[i] = &cp
	}
	addStarters(calls, p, out)
	return out
}

// collect sets all and byFile from base's and the added containers.
func (set *containerSet) collect(base *containerSet, added []*Container) {
	removed := map[*Container]bool{}
	var all []*Container
	if base != nil {
		for p, cs := range base.byProject {
			if now, ok := set.byProject[p]; !ok || !sameArray(now, cs) {
				for _, c := range cs {
					removed[c] = true
				}
			}
		}
		for uri, c := range base.byImage {
			if set.byImage[uri] != c {
				removed[c] = true
			}
		}
		set.byFile = base.byFile.copy()
		all = base.all
		if len(removed) > 0 {
			all = slices.DeleteFunc(slices.Clone(all), func(c *Container) bool { return removed[c] })
		}
	}

	var edits listEdits[position.URI, *Container]
	for c := range removed {
		for _, f := range c.Files {
			edits.remove(f.URI, c)
		}
	}
	for _, c := range added {
		for _, f := range c.Files {
			edits.insert(f.URI, c)
		}
	}
	sort.SliceStable(added, func(i, j int) bool { return set.less(added[i], added[j]) })
	set.all = mergeSorted(all, added, set.less)
	edits.apply(&set.byFile, set.less)
}

// sameArray reports whether two slices share their first element's
// address and length, that is, are the same list.
func sameArray[E any](a, b []E) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// less orders containers by project folder and service name, then by
// project, with those of no service last, by Dockerfile.
func (set *containerSet) less(a, b *Container) bool {
	if (a.Service == "") != (b.Service == "") {
		return a.Service != ""
	}
	if a.Service == "" {
		return a.Dockerfile < b.Dockerfile
	}
	if a.Project.Dir != b.Project.Dir {
		return a.Project.Dir < b.Project.Dir
	}
	if a.Service != b.Service {
		return a.Service < b.Service
	}
	return set.rank[a.Project] < set.rank[b.Project]
}

// mergeSorted merges two lists sorted by less.
func mergeSorted[E any](a, b []E, less func(x, y E) bool) []E {
	out := make([]E, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if less(b[0], a[0]) {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}
