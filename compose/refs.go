package compose

import (
	"sort"

	"github.com/stackls/stackls/position"
)

// Kinds of names a compose file defines and uses, named as the top-level
// keys that define them.
const (
	KindService = "services"
	KindNetwork = "networks"
	KindVolume  = "volumes"
	KindSecret  = "secrets"
	KindConfig  = "configs"
)

// Ref is one occurrence of a service, network, volume, secret or config
// name: its definition (a key under the top-level section) or a use.
type Ref struct {
	Kind       string // one of the Kind constants
	Name       string
	Span       position.Span // the name only
	Definition bool
	Service    *Service // the service that holds a use; nil for definitions
	// ExtendsFile is set for the service name of an "extends" that names
	// another file: the name lives in that file, not in this project.
	ExtendsFile *Scalar
}

// Refs returns every definition and use of a name in f, sorted by offset.
// A use that several services share through a merge key appears once.
func (f *File) Refs() []Ref {
	return append([]Ref(nil), f.cachedRefs()...)
}

// cachedRefs returns the Refs of the File, built once; the caller must not
// change the slice.
func (f *File) cachedRefs() []Ref {
	f.refsOnce.Do(func() { f.refs = f.buildRefs() })
	return f.refs
}

func (f *File) buildRefs() []Ref {
	var refs []Ref
	seen := map[position.Span]bool{}
	add := func(r Ref) {
		if r.Name == "" || seen[r.Span] {
			return
		}
		seen[r.Span] = true
		refs = append(refs, r)
	}
	for _, svc := range f.Services {
		add(Ref{Kind: KindService, Name: svc.Name, Span: svc.KeySpan, Definition: true})
		f.serviceRefs(svc, add)
	}
	for kind, list := range map[string][]*Resource{KindNetwork: f.Networks, KindVolume: f.Volumes, KindSecret: f.Secrets, KindConfig: f.Configs} {
		for _, r := range list {
			add(Ref{Kind: kind, Name: r.Name, Span: r.KeySpan, Definition: true})
		}
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].Span.Start < refs[j].Span.Start })
	return refs
}

// serviceRefs passes each name that svc uses to add.
func (f *File) serviceRefs(svc *Service, add func(Ref)) {
	uses := func(kind string, list []*Scalar) {
		for _, s := range list {
			add(Ref{Kind: kind, Name: s.Value, Span: s.Span, Service: svc})
		}
	}
	uses(KindService, svc.DependsOn)
	uses(KindService, svc.Links)
	uses(KindService, svc.VolumesFrom)
	if svc.NetworkMode != nil {
		if mode := Lookup(svc.Node, "network_mode"); mode != nil && len(mode.Value) > len("service:") && mode.Value[:len("service:")] == "service:" {
			uses(KindService, []*Scalar{svc.NetworkMode})
		}
	}
	if svc.Extends != nil && svc.Extends.Service != nil {
		add(Ref{Kind: KindService, Name: svc.Extends.Service.Value, Span: svc.Extends.Service.Span, Service: svc, ExtendsFile: svc.Extends.File})
	}
	uses(KindNetwork, svc.Networks)
	uses(KindVolume, svc.VolumeRefs)
	uses(KindSecret, svc.Secrets)
	uses(KindConfig, svc.Configs)
}

// RefAt returns the occurrence of a name whose Span holds offset, or nil.
func (f *File) RefAt(offset int) *Ref {
	for _, r := range f.cachedRefs() {
		if r.Span.Contains(offset) {
			return &r
		}
	}
	return nil
}

// AnchorAt returns the anchor whose name holds offset, or the anchor an
// alias at offset names; nil when there is none.
func (f *File) AnchorAt(offset int) *Anchor {
	for _, a := range f.Anchors {
		if a.Span.Contains(offset) {
			return a
		}
	}
	for _, alias := range f.Aliases {
		if alias.Span.Contains(offset) {
			return f.AnchorOf(alias)
		}
	}
	return nil
}

// AnchorOf returns the anchor that an alias refers to: the last anchor of
// that name before it, as YAML resolves aliases. It returns nil when there
// is none.
func (f *File) AnchorOf(alias *Alias) *Anchor {
	var found *Anchor
	for _, a := range f.Anchors {
		if a.Name == alias.Name && a.Span.Start < alias.Span.Start {
			found = a
		}
	}
	return found
}
