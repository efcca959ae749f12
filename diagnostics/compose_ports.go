package diagnostics

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// maxPortRange bounds how many host ports of one range are compared.
const maxPortRange = 1024

// hostPort is one host port a service publishes.
type hostPort struct {
	ip, protocol string
	port         int
}

func (h hostPort) String() string {
	s := strconv.Itoa(h.port) + "/" + h.protocol
	if h.ip != "" {
		s = h.ip + ":" + s
	}
	return s
}

// publishedPorts returns the host ports of one ports entry, nil when it
// publishes none or cannot be read.
func (c *composeCheck) publishedPorts(entry *compose.Scalar, node *yaml.Node) []hostPort {
	if c.portCache == nil {
		c.portCache = map[*compose.Scalar][]hostPort{}
	}
	if ports, ok := c.portCache[entry]; ok {
		return ports
	}
	ports := c.parsePublished(entry, node)
	c.portCache[entry] = ports
	return ports
}

func (c *composeCheck) parsePublished(entry *compose.Scalar, node *yaml.Node) []hostPort {
	var configs []types.ServicePortConfig
	if node.Kind == yaml.MappingNode {
		published := compose.Lookup(node, "published")
		if published == nil {
			return nil
		}
		cfg := types.ServicePortConfig{Published: published.Value, Protocol: "tcp"}
		if ip := compose.Lookup(node, "host_ip"); ip != nil {
			cfg.HostIP = ip.Value
		}
		if proto := compose.Lookup(node, "protocol"); proto != nil {
			cfg.Protocol = proto.Value
		}
		configs = []types.ServicePortConfig{cfg}
	} else {
		value, ok := c.proj.Substitute(entry.Value)
		if !ok {
			return nil
		}
		parsed, err := parsePort(value)
		if err != nil {
			return nil
		}
		configs = parsed
	}
	var out []hostPort
	for _, cfg := range configs {
		out = append(out, expandPublished(cfg)...)
	}
	return out
}

func expandPublished(cfg types.ServicePortConfig) []hostPort {
	low, high, ok := strings.Cut(cfg.Published, "-")
	if cfg.Published == "" {
		return nil
	}
	start, err := strconv.Atoi(low)
	if err != nil {
		return nil
	}
	end := start
	if ok {
		if end, err = strconv.Atoi(high); err != nil || end < start {
			return nil
		}
	}
	proto := cfg.Protocol
	if proto == "" {
		proto = "tcp"
	}
	var out []hostPort
	for p := start; p <= end && p-start < maxPortRange; p++ {
		out = append(out, hostPort{ip: cfg.HostIP, protocol: proto, port: p})
	}
	return out
}

// ports reports port strings that compose cannot parse, and host ports
// that two services of the project publish. A port bound on all addresses
// ("", 0.0.0.0 or ::) conflicts with the same port on any address.
func (c *composeCheck) ports() {
	type use struct {
		ip      string
		service string
		loc     position.Location
	}
	type portKey struct {
		port     int
		protocol string
	}
	published := map[portKey][]use{}
	for _, pf := range c.proj.Files {
		for _, svc := range pf.Compose.Services {
			for i, entry := range svc.Ports {
				for _, hp := range c.publishedPorts(entry, svc.PortNodes[i]) {
					key := portKey{hp.port, hp.protocol}
					published[key] = append(published[key], use{hp.ip, svc.Name, position.Location{URI: pf.URI, Span: entry.Span}})
				}
			}
		}
	}
	for _, svc := range c.model.Services {
		for i, entry := range svc.Ports {
			node := svc.PortNodes[i]
			if node.Kind == yaml.ScalarNode && !c.checkPortString(entry) {
				continue
			}
		ports:
			for _, hp := range c.publishedPorts(entry, node) {
				for _, other := range published[portKey{hp.port, hp.protocol}] {
					if other.service == svc.Name || !sameAddress(hp.ip, other.ip) {
						continue
					}
					d := composeRuleDuplicateHostPort.diag(entry.Span, "host port %s is also published by service `%s`; only one container can bind it", hp, other.service)
					d.Related = []Related{{Location: other.loc, Message: "also published here"}}
					c.add(d)
					break ports
				}
			}
		}
	}
}

// sameAddress reports whether two host IPs of a port binding conflict.
func sameAddress(a, b string) bool {
	wildcard := func(ip string) bool { return ip == "" || ip == "0.0.0.0" || ip == "::" || ip == "[::]" }
	return a == b || wildcard(a) || wildcard(b)
}

// checkPortString reports a short-form port that compose-go rejects and
// returns whether it is valid.
func (c *composeCheck) checkPortString(entry *compose.Scalar) bool {
	value, ok := c.proj.Substitute(entry.Value)
	if !ok {
		return false
	}
	configs, err := parsePort(value)
	if err != nil {
		c.add(composeRuleInvalidPort.diag(entry.Span, "invalid port `%s`: %v; expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]", value, err))
		return false
	}
	for _, cfg := range configs {
		// compose-go reads container port 0 as no target and rejects it
		// when it merges the service's ports.
		if cfg.Target == 0 {
			c.add(composeRuleInvalidPort.diag(entry.Span, "invalid port `%s`: the container port is 0; expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]", value))
			return false
		}
	}
	return true
}

// volumeStrings reports short-form volume entries that compose-go
// rejects.
func (c *composeCheck) volumeStrings() {
	for _, svc := range c.model.Services {
		for _, entry := range svc.Volumes {
			value, ok := c.proj.Substitute(entry.Value)
			if !ok {
				continue
			}
			if err := volumeError(value); err != nil {
				c.add(composeRuleInvalidVolume.diag(entry.Span, "%s", volumeMessage(value, err)))
			}
		}
	}
}

func volumeMessage(value string, err error) string {
	return fmt.Sprintf("invalid volume `%s`: %v; expected [SOURCE:]TARGET[:MODE]", value, err)
}
