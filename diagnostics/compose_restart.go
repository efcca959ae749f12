package diagnostics

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// composeRuleInvalidRestart is the rule of a restart policy that Docker
// does not know.
var composeRuleInvalidRestart = composeRule{"InvalidRestart", Error, composeDocs + "services/#restart"}

// restartPolicies reports a service's restart value, after interpolation,
// that Docker rejects when compose creates the container. The policies
// are no, always, unless-stopped and on-failure, and only on-failure takes
// a maximum retry count ("on-failure:3"). Compose's loader accepts any
// string there.
func (c *composeCheck) restartPolicies() {
	c.eachServiceString([][]string{{"restart"}}, func(n *yaml.Node, value string) {
		if validRestartPolicy(value) {
			return
		}
		c.add(composeRuleInvalidRestart.diag(c.model.NodeSpan(n),
			"`%s` is not a restart policy; use `no`, `always`, `on-failure`, `on-failure:N` with a retry count, or `unless-stopped`", value))
	})
}

// validRestartPolicy reports whether Docker accepts value as a restart
// policy. The empty value means no policy.
func validRestartPolicy(value string) bool {
	switch value {
	case "", "no", "always", "unless-stopped", "on-failure":
		return true
	}
	count, ok := strings.CutPrefix(value, "on-failure:")
	if !ok || count == "" {
		return false
	}
	for _, r := range count {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
