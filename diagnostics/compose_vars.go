package diagnostics

import (
	"strings"

	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/position"
	"gopkg.in/yaml.v3"
)

// variables reports "${...}" references that compose cannot resolve: an
// invalid reference (error), a required variable that is not set (error
// with its message), and a variable with no value and no default
// (warning, since compose substitutes an empty string).
func (c *composeCheck) variables() {
	var walk func(n *yaml.Node, isKey bool)
	walk = func(n *yaml.Node, isKey bool) {
		if n == nil {
			return
		}
		switch n.Kind {
		case yaml.ScalarNode:
			if !isKey && strings.Contains(n.Value, "$") {
				c.checkRefs(n, c.refsOf(n.Value))
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i], true)
				walk(n.Content[i+1], false)
			}
		case yaml.SequenceNode, yaml.DocumentNode:
			for _, child := range n.Content {
				walk(child, false)
			}
		}
	}
	walk(c.model.Root, false)
}

// checkRefs checks references of scalar n. It follows a default or
// alternative only when compose would use it.
func (c *composeCheck) checkRefs(n *yaml.Node, refs []interp.Ref) {
	lookup := c.proj.LookupFunc()
	for _, ref := range refs {
		if ref.Invalid {
			c.add(composeRuleInvalidInterpolated.diag(c.refSpan(n, ref.Span), "invalid interpolation `%s`: a variable name must start with a letter or `_`; write `$$` for a literal `$`", n.Value[ref.Span.Start:ref.Span.End]))
			continue
		}
		value, set := lookup(ref.Name)
		switch ref.Op {
		case interp.OpNone:
			if !set {
				c.add(composeRuleUnsetVariable.diag(c.refSpan(n, ref.NameSpan), "variable `%s` is not set, so Compose substitutes an empty string; set it in %s or give a default: `${%s:-default}`", ref.Name, c.envFileName(), ref.Name))
			}
		case interp.OpRequired, interp.OpRequiredNonEmpty:
			if !set || ref.Op == interp.OpRequiredNonEmpty && value == "" {
				msg := "required variable `" + ref.Name + "` is not set"
				if ref.Op == interp.OpRequiredNonEmpty && set {
					msg = "required variable `" + ref.Name + "` is empty"
				}
				if ref.Arg != "" {
					msg += ": " + ref.Arg
				}
				c.add(composeRuleRequiredVariable.diag(c.refSpan(n, ref.NameSpan), "%s", msg))
			}
		case interp.OpDefaultIfEmpty, interp.OpDefaultIfUnset:
			if !set || ref.Op == interp.OpDefaultIfEmpty && value == "" {
				c.checkRefs(n, ref.Nested)
			}
		case interp.OpAltIfSet, interp.OpAltIfNonEmpty:
			if set && (ref.Op == interp.OpAltIfSet || value != "") {
				c.checkRefs(n, ref.Nested)
			}
		}
	}
}

// refsOf returns interp.Refs(value), finding the references of each value
// once per check. The returned slice must not be changed.
func (c *composeCheck) refsOf(value string) []interp.Ref {
	if refs, ok := c.refs[value]; ok {
		return refs
	}
	refs := interp.Refs(value)
	if c.refs == nil {
		c.refs = map[string][]interp.Ref{}
	}
	c.refs[value] = refs
	return refs
}

// refSpan maps a Span of n's value to the source; when the source does not
// spell the value literally, it falls back to the whole scalar.
func (c *composeCheck) refSpan(n *yaml.Node, inValue position.Span) position.Span {
	span, _ := c.model.SubSpan(n, inValue.Start, inValue.End)
	return span
}

// envFileName names the file where a variable would be set, for messages.
func (c *composeCheck) envFileName() string {
	if len(c.proj.EnvFiles) > 0 {
		return "`" + c.proj.EnvFiles[0].URI.Base() + "`"
	}
	return "`.env`"
}
