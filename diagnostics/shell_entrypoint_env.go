package diagnostics

import (
	"fmt"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// secrets reports each "/run/secrets/NAME" that a service holding the
// script does not get.
func (c *scriptChecker) secrets() {
	for _, ref := range workspace.SecretRefs(c.file.Content) {
		if d := unknownSecretDiagnostic(c.file.URI, ref, c.containers); d != nil {
			c.add(d)
		}
	}
}

// unknownSecretDiagnostic returns the diagnostic of a secret path that a
// service among containers does not mount, or nil.
func unknownSecretDiagnostic(uri position.URI, ref workspace.SecretRef, containers []*workspace.Container) *Diagnostic {
	var missing []*workspace.Container
	for _, ct := range containers {
		if ct.Service != "" && ct.Secret(ref.Path) == nil {
			missing = append(missing, ct)
		}
	}
	if len(missing) == 0 {
		return nil
	}

	var names []string
	seen := map[string]bool{}
	for _, ct := range missing {
		for _, s := range ct.Secrets {
			if name, ok := strings.CutPrefix(s.Path, workspace.SecretsDir); ok && !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}

	subject, verb := "it", "gets"
	if len(missing) > 1 {
		subject, verb = "they", "get"
	}
	message := fmt.Sprintf("%s %s no secret at %s", containerNames(missing), verb, quote(ref.Path))
	if len(names) == 0 {
		message += "; add it to the service's `secrets`"
	} else {
		message += fmt.Sprintf("; %s %s %s", subject, verb, strings.Join(quoteAll(names), ", "))
	}
	d := ruleAt(ruleUnknownSecret, ref.Span, message)
	for _, name := range names {
		if editDistance(name, ref.Name) <= 2 {
			d.Message += fmt.Sprintf("; did you mean %s?", quote(name))
			d.Fixes = []*Fix{{Title: "Change to " + quote(name), Preferred: true, Edits: map[position.URI][]position.TextEdit{uri: {{Span: ref.Span, NewText: name}}}}}
			break
		}
	}
	return d
}

// background reports, in a script that a container runs, each command
// started with "&" when the script never waits for a job, kills one or
// sets a trap, because the script then does not notice when such a server
// exits.
func (c *scriptChecker) background() {
	if containers, _ := c.runners(); len(containers) == 0 {
		return
	}
	var started []*shell.Command
	for _, cmd := range c.model.Commands {
		if cmd.Name != nil && !cmd.Name.Dynamic {
			switch cmd.Name.Literal {
			case "wait", "kill", "trap":
				return
			}
		}
		if cmd.Background {
			started = append(started, cmd)
		}
	}
	for _, cmd := range started {
		span := cmd.Span
		if cmd.Name != nil {
			span = cmd.Name.Span
		}
		c.add(ruleAt(ruleBackgroundNotWaited, span, fmt.Sprintf("%s runs in the background and the script never waits for it, so if it exits the container keeps running without it; `wait` for it, or run the main process in the foreground with `exec`",
			quote(string(c.file.Content[span.Start:span.End])))))
	}
}

// ports reports each host:port use of the script whose service declares
// ports, none of which is that one.
func (c *scriptChecker) ports() {
	c.diags = append(c.diags, hostPortDiagnostics(c.snap, c.file, c.model)...)
}
