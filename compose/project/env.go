package project

import (
	"fmt"
	"os"

	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/position"
)

// LookupEnv reads a variable of the server's environment. Tests replace
// it so that their results do not depend on the machine.
var LookupEnv = os.LookupEnv

// Var is one variable of a Project: its value and where it is set.
type Var struct {
	Name  string
	Value string
	Set   bool
	// Location is the key of the .env line that sets it; nil when it comes
	// from the environment or is not set.
	Location *position.Location
	Source   string // ".env:3" (1-based line), "environment", or ""
}

// Lookup returns what the project's .env files, then the environment, say
// about name.
func (p *Project) Lookup(name string) Var {
	for _, env := range p.EnvFiles {
		if e := env.DotEnv.Lookup(name); e != nil {
			loc := position.Location{URI: env.URI, Span: e.KeySpan}
			return Var{Name: name, Value: e.Value, Set: true, Location: &loc, Source: fmt.Sprintf("%s:%d", env.URI.Base(), e.Line+1)}
		}
	}
	if value, ok := LookupEnv(name); ok {
		return Var{Name: name, Value: value, Set: true, Source: "environment"}
	}
	return Var{Name: name}
}

// LookupFunc returns Lookup in the form interpolation takes.
func (p *Project) LookupFunc() interp.Lookup {
	return func(name string) (string, bool) {
		v := p.Lookup(name)
		return v.Value, v.Set
	}
}

// VarNames returns the names the project's .env files set, in file order
// with duplicates removed.
func (p *Project) VarNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, env := range p.EnvFiles {
		for _, e := range env.DotEnv.Entries {
			if !e.Inherited && !seen[e.Key] {
				seen[e.Key] = true
				names = append(names, e.Key)
			}
		}
	}
	return names
}

// Substitute interpolates value with lookup. It returns false when a
// reference has no value and no default, or compose would reject it.
func Substitute(value string, lookup interp.Lookup) (string, bool) {
	if !interp.Resolved(value, lookup) {
		return "", false
	}
	out, err := interp.Substitute(value, lookup)
	return out, err == nil
}
