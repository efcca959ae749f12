package workspace

import (
	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
)

// startSubcommands are the docker compose subcommands that start
// containers. "run" starts the one service it names and its dependencies;
// the others start the services they name, or all of them.
var startSubcommands = map[string]bool{"up": true, "start": true, "run": true, "create": true, "restart": true}

// addStarters records, on the containers of project p, the Makefile
// docker compose calls that start them.
func addStarters(snap *Snapshot, p *Project, containers []*Container) {
	if len(containers) == 0 {
		return
	}
	byName := map[string]*Container{}
	for _, c := range containers {
		byName[c.Service] = c
	}
	for _, mf := range snap.Index().byKind[KindMakefile] {
		model := mf.Makefile()
		if model == nil {
			continue
		}
		for _, call := range model.ComposeCalls {
			if call.Subcommand == nil || !startSubcommands[call.Subcommand.Text] || !readsProject(snap, mf.URI, call, p) {
				continue
			}
			addCallStarters(mf.URI, call, containers, byName)
		}
	}
}

// readsProject reports whether a docker compose call reads the compose
// files of project p.
func readsProject(snap *Snapshot, makefileURI position.URI, call *makefile.ComposeCall, p *Project) bool {
	for _, cf := range snap.CallComposeFiles(makefileURI, call) {
		for _, uri := range p.ComposeFiles {
			if cf.URI == uri {
				return true
			}
		}
	}
	return false
}

// addCallStarters adds one call as the starter of the services it names,
// or of all services when it names none, and of their dependencies.
func addCallStarters(makefileURI position.URI, call *makefile.ComposeCall, containers []*Container, byName map[string]*Container) {
	starter := func(via string) *Starter {
		return &Starter{Makefile: makefileURI, Rule: call.Rule, Call: call, Via: via}
	}
	if len(call.Services) == 0 {
		if call.Subcommand.Text == "run" {
			return // "run" without a service is an error
		}
		for _, c := range containers {
			c.Starters = append(c.Starters, starter(""))
		}
		return
	}
	started := map[*Container]bool{}
	for _, word := range call.Services {
		c := byName[word.Text]
		if c == nil || started[c] {
			continue
		}
		started[c] = true
		c.Starters = append(c.Starters, starter(""))
		for _, dep := range dependencies(c, byName) {
			if !started[dep] {
				started[dep] = true
				dep.Starters = append(dep.Starters, starter(c.Service))
			}
		}
	}
}

// dependencies returns the containers that c depends on through
// depends_on, at any depth, each once.
func dependencies(c *Container, byName map[string]*Container) []*Container {
	var out []*Container
	seen := map[*Container]bool{c: true}
	queue := []*Container{c}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		for _, def := range next.Defs {
			for _, name := range def.Service.DependsOn {
				dep := byName[name.Value]
				if dep != nil && !seen[dep] {
					seen[dep] = true
					out = append(out, dep)
					queue = append(queue, dep)
				}
			}
		}
	}
	return out
}
