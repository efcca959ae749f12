package diagnostics

import (
	"slices"

	"github.com/stackls/stackls/compose"
	"gopkg.in/yaml.v3"
)

// imageOrBuild reports a service that has neither an image nor a build
// section, which Compose rejects when it loads the project ("service has
// neither an image nor a build context specified"). It skips a service
// that extends another, is a provider service, or is also defined in
// another file of the project, because its image may come from there. It
// skips every service when an include of the project cannot be read.
func (c *composeCheck) imageOrBuild() {
	if !c.proj.Complete() {
		return
	}
	for _, svc := range c.model.Services {
		node := compose.Resolve(svc.Node)
		if node == nil || node.Kind != yaml.MappingNode || len(c.proj.Services(svc.Name)) > 1 {
			continue
		}
		if compose.Lookup(node, "build") != nil || compose.Lookup(node, "extends") != nil || compose.Lookup(node, "provider") != nil {
			continue
		}
		image := compose.Lookup(node, "image")
		switch {
		case image == nil:
			c.add(composeRuleMissingImage.diag(svc.KeySpan,
				"service `%s` has neither `image` nor `build`, so Compose cannot create its container; add `image: NAME` or a `build` section", svc.Name))
		case image.Kind == yaml.ScalarNode && image.Tag != "!!null":
			if value, ok := c.proj.Substitute(image.Value); ok && value == "" {
				c.add(composeRuleMissingImage.diag(c.model.NodeSpan(image),
					"the `image` of service `%s` is empty, so Compose cannot create its container; give an image name or a `build` section", svc.Name))
			}
		}
	}
}

// healthcheckTestForms are the words a healthcheck test in list form may
// start with; compose-go rejects a list that starts with anything else.
var healthcheckTestForms = []string{"CMD", "CMD-SHELL", "NONE"}

// healthcheckTests reports a healthcheck "test" list whose first item is
// not CMD, CMD-SHELL or NONE. The string form is a shell command, which
// Compose runs as CMD-SHELL, so it is always valid.
func (c *composeCheck) healthcheckTests() {
	for _, svc := range c.model.Services {
		items := compose.Items(compose.Lookup(compose.Lookup(svc.Node, "healthcheck"), "test"))
		if len(items) == 0 || items[0].Kind != yaml.ScalarNode {
			continue
		}
		first, ok := c.proj.Substitute(items[0].Value)
		if !ok || slices.Contains(healthcheckTestForms, first) {
			continue
		}
		c.add(composeRuleHealthcheckTest.diag(c.model.NodeSpan(items[0]),
			"a healthcheck `test` list must start with `CMD`, `CMD-SHELL` or `NONE`, not `%s`; write `[\"CMD\", %q, ...]` to run a program", first, first))
	}
}

// mountTargets reports a long-syntax volume entry without `target`, which
// compose-go rejects ("is missing a mount target").
func (c *composeCheck) mountTargets() {
	for _, svc := range c.model.Services {
		for _, item := range compose.Items(compose.Lookup(svc.Node, "volumes")) {
			if item.Kind != yaml.MappingNode {
				continue
			}
			c.bindSource(svc, item)
			if compose.Lookup(item, "target") != nil {
				continue
			}
			span := c.model.NodeSpan(item)
			if typ := compose.Lookup(item, "type"); typ != nil {
				span = c.model.NodeSpan(typ)
			}
			c.add(composeRuleMissingMountTarget.diag(span,
				"this volume of service `%s` has no `target`; add `target: /path/in/container`", svc.Name))
		}
	}
}

// bindSource reports a long-syntax bind mount without a source key, which
// compose rejects when it resolves the mount's paths.
func (c *composeCheck) bindSource(svc *compose.Service, item *yaml.Node) {
	typ := compose.Resolve(compose.Lookup(item, "type"))
	if typ == nil || typ.Kind != yaml.ScalarNode || compose.Lookup(item, "source") != nil {
		return
	}
	if value, ok := c.proj.Substitute(typ.Value); !ok || value != "bind" {
		return
	}
	c.add(composeRuleMissingBindSource.diag(c.model.NodeSpan(typ),
		"this bind mount of service `%s` has no `source`; add `source: ./path/on/host`", svc.Name))
}

// portTargets reports a long-syntax port without a target, which compose
// rejects when it merges the ports of a service.
func (c *composeCheck) portTargets() {
	for _, svc := range c.model.Services {
		for _, item := range compose.Items(compose.Lookup(svc.Node, "ports")) {
			if item.Kind != yaml.MappingNode || compose.Lookup(item, "target") != nil {
				continue
			}
			// The first key marks the entry on one line; "{}" marks itself.
			marker := item
			if len(item.Content) > 0 {
				marker = item.Content[0]
			}
			c.add(composeRuleMissingPortTarget.diag(c.model.NodeSpan(marker),
				"this port of service `%s` has no `target`; add `target: <container port>`", svc.Name))
		}
	}
}
