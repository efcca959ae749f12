package workspace

import (
	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
)

// startSubcommands are the docker compose subcommands that start
// containers. "run" starts the one service it names and its dependencies;
// the others start the services they name, or all of them.
var startSubcommands = map[string]bool{"up": true, "start": true, "run": true, "create": true, "restart": true}

// starterCall is a Makefile docker compose call that starts containers,
// with the compose files it reads.
type starterCall struct {
	makefile position.URI
	call     *makefile.ComposeCall
	files    map[position.URI]bool
}

// starterCalls returns the docker compose calls of every Makefile that
// start containers, in Makefile and source order. It reads the compose
// files of each call once, so that addStarters costs no file lookups per
// project.
func starterCalls(snap *Snapshot) []starterCall {
	var calls []starterCall
	for _, mf := range snap.Index().byKind[KindMakefile] {
		model := mf.Makefile()
		if model == nil {
			continue
		}
		for _, call := range model.ComposeCalls {
			if call.Subcommand == nil || !startSubcommands[call.Subcommand.Text] {
				continue
			}
			files := map[position.URI]bool{}
			for _, cf := range snap.CallComposeFiles(mf.URI, call) {
				files[cf.URI] = true
			}
			calls = append(calls, starterCall{makefile: mf.URI, call: call, files: files})
		}
	}
	return calls
}

// addStarters records, on the containers of project p, the calls that
// start them: those that read a compose file of p.
func addStarters(calls []starterCall, p *Project, containers []*Container) {
	if len(containers) == 0 {
		return
	}
	byName := map[string]*Container{}
	for _, c := range containers {
		byName[c.Service] = c
	}
	for _, sc := range calls {
		if readsProject(sc, p) {
			addCallStarters(sc.makefile, sc.call, containers, byName)
		}
	}
}

// readsProject reports whether a starter call reads the compose files of
// project p.
func readsProject(sc starterCall, p *Project) bool {
	for _, uri := range p.ComposeFiles {
		if sc.files[uri] {
			return true
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
