package diagnostics

import (
	"gopkg.in/yaml.v3"

	"github.com/stackls/stackls/compose"
)

// exposeFloats reports an `expose` entry written as a number with a
// fraction, such as 1.5: the schema allows any number there, but compose
// accepts only whole numbers and strings.
func (c *composeCheck) exposeFloats() {
	for _, svc := range c.model.Services {
		for _, item := range compose.Items(compose.Lookup(svc.Node, "expose")) {
			if item.Kind != yaml.ScalarNode || item.ShortTag() != "!!float" {
				continue
			}
			c.add(composeRuleInvalidPort.diag(c.model.NodeSpan(item),
				"`%s` is not a port that service `%s` can expose; write a port number or a range, such as `8080` or `8000-8010`", item.Value, svc.Name))
		}
	}
}
