package diagnostics

import (
	"github.com/mattn/go-shellwords"
	"gopkg.in/yaml.v3"

	"github.com/stackls/stackls/compose"
)

// composeRuleInvalidCommand is the rule of a command string that compose
// cannot split into arguments.
var composeRuleInvalidCommand = composeRule{"InvalidCommand", Error, composeDocs + "services/#command"}

// commandKeys are the keys of a service whose string value compose splits
// into arguments, and hookLists the lists of hooks whose "command" it
// splits the same way.
var (
	commandKeys = []string{"command", "entrypoint"}
	hookLists   = []string{"post_start", "pre_stop"}
)

// commandLines reports a command written as a string that compose cannot
// split into arguments, such as one with an unclosed quote. Compose splits
// such strings, after interpolation, with github.com/mattn/go-shellwords,
// and so does this check. A value whose variables are not all set is left
// alone.
func (c *composeCheck) commandLines() {
	for _, svc := range c.model.Services {
		for _, key := range commandKeys {
			c.commandLine(compose.Lookup(svc.Node, key))
		}
		for _, list := range hookLists {
			hooks := compose.Lookup(svc.Node, list)
			if hooks == nil || hooks.Kind != yaml.SequenceNode {
				continue
			}
			for _, hook := range hooks.Content {
				c.commandLine(compose.Lookup(hook, "command"))
			}
		}
	}
}

// commandLine reports n, a value that compose.Lookup returned, when it is
// a string that compose cannot split.
func (c *composeCheck) commandLine(n *yaml.Node) {
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return // a list, or a value of a type the schema reports
	}
	value, ok := c.proj.Substitute(n.Value)
	if !ok {
		return
	}
	if _, err := shellwords.Parse(value); err != nil {
		c.add(composeRuleInvalidCommand.diag(c.model.NodeSpan(n),
			"compose cannot split `%s` into arguments (%v); close the quotes or write the command as a list", value, err))
	}
}
