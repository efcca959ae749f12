package workspace

import (
	"sort"
	"strings"

	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/dotenv"
	"github.com/stackls/stackls/position"
)

// EnvSource is the kind of place that sets a container's variable.
type EnvSource int

// Sources of a container's variables, from lowest to highest precedence.
// A build argument is only set while the image builds.
const (
	SourceBuildArg    EnvSource = iota + 1 // a Dockerfile ARG, or a compose build arg
	SourceImageEnv                         // a Dockerfile ENV
	SourceEnvFile                          // an entry of a service's env_file
	SourceEnvironment                      // an entry of a service's environment
)

// String names the source as a user reads it in a hover.
func (s EnvSource) String() string {
	switch s {
	case SourceBuildArg:
		return "Dockerfile ARG"
	case SourceImageEnv:
		return "Dockerfile ENV"
	case SourceEnvFile:
		return "env_file"
	case SourceEnvironment:
		return "compose environment"
	}
	return "unknown"
}

// EnvVar is one variable of a container's environment.
type EnvVar struct {
	Name   string
	Value  string // after interpolation; "" when Known is false
	Known  bool   // false when the value comes from outside the workspace
	Source EnvSource
	// Location is the name where the variable is set: the ENV or ARG
	// name, the env_file key or the compose environment key.
	Location position.Location
	// Raw is the value as written, before compose interpolates it; "" for
	// an entry without a value.
	Raw string
	// From are the keys of the .env entries whose values the
	// interpolation read, such as DOMAIN_NAME in "${DOMAIN_NAME}", or that
	// give the value of an entry written without one.
	From []position.Location
	// Overrides are the definitions of lower precedence that this one
	// hides, the closest first.
	Overrides []*EnvVar
}

// Env returns the variables of the container's process, sorted by name:
// the Dockerfile's ENV of the target stage and the stages it builds on,
// then env_file entries, then compose environment entries, a later source
// winning. Build arguments are left out: see BuildArgs.
func (c *Container) Env() []*EnvVar {
	var out []*EnvVar
	for _, v := range c.env {
		if v.Source != SourceBuildArg {
			out = append(out, v)
		}
	}
	return out
}

// BuildArgs returns the build arguments of the target stage, with compose
// build args applied, sorted by name. They are set while the image builds
// and not in the running container.
func (c *Container) BuildArgs() []*EnvVar {
	var out []*EnvVar
	for _, v := range c.env {
		if v.Source == SourceBuildArg {
			out = append(out, v)
		}
	}
	return out
}

// Lookup returns the variable called name of the container's process, or
// nil when nothing sets it.
func (c *Container) Lookup(name string) *EnvVar {
	for _, v := range c.env {
		if v.Name == name && v.Source != SourceBuildArg {
			return v
		}
	}
	return nil
}

// BuildArg returns the build argument called name, or nil.
func (c *Container) BuildArg(name string) *EnvVar {
	for _, v := range c.env {
		if v.Name == name && v.Source == SourceBuildArg {
			return v
		}
	}
	return nil
}

// MissingEnvFiles returns the files that the service's env_file entries
// name but that the workspace does not hold, in compose file order. Such a
// file may set any variable once it exists.
func (c *Container) MissingEnvFiles() []position.URI { return c.missingEnvFiles }

// envBuilder collects a container's variables by precedence.
type envBuilder struct {
	runtime map[string]*EnvVar
	args    map[string]*EnvVar
	dotenv  []*envFile // the project's .env files, for interpolation
}

type envFile struct {
	uri   position.URI
	model *dotenv.File
}

// set records v, which hides an earlier variable of the same name.
func (b *envBuilder) set(v *EnvVar) {
	vars := b.runtime
	if v.Source == SourceBuildArg {
		vars = b.args
	}
	if old := vars[v.Name]; old != nil {
		v.Overrides = append([]*EnvVar{old}, old.Overrides...)
	}
	vars[v.Name] = v
}

// serviceEnv computes the variables of c.
func serviceEnv(snap *Snapshot, c *Container) []*EnvVar {
	b := &envBuilder{runtime: map[string]*EnvVar{}, args: map[string]*EnvVar{}}
	if c.Project != nil {
		for _, uri := range c.Project.EnvFiles {
			if f := snap.File(uri); f != nil && f.DotEnv() != nil {
				b.dotenv = append(b.dotenv, &envFile{uri: uri, model: f.DotEnv()})
			}
		}
	}
	b.addDockerfile(snap, c)
	for _, def := range c.Defs {
		b.addBuildArgs(def)
	}
	for _, def := range c.Defs {
		for _, uri := range def.EnvFiles {
			b.addEnvFile(snap, uri)
		}
	}
	for _, def := range c.Defs {
		b.addEnvironment(def)
	}

	all := make([]*EnvVar, 0, len(b.runtime)+len(b.args))
	for _, v := range b.runtime {
		all = append(all, v)
	}
	for _, v := range b.args {
		all = append(all, v)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Name != all[j].Name {
			return all[i].Name < all[j].Name
		}
		return all[i].Source < all[j].Source
	})
	return all
}

