package diagnostics

import (
	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"gopkg.in/yaml.v3"
)

// imageOrBuild reports a service that has neither an image nor a build
// section, which Compose rejects when it loads the project ("service has
// neither an image nor a build context specified"). A service that extends
// another, is a provider service, or is also defined in another file of
// the project may get its image from there, so it is left alone, and so
// is every service when an include of the project cannot be read.
func (c *composeCheck) imageOrBuild() {
	if !c.proj.Complete() {
		return
	}
	lookup := c.proj.LookupFunc()
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
			if value, ok := project.Substitute(image.Value, lookup); ok && value == "" {
				c.add(composeRuleMissingImage.diag(c.model.NodeSpan(image),
					"the `image` of service `%s` is empty, so Compose cannot create its container; give an image name or a `build` section", svc.Name))
			}
		}
	}
}
