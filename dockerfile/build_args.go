package dockerfile

// WithBuildArgs returns a copy of e in which every variable that an ARG
// binds takes the value of the build argument of the same name, as
// "docker build --build-arg NAME=value" sets it. ENV bindings and the
// predefined ARGs keep their values, and a build argument that no ARG in
// scope declares is ignored, as buildkit ignores it. e is not changed.
//
// NOTE: only the overridden bindings change. An ARG or ENV whose default
// reads an overridden ARG keeps the value computed from the default.
func (e *Env) WithBuildArgs(args map[string]string) *Env {
	out := e.clone()
	for name, value := range args {
		b := out.bindings[name]
		if b == nil || b.Predefined || b.Decl == nil || b.Decl.Env {
			continue
		}
		set := *b
		set.Value, set.Set = value, true
		out.bindings[name] = &set
	}
	return out
}
