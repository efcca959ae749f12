package diagnostics

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stackls/stackls/compose"
)

// composeRuleProfiledDependency is the rule of a service that runs without
// a profile but depends on one that runs only with a profile.
var composeRuleProfiledDependency = composeRule{"ProfiledDependency", Error, composeDocs + "profiles/"}

// profiledDependencies reports a `depends_on` entry of a service without
// `profiles` that names a service which has them. With none of those
// profiles active, compose drops the dependency and rejects the project
// ("depends on undefined service"). An entry with `required: false` is
// left alone, as compose skips it.
func (c *composeCheck) profiledDependencies() {
	if !c.proj.Complete() {
		return
	}
	for _, svc := range c.model.Services {
		if profilesOf(svc.Node) != nil {
			continue
		}
		for _, dep := range svc.DependsOn {
			if dep == nil || strings.Contains(dep.Value, "$") || optionalDependency(svc.Node, dep.Value) {
				continue
			}
			defs := c.proj.Services(dep.Value)
			var profiles []string
			for _, def := range defs {
				p := profilesOf(def.Service.Node)
				if p == nil {
					profiles = nil
					break
				}
				profiles = append(profiles, p...)
			}
			if len(defs) == 0 || profiles == nil {
				continue
			}
			c.add(composeRuleProfiledDependency.diag(dep.Span,
				"service `%s` runs without a profile but depends on `%s`, which runs only with profile `%s`; compose rejects the project unless one of them is active: add the profile to `%s`, or set `required: false`",
				svc.Name, dep.Value, strings.Join(profiles, "` or `"), svc.Name))
		}
	}
}

// profilesOf returns the profiles listed by the service mapping n, or nil
// when it lists none.
func profilesOf(n *yaml.Node) []string {
	var out []string
	for _, item := range compose.Items(compose.Lookup(n, "profiles")) {
		if item.Kind == yaml.ScalarNode && item.Value != "" {
			out = append(out, item.Value)
		}
	}
	return out
}

// optionalDependency reports whether the long form of depends_on in the
// service mapping n sets `required: false` for the service name.
func optionalDependency(n *yaml.Node, name string) bool {
	entry := compose.Lookup(compose.Lookup(n, "depends_on"), name)
	required := compose.Lookup(entry, "required")
	return required != nil && required.Kind == yaml.ScalarNode && strings.EqualFold(required.Value, "false")
}
