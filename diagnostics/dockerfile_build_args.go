package diagnostics

import (
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// composeBuild is one compose service that builds the Dockerfile being
// checked, with the build arguments it passes ("build.args").
type composeBuild struct {
	service string
	key     position.Location // the service's key in its compose file
	// args are the build arguments passed with a value that stackls can
	// compute: after interpolation with the project's .env files, or, for
	// an entry without a value, the .env value of its name.
	args map[string]string
	// unknown are the build arguments passed with a value that reads a
	// variable set nowhere in the workspace, which the shell that runs
	// "docker compose" may set.
	unknown map[string]bool
}

// composeBuilds returns the compose services that build the Dockerfile,
// in the order of workspace.Containers. It computes them once per check.
func (c *dockerChecker) composeBuilds() []*composeBuild {
	if c.buildsDone {
		return c.builds
	}
	c.buildsDone = true
	for _, ct := range workspace.Containers(c.snap) {
		if ct.Service == "" || ct.Dockerfile != c.file.URI || len(ct.Defs) == 0 {
			continue
		}
		b := &composeBuild{service: ct.Service, args: map[string]string{}, unknown: map[string]bool{},
			key: position.Location{URI: ct.Defs[0].URI, Span: ct.Defs[0].Service.KeySpan}}
		for _, def := range ct.Defs {
			if def.Service.Build == nil {
				continue
			}
			proj := project.Of(c.snap, def.URI)
			for _, kv := range def.Service.Build.Args {
				b.add(kv, proj)
			}
		}
		c.builds = append(c.builds, b)
	}
	return c.builds
}

// add records one "build.args" entry; a later compose file overrides an
// earlier one, as compose merges them.
func (b *composeBuild) add(kv *compose.KeyValue, proj *project.Project) {
	delete(b.args, kv.Key)
	delete(b.unknown, kv.Key)
	switch {
	case proj == nil:
		b.unknown[kv.Key] = kv.HasValue
	case kv.HasValue:
		if value, ok := project.Substitute(kv.Value, proj.LookupFunc()); ok {
			b.args[kv.Key] = value
		} else {
			b.unknown[kv.Key] = true
		}
	default:
		if v := proj.Lookup(kv.Key); v.Set {
			b.args[kv.Key] = v.Value
		}
	}
}

// passes reports whether the service passes the build argument name with
// a value, known or not.
func (b *composeBuild) passes(name string) bool {
	_, known := b.args[name]
	return known || b.unknown[name]
}

// failingBuilds runs a check that fails with the ARG defaults again for
// each compose service that builds the Dockerfile, with env changed by the
// service's build arguments. It returns the services for which the check
// still fails, and built is false when no compose service builds the
// Dockerfile. A service that passes a declared ARG a value stackls cannot
// compute counts as passing.
func (c *dockerChecker) failingBuilds(env *dockerfile.Env, fails func(*dockerfile.Env) bool) (failing []*composeBuild, built bool) {
	builds := c.composeBuilds()
	for _, b := range builds {
		if b.passesUnknown(env) {
			continue
		}
		if fails(env.WithBuildArgs(b.args)) {
			failing = append(failing, b)
		}
	}
	return failing, len(builds) > 0
}

// passesUnknown reports whether the service passes an ARG of env a value
// that stackls cannot compute.
func (b *composeBuild) passesUnknown(env *dockerfile.Env) bool {
	for name, unknown := range b.unknown {
		if unknown && env.Lookup(name) != nil {
			return true
		}
	}
	return false
}

// withoutArgs completes a diagnostic about ARG values with the compose
// services that build the Dockerfile without a value that makes it pass:
// the message names them and each service's key is a related location.
func withoutArgs(d *Diagnostic, failing []*composeBuild, names []string) {
	if len(failing) == 0 {
		return
	}
	var services []string
	for _, b := range failing {
		services = append(services, quote(b.service))
		d.Related = append(d.Related, Related{Location: b.key,
			Message: "compose service " + quote(b.service) + " builds this Dockerfile without a valid value for " + joinQuoted(names) + " in build.args"})
	}
	subject := "compose service " + services[0] + " builds"
	if len(services) > 1 {
		subject = "compose services " + strings.Join(services, ", ") + " build"
	}
	d.Message += " (" + subject + " this Dockerfile without a valid value for " + joinQuoted(names) + " in build.args)"
}

func joinQuoted(names []string) string {
	if len(names) == 0 {
		return "the ARGs it reads"
	}
	quoted := make([]string, len(names))
	for i, name := range names {
		quoted[i] = quote(name)
	}
	return strings.Join(quoted, ", ")
}

// unsetArgs returns the names of the ARGs of env without a value that the
// references of in inside span read.
func (c *dockerChecker) unsetArgs(in *dockerfile.Instruction, span position.Span, env *dockerfile.Env) []string {
	var names []string
	seen := map[string]bool{}
	for _, ref := range c.df.VarRefs(in) {
		if !span.Contains(ref.Span.Start) || seen[ref.Name] {
			continue
		}
		if b := env.Lookup(ref.Name); b != nil && !b.Set && b.Decl != nil && !b.Decl.Env {
			seen[ref.Name] = true
			names = append(names, ref.Name)
		}
	}
	return names
}

// passedUndeclared returns the compose services that pass name in
// build.args although no ARG before the first FROM declares it, so that
// the value never reaches a FROM line.
func (c *dockerChecker) passedUndeclared(name string) []*composeBuild {
	var out []*composeBuild
	for _, b := range c.composeBuilds() {
		if b.passes(name) {
			out = append(out, b)
		}
	}
	return out
}