// addDockerfile adds the ENV and ARG variables in scope at the end of the
// target stage, with the values buildkit computes without --build-arg.
func (b *envBuilder) addDockerfile(snap *Snapshot, c *Container) {
	if c.Stage < 0 {
		return
	}
	df := snap.File(c.Dockerfile).Dockerfile()
	stage := df.Stages[c.Stage]
	last := stage.Instructions[len(stage.Instructions)-1]
	env := df.EnvAt(last)
	if decls := declsOf(df, last); len(decls) > 0 {
		env = dockerfile.EnvAfter(df, decls[0], env)
	}
	for _, binding := range env.All() {
		d := binding.Decl
		if d == nil || binding.Predefined {
			continue // PATH and the platform ARGs
		}
		v := &EnvVar{Name: binding.Name, Value: binding.Value, Known: binding.Set, Source: SourceImageEnv,
			Location: position.Location{URI: c.Dockerfile, Span: d.NameSpan}, Raw: d.Value}
		if !d.Env {
			v.Source = SourceBuildArg
		}
		b.set(v)
	}
}

// declsOf returns the ARG and ENV declarations of one instruction.
func declsOf(df *dockerfile.File, in *dockerfile.Instruction) []*dockerfile.VarDecl {
	var decls []*dockerfile.VarDecl
	for _, d := range df.Vars {
		if d.Instruction == in {
			decls = append(decls, d)
		}
	}
	return decls
}

// addBuildArgs applies a service's build args to the Dockerfile's ARGs
// of the same names.
func (b *envBuilder) addBuildArgs(def *ServiceDef) {
	if def.Service.Build == nil {
		return
	}
	for _, kv := range def.Service.Build.Args {
		if b.args[kv.Key] == nil {
			continue // an ARG the Dockerfile does not declare is ignored
		}
		v := &EnvVar{Name: kv.Key, Source: SourceBuildArg, Location: position.Location{URI: def.URI, Span: kv.KeySpan}}
		b.interpolate(v, kv.Value, kv.HasValue, nil)
		b.set(v)
	}
}

// addEnvFile adds the entries of one env_file; a missing file adds none.
// A value with "${NAME}" reads NAME from the entries above it, then from
// the project's .env files, as compose does.
func (b *envBuilder) addEnvFile(snap *Snapshot, uri position.URI) {
	f := snap.File(uri)
	if f == nil || f.DotEnv() == nil {
		return
	}
	model := f.DotEnv()
	for i, e := range model.Entries {
		v := &EnvVar{Name: e.Key, Source: SourceEnvFile, Location: position.Location{URI: uri, Span: e.KeySpan}}
		raw := string(model.Content[e.ValueSpan.Start:e.ValueSpan.End])
		if e.Quote == '"' && len(raw) >= 2 {
			raw = raw[1 : len(raw)-1]
		}
		switch {
		case e.Inherited:
			b.interpolate(v, "", false, nil)
		case e.Quote == '\'' || !strings.Contains(raw, "$"):
			v.Value, v.Known, v.Raw = e.Value, true, e.Value
		default:
			b.interpolate(v, raw, true, model.Entries[:i])
		}
		b.set(v)
	}
}

// addEnvironment adds the entries of a service's environment.
func (b *envBuilder) addEnvironment(def *ServiceDef) {
	for _, kv := range def.Service.Environment {
		v := &EnvVar{Name: kv.Key, Source: SourceEnvironment, Location: position.Location{URI: def.URI, Span: kv.KeySpan}}
		b.interpolate(v, kv.Value, kv.HasValue, nil)
		b.set(v)
	}
}

// interpolate sets v's value from raw, with "${NAME}" read from the
// entries above, when raw comes from an env_file, then from the project's
// .env files, as compose does. An entry without a value takes the .env
// value of its own name, or stays unknown: compose then reads the
// environment it runs in.
func (b *envBuilder) interpolate(v *EnvVar, raw string, hasValue bool, above []*dotenv.Entry) {
	if !hasValue {
		if e, uri := b.lookup(v.Name); e != nil {
			v.Value, v.Known = e.Value, true
			v.From = []position.Location{{URI: uri, Span: e.KeySpan}}
		}
		return
	}
	v.Raw = raw
	lookup := func(name string) (string, bool) {
		for i := len(above) - 1; i >= 0; i-- {
			if above[i].Key == name && !above[i].Inherited {
				return above[i].Value, true
			}
		}
		e, uri := b.lookup(name)
		if e == nil {
			return "", false
		}
		v.From = appendLocation(v.From, position.Location{URI: uri, Span: e.KeySpan})
		return e.Value, true
	}
	out, err := interp.Substitute(raw, lookup)
	if err == nil && interp.Resolved(raw, lookup) {
		v.Value, v.Known = out, true
	}
}

// lookup returns the .env entry that sets name, the last file winning.
func (b *envBuilder) lookup(name string) (*dotenv.Entry, position.URI) {
	for i := len(b.dotenv) - 1; i >= 0; i-- {
		if e := b.dotenv[i].model.Lookup(name); e != nil {
			return e, b.dotenv[i].uri
		}
	}
	return nil, ""
}

func appendLocation(list []position.Location, loc position.Location) []position.Location {
	for _, have := range list {
		if have == loc {
			return list
		}
	}
	return append(list, loc)
}
