package project

import (
	"fmt"
	"os"
	"strings"

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
	return p.lookupValue
}

// lookupValue returns the value and Set of Lookup(name) without building
// the rest of the Var, which interpolation does not read.
func (p *Project) lookupValue(name string) (string, bool) {
	for _, env := range p.EnvFiles {
		if e := env.DotEnv.Lookup(name); e != nil {
			return e.Value, true
		}
	}
	return LookupEnv(name)
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
	return interp.SubstituteResolved(value, lookup)
}

// substitution is a result of Substitute.
type substitution struct {
	value string
	ok    bool
}

// Substitute interpolates value with the project's variables, as the
// package function Substitute does with LookupFunc. It keeps each result,
// so checks that read the same value do not interpolate it again.
//
// NOTE: a result is kept for the life of the Project, which Of builds per
// request, so a change of the server's environment in between is not seen.
func (p *Project) Substitute(value string) (string, bool) {
	if !strings.Contains(value, "$") {
		return value, true
	}
	p.substMu.Lock()
	done, found := p.substituted[value]
	p.substMu.Unlock()
	if found {
		return done.value, done.ok
	}
	out, ok := Substitute(value, p.lookupValue)
	p.substMu.Lock()
	if p.substituted == nil {
		p.substituted = map[string]substitution{}
	}
	p.substituted[value] = substitution{out, ok}
	p.substMu.Unlock()
	return out, ok
}
