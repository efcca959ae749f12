package compose

import (
	"strings"

	composeformat "github.com/compose-spec/compose-go/v2/format"
	"gopkg.in/yaml.v3"
)

// service builds the Service of one entry under "services".
func (f *File) service(e Entry) *Service {
	svc := &Service{Name: e.Key.Value, KeySpan: f.NodeSpan(e.Key), Span: f.entrySpan(e.Key, e.Value), Node: e.Value}
	for _, field := range Entries(e.Value) {
		if IsReset(field.Value) {
			continue
		}
		f.serviceField(svc, field.Key.Value, field.Value)
	}
	return svc
}

// serviceField fills the Service fields that one key of a service sets.
func (f *File) serviceField(svc *Service, key string, value *yaml.Node) {
	switch key {
	case "image":
		svc.Image = f.scalar(value)
	case "build":
		svc.Build = f.buildSection(value)
	case "container_name":
		svc.ContainerName = f.scalar(value)
	case "hostname":
		svc.Hostname = f.scalar(value)
	case "depends_on":
		svc.DependsOn = f.names(value, "")
	case "links":
		svc.Links = f.prefixes(value, ":")
	case "volumes_from":
		svc.VolumesFrom = f.volumesFrom(value)
	case "network_mode":
		svc.NetworkMode = f.networkMode(value)
	case "extends":
		svc.Extends = f.extends(value)
	case "networks":
		svc.Networks = f.names(value, "")
		svc.Aliases = f.aliases(value)
	case "volumes":
		svc.Volumes, svc.VolumeRefs = f.volumes(value)
	case "secrets":
		svc.Secrets = f.names(value, "source")
	case "configs":
		svc.Configs = f.names(value, "source")
	case "ports":
		svc.Ports, svc.PortNodes = f.ports(value)
	case "expose":
		svc.Expose = f.scalars(value)
	case "environment":
		svc.Environment = f.keyValues(value)
	case "env_file":
		svc.EnvFiles = f.names(value, "path")
	case "entrypoint":
		svc.Entrypoint = f.scalars(value)
	case "command":
		svc.Command = f.scalars(value)
	}
}

// build returns the Build of a "build" value: a context string or a mapping.
func (f *File) buildSection(n *yaml.Node) *Build {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return &Build{Context: f.scalar(n)}
	}
	b := &Build{}
	for _, e := range Entries(n) {
		switch e.Key.Value {
		case "context":
			b.Context = f.scalar(e.Value)
		case "dockerfile":
			b.Dockerfile = f.scalar(e.Value)
		case "target":
			b.Target = f.scalar(e.Value)
		case "args":
			b.Args = f.keyValues(e.Value)
		}
	}
	return b
}

// prefixes returns, for each string of a list, the part before sep.
func (f *File) prefixes(n *yaml.Node, sep string) []*Scalar {
	var out []*Scalar
	for _, item := range Items(n) {
		s := f.scalar(item)
		if s == nil {
			continue
		}
		name, _, _ := strings.Cut(s.Value, sep)
		out = append(out, f.subScalar(item, 0, len(name)))
	}
	return out
}

// volumesFrom returns the service names of a volumes_from list; entries
// that name a container ("container:NAME") are left out.
func (f *File) volumesFrom(n *yaml.Node) []*Scalar {
	var out []*Scalar
	for _, item := range Items(n) {
		s := f.scalar(item)
		if s == nil || strings.HasPrefix(s.Value, "container:") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(s.Value, "service:"), ":")
		from := len(s.Value) - len(strings.TrimPrefix(s.Value, "service:"))
		out = append(out, f.subScalar(item, from, from+len(name)))
	}
	return out
}

// networkMode returns the service name of "service:NAME", else the value.
func (f *File) networkMode(n *yaml.Node) *Scalar {
	s := f.scalar(n)
	if s == nil {
		return nil
	}
	if name, ok := strings.CutPrefix(s.Value, "service:"); ok {
		return f.subScalar(n, len("service:"), len("service:")+len(name))
	}
	return s
}

// extends returns the Extends of a service name or of a mapping.
func (f *File) extends(n *yaml.Node) *Extends {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return &Extends{Service: f.scalar(n)}
	}
	return &Extends{Service: f.scalar(Lookup(n, "service")), File: f.scalar(Lookup(n, "file"))}
}

// aliases returns the network aliases of every network of a service.
func (f *File) aliases(n *yaml.Node) []*Scalar {
	var out []*Scalar
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for _, e := range Entries(n) {
		out = append(out, f.scalars(Lookup(e.Value, "aliases"))...)
	}
	return out
}

// volumes returns the short-form volume entries as written and the named
// volumes the service mounts, in short or long form.
func (f *File) volumes(n *yaml.Node) (entries, refs []*Scalar) {
	for _, item := range Items(n) {
		if item.Kind == yaml.MappingNode {
			typ := Lookup(item, "type")
			if source := f.scalar(Lookup(item, "source")); source != nil && (typ == nil || typ.Value == "volume") && source.Value != "" {
				refs = append(refs, source)
			}
			continue
		}
		s := f.scalar(item)
		if s == nil {
			continue
		}
		entries = append(entries, s)
		parsed, err := composeformat.ParseVolume(s.Value)
		if err != nil || parsed.Type != "volume" || parsed.Source == "" || !strings.HasPrefix(s.Value, parsed.Source) {
			continue
		}
		refs = append(refs, f.subScalar(item, 0, len(parsed.Source)))
	}
	return entries, refs
}

// ports returns the port entries: short ones as written, long ones as
// "published:target" with the Span of the whole mapping.
func (f *File) ports(n *yaml.Node) (ports []*Scalar, nodes []*yaml.Node) {
	for _, item := range Items(n) {
		if item.Kind == yaml.MappingNode {
			value := ""
			if published := f.scalar(Lookup(item, "published")); published != nil {
				value = published.Value + ":"
			}
			if target := f.scalar(Lookup(item, "target")); target != nil {
				value += target.Value
			}
			ports = append(ports, &Scalar{Value: value, Span: f.NodeSpan(item)})
			nodes = append(nodes, item)
			continue
		}
		if s := f.scalar(item); s != nil {
			ports = append(ports, s)
			nodes = append(nodes, item)
		}
	}
	return ports, nodes
}
