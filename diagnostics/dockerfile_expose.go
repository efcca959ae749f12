package diagnostics

import (
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/linter"

	"github.com/stackls/stackls/dockerfile"
)

// exposeChecks expands each EXPOSE word as buildkit does and checks the
// ports: ExposeProtoCasing, ExposeInvalidFormat, and stackls's InvalidPort.
// A word whose variables are ARGs without a value is skipped: the build
// supplies it.
func (c *dockerChecker) exposeChecks(in *dockerfile.Instruction, env *dockerfile.Env) {
	c.refs = c.df.AppendVarRefs(c.refs[:0], in)
	for _, w := range in.Args {
		if c.hasUnsetVariable(w, env) {
			continue
		}
		ports, err := c.lex.ProcessWords(w.Text, env)
		if err != nil {
			continue
		}
		for _, port := range ports {
			c.checkPort(in, w, port)
		}
	}
}

// hasUnsetVariable reports whether a word reads a variable that env does
// not set, among the references in c.refs.
func (c *dockerChecker) hasUnsetVariable(w *dockerfile.Word, env *dockerfile.Env) bool {
	for _, ref := range c.refs {
		if w.Span.Contains(ref.Span.Start) {
			if b := env.Lookup(ref.Name); b == nil || !b.Set {
				return true
			}
		}
	}
	return false
}

// isPortNumber reports whether port is digits, or two runs of digits
// joined by "-": ^[0-9]+(-[0-9]+)?$.
func isPortNumber(port string) bool {
	first, second, isRange := strings.Cut(port, "-")
	return isDigits(first) && (!isRange || isDigits(second))
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// checkPort checks one expanded port spec: [ip:][hostPort:]port[/proto].
func (c *dockerChecker) checkPort(in *dockerfile.Instruction, w *dockerfile.Word, raw string) {
	parts := strings.Split(raw, ":")
	containerPort := parts[len(parts)-1]
	port, proto, hasProto := strings.Cut(containerPort, "/")
	if proto != strings.ToLower(proto) {
		var fixes []*Fix
		if !strings.Contains(w.Text, "$") {
			fixes = append(fixes, c.edit("Write the protocol in lower case", w.Span, strings.ToLower(w.Text)))
		}
		c.buildkitRule(&linter.RuleExposeProtoCasing, in, w.Span, linter.RuleExposeProtoCasing.Format(raw), fixes...)
	}
	if len(parts) > 1 {
		c.buildkitRule(&linter.RuleExposeInvalidFormat, in, w.Span, linter.RuleExposeInvalidFormat.Format(raw))
	}
	switch {
	case !isPortNumber(port) || !validPortRange(port):
		c.ownRule(&dfRuleInvalidPort, w.Span, "invalid port "+quote(raw)+"; EXPOSE takes a port number from 1 to 65535 or a range, optionally with /tcp, /udp or /sctp, such as 8080/tcp")
	case hasProto && !validProto(proto):
		c.ownRule(&dfRuleInvalidPort, w.Span, "invalid protocol "+quote(proto)+" in "+quote(raw)+"; use tcp, udp or sctp")
	}
}

func validPortRange(port string) bool {
	for _, p := range strings.Split(port, "-") {
		n := 0
		for _, d := range p {
			n = n*10 + int(d-'0')
			if n > 65535 {
				return false
			}
		}
		if n < 1 && p != "0" || len(p) == 0 {
			return false
		}
	}
	return true
}

func validProto(proto string) bool {
	switch strings.ToLower(proto) {
	case "tcp", "udp", "sctp":
		return true
	}
	return false
}
