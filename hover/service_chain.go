package hover

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// serviceChain returns Markdown that shows how the service that def
// defines runs, layer by layer: the Makefile targets that start it, the
// service, its Dockerfile and stage, the entrypoint script and command,
// its ports, networks, environment and secrets. It returns "" when the
// workspace has no container for def.
func serviceChain(snap *workspace.Snapshot, def *workspace.ServiceDef) string {
	ct := workspace.ContainerOf(snap, def)
	if ct == nil {
		return ""
	}
	var steps []string
	if starters := startersText(snap, ct); starters != "" {
		steps = append(steps, "started by "+starters)
	}
	steps = append(steps, fmt.Sprintf("service `%s` at %s", ct.Service, whereText(snap, def.Location())))
	if image := imageText(snap, ct); image != "" {
		steps = append(steps, image)
	}
	if process := processText(snap, ct); process != "" {
		steps = append(steps, process)
	}
	steps = append(steps, portsText(ct), networksText(ct))
	if env := envSummary(ct); env != "" {
		steps = append(steps, env)
	}
	if len(ct.Secrets) > 0 {
		names := make([]string, len(ct.Secrets))
		for i, s := range ct.Secrets {
			names[i] = "`" + s.Path + "`"
		}
		steps = append(steps, "secrets: "+strings.Join(names, ", "))
	}

	var b strings.Builder
	fmt.Fprintf(&b, "**How `%s` runs**\n", ct.Service)
	for i, step := range steps {
		fmt.Fprintf(&b, "\n%d. %s", i+1, step)
	}
	return b.String()
}

// chainSection returns serviceChain of def after a blank line, or "" when
// def is nil or has no container.
func chainSection(snap *workspace.Snapshot, def *workspace.ServiceDef) string {
	if def == nil {
		return ""
	}
	if chain := serviceChain(snap, def); chain != "" {
		return "\n\n" + chain
	}
	return ""
}

// startersText lists the Makefile targets whose docker compose calls
// start the container: "`make up` at `Makefile:11`".
func startersText(snap *workspace.Snapshot, ct *workspace.Container) string {
	var parts []string
	seen := map[string]bool{}
	for _, s := range ct.Starters {
		target := s.Target()
		if target == "" || seen[target] {
			continue
		}
		seen[target] = true
		text := fmt.Sprintf("`make %s`", target)
		if len(s.Rule.Targets) > 0 {
			text += " at " + whereText(snap, position.Location{URI: s.Makefile, Span: s.Rule.Targets[0].Span})
		}
		if s.Via != "" {
			text += fmt.Sprintf(" (a dependency of `%s`)", s.Via)
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, ", ")
}

// imageText describes the image: the Dockerfile, its target stage and
// base image, or the image the service runs.
func imageText(snap *workspace.Snapshot, ct *workspace.Container) string {
	if ct.Dockerfile == "" {
		if ct.BaseImage != "" {
			return fmt.Sprintf("image `%s`", ct.BaseImage)
		}
		return ""
	}
	text := fmt.Sprintf("Dockerfile `%s`", relativePath(snap, ct.Dockerfile.Path()))
	if ct.Stage >= 0 {
		if ct.StageName != "" {
			text += fmt.Sprintf(", stage `%s`", ct.StageName)
		}
		text += fmt.Sprintf(" from `%s`", ct.BaseImage)
	}
	return text
}

// processText describes what the container runs: the entrypoint, the
// script it is in the workspace, and the command passed to it.
func processText(snap *workspace.Snapshot, ct *workspace.Container) string {
	var parts []string
	if ep := ct.Entrypoint; ep != nil {
		parts = append(parts, "entrypoint "+oneProcess(snap, ct, ep))
	}
	if cmd := ct.Command; cmd != nil {
		switch {
		case ct.Entrypoint != nil && ct.Entrypoint.ShellForm:
			parts = append(parts, "command "+oneProcess(snap, ct, cmd)+" (ignored by the shell-form entrypoint)")
		default:
			parts = append(parts, "command "+oneProcess(snap, ct, cmd))
		}
	}
	return strings.Join(parts, ", then ")
}

// oneProcess renders one process: its script in the workspace and its
// path in the container, or its words, and where it is set.
func oneProcess(snap *workspace.Snapshot, ct *workspace.Container, p *workspace.Process) string {
	text := codeValue(strings.Join(p.Words, " "))
	if p.Script != "" {
		text = fmt.Sprintf("`%s` as `%s`", relativePath(snap, p.Script.Path()), p.ScriptPath)
	}
	return text + " (" + whereText(snap, p.Location(ct.Dockerfile)) + ")"
}

// portsText lists the ports the services publish and the ports that
// expose or EXPOSE declare.
func portsText(ct *workspace.Container) string {
	var published []string
	for _, def := range ct.Defs {
		for _, p := range def.Service.Ports {
			published = append(published, "`"+p.Value+"`")
		}
	}
	var exposed []string
	seen := map[string]bool{}
	for _, p := range ct.Ports {
		if p.Kind == "ports" {
			continue
		}
		text := strconv.Itoa(p.From)
		if p.To != p.From {
			text += "-" + strconv.Itoa(p.To)
		}
		if !seen[text] {
			seen[text] = true
			exposed = append(exposed, "`"+text+"`")
		}
	}
	var parts []string
	if len(published) > 0 {
		parts = append(parts, "published "+strings.Join(published, ", "))
	}
	if len(exposed) > 0 {
		parts = append(parts, "exposed "+strings.Join(exposed, ", "))
	}
	if len(parts) == 0 {
		return "ports: none declared"
	}
	return "ports: " + strings.Join(parts, "; ")
}

// networksText lists the networks the service joins.
func networksText(ct *workspace.Container) string {
	var names []string
	seen := map[string]bool{}
	for _, def := range ct.Defs {
		for _, n := range def.Service.Networks {
			if !seen[n.Value] {
				seen[n.Value] = true
				names = append(names, "`"+n.Value+"`")
			}
		}
	}
	if len(names) == 0 {
		return "networks: `default`"
	}
	return "networks: " + strings.Join(names, ", ")
}

// envSummary counts the container's variables by source.
func envSummary(ct *workspace.Container) string {
	env := ct.Env()
	if len(env) == 0 {
		return ""
	}
	counts := map[workspace.EnvSource]int{}
	for _, v := range env {
		counts[v.Source]++
	}
	var parts []string
	for _, source := range []workspace.EnvSource{workspace.SourceEnvironment, workspace.SourceEnvFile, workspace.SourceImageEnv} {
		if counts[source] > 0 {
			parts = append(parts, fmt.Sprintf("%d from %s", counts[source], sourceText(source)))
		}
	}
	return fmt.Sprintf("environment: %d %s (%s)", len(env), plural(len(env), "variable", "variables"), strings.Join(parts, ", "))
}
