package diagnostics

import (
	"fmt"
	"slices"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/position"
)

// builtinNetworks are networks every project may use without declaring.
var builtinNetworks = map[string]bool{"default": true, "host": true, "none": true, "bridge": true}

// references reports names of services, networks, volumes, secrets and
// configs that no file of the project defines. It reports nothing when an
// include of the project cannot be read, because the name may be there.
func (c *composeCheck) references() {
	if !c.proj.Complete() {
		return
	}
	for _, svc := range c.model.Services {
		for _, s := range svc.DependsOn {
			c.checkService(s, "depends on")
		}
		for _, s := range svc.Links {
			c.checkService(s, "links to")
		}
		for _, s := range svc.VolumesFrom {
			c.checkService(s, "mounts volumes from")
		}
		if svc.NetworkMode != nil && svc.NetworkMode.Span != (position.Span{}) && isServiceNetworkMode(c.model, svc) {
			c.checkService(svc.NetworkMode, "shares the network of")
		}
		if svc.Extends != nil && svc.Extends.Service != nil && svc.Extends.File == nil {
			c.checkService(svc.Extends.Service, "extends")
		}
		for _, s := range svc.Networks {
			c.checkResource(s, project.Networks, composeRuleUndefinedNetwork, "network")
		}
		for _, s := range svc.VolumeRefs {
			c.checkResource(s, project.Volumes, composeRuleUndefinedVolume, "volume")
		}
		for _, s := range svc.Secrets {
			c.checkResource(s, project.Secrets, composeRuleUndefinedSecret, "secret")
		}
		for _, s := range svc.Configs {
			c.checkResource(s, project.Configs, composeRuleUndefinedConfig, "config")
		}
	}
}

// isServiceNetworkMode reports whether the service's network_mode is
// "service:NAME", whose name the model keeps in NetworkMode.
func isServiceNetworkMode(f *compose.File, svc *compose.Service) bool {
	n := compose.Lookup(svc.Node, "network_mode")
	return n != nil && strings.HasPrefix(n.Value, "service:")
}

func (c *composeCheck) checkService(s *compose.Scalar, relation string) {
	if s == nil || s.Value == "" || strings.Contains(s.Value, "$") || len(c.proj.Services(s.Value)) > 0 {
		return
	}
	msg := fmt.Sprintf("undefined service `%s`: no compose file of the project defines it", s.Value)
	near := nearest(s.Value, c.proj.ServiceNames())
	if near != "" {
		msg += fmt.Sprintf("; did you mean `%s`?", near)
	}
	d := composeRuleUndefinedService.diag(s.Span, "%s", msg)
	if near != "" {
		d.Fixes = []*Fix{c.replaceFix(s.Span, near)}
	}
	c.add(d)
}

func (c *composeCheck) checkResource(s *compose.Scalar, kind string, rule composeRule, noun string) {
	if s == nil || s.Value == "" || strings.Contains(s.Value, "$") || len(c.proj.Resources(kind, s.Value)) > 0 {
		return
	}
	if kind == project.Networks && builtinNetworks[s.Value] {
		return
	}
	msg := fmt.Sprintf("undefined %s `%s`: declare it under the top-level `%s`", noun, s.Value, kind)
	near := nearest(s.Value, c.proj.ResourceNames(kind))
	if near != "" {
		msg += fmt.Sprintf(", or did you mean `%s`?", near)
	}
	d := rule.diag(s.Span, "%s", msg)
	if near != "" {
		d.Fixes = []*Fix{c.replaceFix(s.Span, near)}
	}
	c.add(d)
}

// nearest returns the name closest to name when it is a likely typo.
func nearest(name string, names []string) string {
	best, bestDist := "", 3
	for _, candidate := range names {
		if d := levenshtein(name, candidate); d < bestDist && d < len(name) {
			best, bestDist = candidate, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "`" + n + "`"
	}
	return out
}

// containerNames reports a container_name that another service of the
// project uses too; Docker cannot run two containers with one name.
func (c *composeCheck) containerNames() {
	type user struct {
		service string
		loc     position.Location // the service's first container_name value
	}
	users := map[string][]user{} // by container name, one per service
	for _, f := range c.proj.Files {
		for _, svc := range f.Compose.Services {
			if svc.ContainerName == nil || svc.ContainerName.Value == "" || strings.Contains(svc.ContainerName.Value, "$") {
				continue
			}
			name := svc.ContainerName.Value
			known := slices.ContainsFunc(users[name], func(u user) bool { return u.service == svc.Name })
			if !known {
				users[name] = append(users[name], user{svc.Name, position.Location{URI: f.URI, Span: svc.ContainerName.Span}})
			}
		}
	}
	for _, svc := range c.model.Services {
		if svc.ContainerName == nil {
			continue
		}
		var other *user // the other user whose service name sorts first
		list := users[svc.ContainerName.Value]
		for i := range list {
			if list[i].service != svc.Name && (other == nil || list[i].service < other.service) {
				other = &list[i]
			}
		}
		if other == nil {
			continue
		}
		d := composeRuleDuplicateContainer.diag(svc.ContainerName.Span, "container name `%s` is also used by service `%s`; container names must be unique", svc.ContainerName.Value, other.service)
		d.Related = []Related{{Location: other.loc, Message: "also used here"}}
		c.add(d)
	}
}

// includeCycles reports an include entry from which the includes lead back
// to this file, which compose rejects.
func (c *composeCheck) includeCycles() {
	for _, inc := range c.model.Includes {
		path := project.ResolvePath(c.file.URI, inc.Value)
		if path == "" {
			continue
		}
		if chain := c.includeChain(position.URIFromPath(path), map[position.URI]bool{}, 0); chain != nil {
			names := []string{c.file.URI.Base()}
			for _, uri := range chain {
				names = append(names, uri.Base())
			}
			c.add(composeRuleIncludeCycle.diag(inc.Span, "include cycle: %s; Compose rejects a file that includes itself", strings.Join(quoteAll(names), " → ")))
		}
	}
}

// includeChain returns the files from uri along include entries that lead
// back to the checked file, or nil.
func (c *composeCheck) includeChain(uri position.URI, seen map[position.URI]bool, depth int) []position.URI {
	if uri == c.file.URI {
		return []position.URI{uri}
	}
	if seen[uri] || depth > 16 {
		return nil
	}
	seen[uri] = true
	model := project.Load(c.snap, uri)
	if model == nil {
		return nil
	}
	for _, inc := range model.Includes {
		path := project.ResolvePath(uri, inc.Value)
		if path == "" {
			continue
		}
		if rest := c.includeChain(position.URIFromPath(path), seen, depth+1); rest != nil {
			return append([]position.URI{uri}, rest...)
		}
	}
	return nil
}
