package diagnostics

import (
	"slices"
	"strings"

	"github.com/stackls/stackls/compose"
)

// Rules of the source of a top-level secret or config.
var (
	composeRuleSecretSource = composeRule{"InvalidSecretSource", Error, composeDocs + "secrets/"}
	composeRuleConfigSource = composeRule{"InvalidConfigSource", Error, composeDocs + "configs/"}
)

// resourceSources reports a top-level secret or config whose content
// comes from no source, or from more than one, because compose rejects
// it. A secret takes exactly one of `file` and `environment`, and a
// config one of `file`, `environment` and `content`, unless it is
// `external` or names a `driver`.
func (c *composeCheck) resourceSources() {
	c.checkSources("secret", c.model.Secrets, composeRuleSecretSource, "file", "environment")
	c.checkSources("config", c.model.Configs, composeRuleConfigSource, "file", "environment", "content")
}

func (c *composeCheck) checkSources(kind string, resources []*compose.Resource, rule composeRule, sources ...string) {
	list := "`" + strings.Join(sources, "`, `") + "`"
	for _, r := range resources {
		entries := compose.Entries(r.Node)
		if entries == nil {
			continue // not a mapping: the schema reports it
		}
		var found []compose.Entry
		other := false
		for _, e := range entries {
			switch key := e.Key.Value; {
			case slices.Contains(sources, key):
				found = append(found, e)
			case key == "external" || key == "driver":
				other = true
			}
		}
		switch {
		case len(found) > 1:
			second := found[1]
			c.add(rule.diag(c.model.NodeSpan(second.Key),
				"%s `%s` sets both `%s` and `%s`; keep only one of %s", kind, r.Name, found[0].Key.Value, second.Key.Value, list))
		case len(found) == 0 && !other:
			c.add(rule.diag(r.KeySpan,
				"%s `%s` has no source; set one of %s, or `external: true`", kind, r.Name, list))
		}
	}
}
