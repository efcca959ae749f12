package project

import (
	"github.com/stackls/stackls/compose"
)

// Resource kinds, named as the top-level keys that declare them.
const (
	Networks = "networks"
	Volumes  = "volumes"
	Secrets  = "secrets"
	Configs  = "configs"
)

// ServiceDef is one definition of a service in a file of the project.
type ServiceDef struct {
	File    *File
	Service *compose.Service
}

// ResourceDef is one declaration of a network, volume, secret or config.
type ResourceDef struct {
	File     *File
	Resource *compose.Resource
}

// Services returns the definitions of the service called name in every
// file of the project, in file order.
// The returned slice must not be changed.
func (p *Project) Services(name string) []ServiceDef {
	p.servicesOnce.Do(func() {
		p.services = map[string][]ServiceDef{}
		for _, f := range p.Files {
			for _, svc := range f.Compose.Services {
				p.services[svc.Name] = append(p.services[svc.Name], ServiceDef{File: f, Service: svc})
			}
		}
	})
	return p.services[name]
}

// ServiceNames returns the names of the services of the project, in file
// order without duplicates.
func (p *Project) ServiceNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, f := range p.Files {
		for _, svc := range f.Compose.Services {
			if !seen[svc.Name] {
				seen[svc.Name] = true
				names = append(names, svc.Name)
			}
		}
	}
	return names
}

// Resources returns the declarations of the resource of one kind called
// name in every file of the project.
func (p *Project) Resources(kind, name string) []ResourceDef {
	var defs []ResourceDef
	for _, f := range p.Files {
		for _, r := range ResourcesOf(f.Compose, kind) {
			if r.Name == name {
				defs = append(defs, ResourceDef{File: f, Resource: r})
			}
		}
	}
	return defs
}

// ResourceNames returns the names of the resources of one kind that the
// project declares, in file order without duplicates.
func (p *Project) ResourceNames(kind string) []string {
	var names []string
	seen := map[string]bool{}
	for _, f := range p.Files {
		for _, r := range ResourcesOf(f.Compose, kind) {
			if !seen[r.Name] {
				seen[r.Name] = true
				names = append(names, r.Name)
			}
		}
	}
	return names
}

// ResourcesOf returns the top-level resources of one kind of a file.
func ResourcesOf(f *compose.File, kind string) []*compose.Resource {
	switch kind {
	case Networks:
		return f.Networks
	case Volumes:
		return f.Volumes
	case Secrets:
		return f.Secrets
	case Configs:
		return f.Configs
	}
	return nil
}

// Complete reports whether every "include" of the project could be
// resolved to a file, so that a name it does not define is really
// undefined.
func (p *Project) Complete() bool {
	for _, f := range p.Files {
		for _, inc := range f.Compose.Includes {
			path := ResolvePath(f.URI, inc.Value)
			if path == "" || !Exists(p.Snapshot, path) {
				return false
			}
		}
	}
	return true
}
