package workspace

import (
	"strconv"
	"strings"

	"github.com/stackls/stackls/position"
)

// imagePorts are the ports that some Docker Official Images expose by
// default, by repository name. A name with no ports is an image known to
// expose none. Images not listed are unknown, so a container built on one
// may listen on ports that stackls does not list.
//
// NOTE: the table follows the images' documentation and is not checked
// against each tag's Dockerfile.
var imagePorts = map[string][]int{
	"mariadb": {3306}, "mysql": {3306, 33060}, "postgres": {5432}, "redis": {6379},
	"mongo": {27017}, "nginx": {80}, "httpd": {80}, "memcached": {11211},
	"adminer": {8080}, "elasticsearch": {9200, 9300},
	"alpine": nil, "debian": nil, "ubuntu": nil, "busybox": nil, "scratch": nil,
	"fedora": nil, "rockylinux": nil, "almalinux": nil, "amazonlinux": nil, "archlinux": nil,
	"python": nil, "node": nil, "golang": nil, "ruby": nil, "eclipse-temurin": nil,
}

// addPorts records the ports the container declares: the container side
// of the services' "ports", their "expose", the EXPOSE of the stage chain,
// and what the base image is known to expose.
func (c *Container) addPorts(snap *Snapshot) {
	c.PortsComplete = true
	for _, def := range c.Defs {
		for _, p := range def.Service.Ports {
			spec := p.Value
			if i := strings.LastIndexByte(spec, ':'); i >= 0 {
				spec = spec[i+1:]
			}
			c.addPort(spec, "ports", position.Location{URI: def.URI, Span: p.Span})
		}
		for _, e := range def.Service.Expose {
			c.addPort(e.Value, "expose", position.Location{URI: def.URI, Span: e.Span})
		}
	}
	if c.Stage >= 0 {
		df := snap.File(c.Dockerfile).Dockerfile()
		for _, si := range orderedChain(df, c.Stage) {
			for _, in := range df.Stages[si].Instructions {
				if in.Keyword != "EXPOSE" {
					continue
				}
				for _, w := range in.Args {
					c.addPort(w.Value, "EXPOSE", position.Location{URI: c.Dockerfile, Span: w.Span})
				}
			}
		}
	}
	c.addImagePorts()
}

// addImagePorts adds the ports of a known base image, and marks the list
// incomplete for an unknown one.
func (c *Container) addImagePorts() {
	repo, tag := imageRepository(c.BaseImage)
	ports, known := imagePorts[repo]
	switch {
	case repo == "php" || repo == "wordpress":
		known = true
		switch {
		case strings.Contains(tag, "fpm"):
			ports = []int{9000}
		case repo == "wordpress" || strings.Contains(tag, "apache"):
			ports = []int{80}
		}
	}
	if !known {
		c.PortsComplete = false
		return
	}
	for _, p := range ports {
		c.Ports = append(c.Ports, &Port{From: p, To: p, Kind: "image"})
	}
}

// addPort adds a port or range such as "80", "8000-8010" or "53/udp"; a
// value with a variable makes the list incomplete.
func (c *Container) addPort(spec, kind string, loc position.Location) {
	from, to, ok := parsePortRange(spec)
	if !ok {
		c.PortsComplete = false
		return
	}
	c.Ports = append(c.Ports, &Port{From: from, To: to, Location: loc, Kind: kind})
}

// parsePortRange reads "80", "80/tcp" or "8000-8010".
func parsePortRange(spec string) (from, to int, ok bool) {
	spec, _, _ = strings.Cut(strings.TrimSpace(spec), "/")
	first, last, isRange := strings.Cut(spec, "-")
	from, err := strconv.Atoi(first)
	if err != nil || from <= 0 || from > 65535 {
		return 0, 0, false
	}
	to = from
	if isRange {
		if to, err = strconv.Atoi(last); err != nil || to < from || to > 65535 {
			return 0, 0, false
		}
	}
	return from, to, true
}

// HasPort reports whether one of the container's declared ports is n.
func (c *Container) HasPort(n int) bool {
	for _, p := range c.Ports {
		if p.From <= n && n <= p.To {
			return true
		}
	}
	return false
}

// imageRepository returns the last path part of an image's repository, in
// lower case, and its tag: "mariadb" and "11" for
// "docker.io/library/mariadb:11". It returns "" for a reference with a
// variable.
func imageRepository(image string) (repo, tag string) {
	if image == "" || strings.ContainsAny(image, "${}") {
		return "", ""
	}
	image, _, _ = strings.Cut(image, "@")
	name := image
	if i := strings.LastIndexByte(image, ':'); i > strings.LastIndexByte(image, '/') {
		name, tag = image[:i], image[i+1:]
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(name), tag
}
