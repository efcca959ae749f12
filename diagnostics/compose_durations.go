package diagnostics

import (
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/xhit/go-str2duration/v2"
	"gopkg.in/yaml.v3"

	"github.com/stackls/stackls/compose"
)

// composeRuleInvalidDuration is the rule of a duration that compose cannot
// read.
var composeRuleInvalidDuration = composeRule{"InvalidDuration", Error, composeDocs + "services/#healthcheck"}

// durationPaths are the paths, under a service, of the values that compose
// reads as durations. The schema allows any string there.
var durationPaths = [][]string{
	{"healthcheck", "interval"},
	{"healthcheck", "timeout"},
	{"healthcheck", "start_period"},
	{"healthcheck", "start_interval"},
	{"stop_grace_period"},
	{"deploy", "restart_policy", "delay"},
	{"deploy", "restart_policy", "window"},
	{"deploy", "update_config", "delay"},
	{"deploy", "update_config", "monitor"},
	{"deploy", "rollback_config", "delay"},
	{"deploy", "rollback_config", "monitor"},
}

// durations reports a duration value that compose rejects after
// interpolation, such as "30" without a unit. Compose reads durations
// with github.com/xhit/go-str2duration, which also accepts days and
// weeks ("1d", "2w"); so does this check. A value whose variables are not
// all set is left alone.
func (c *composeCheck) durations() {
	c.eachServiceString(durationPaths, func(n *yaml.Node, value string) {
		if _, err := str2duration.ParseDuration(value); err != nil {
			c.add(composeRuleInvalidDuration.diag(c.model.NodeSpan(n),
				"`%s` is not a duration; write a number with a unit, such as `30s` or `1m30s`", value))
		}
	})
}

// eachServiceString calls fn with each string value at one of paths under
// a service, interpolated. A value of another type is left to the schema
// check, and one whose variables are not all set is skipped.
func (c *composeCheck) eachServiceString(paths [][]string, fn func(n *yaml.Node, value string)) {
	for _, svc := range c.model.Services {
		for _, path := range paths {
			n := svc.Node
			for _, key := range path {
				n = compose.Lookup(n, key)
			}
			if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
				continue
			}
			if value, ok := c.proj.Substitute(n.Value); ok {
				fn(n, value)
			}
		}
	}
}

// composeRuleInvalidByteSize is the rule of a size that compose cannot
// read.
var composeRuleInvalidByteSize = composeRule{"InvalidByteSize", Error, composeDocs + "services/#mem_limit"}

// byteSizePaths are the paths, under a service, of the values that compose
// reads as byte sizes. The schema allows any string there.
var byteSizePaths = [][]string{
	{"mem_limit"},
	{"mem_reservation"},
	{"memswap_limit"},
	{"mem_swappiness"},
	{"shm_size"},
	{"build", "shm_size"},
	{"deploy", "resources", "limits", "memory"},
	{"deploy", "resources", "reservations", "memory"},
}

// byteSizes reports a byte size that compose rejects after interpolation,
// such as "256M2". It reads sizes with compose-go's own type, so it
// accepts what compose accepts ("512m", "1.5gb", "1024"). A value whose
// variables are not all set is left alone.
func (c *composeCheck) byteSizes() {
	c.eachServiceString(byteSizePaths, func(n *yaml.Node, value string) {
		var size types.UnitBytes
		if err := size.DecodeMapstructure(value); err != nil {
			c.add(composeRuleInvalidByteSize.diag(c.model.NodeSpan(n),
				"`%s` is not a size; write a number with an optional unit, such as `512m` or `1g`", value))
		}
	})
}
