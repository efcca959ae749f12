package dockerfile

import (
	"sort"

	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// Binding is the meaning of a variable name at one point of a Dockerfile.
type Binding struct {
	Name string
	// Value is the value after expansion, as buildkit would compute it
	// without --build-arg values; "" when Set is false.
	Value string
	// Set is false for an ARG declared without a value and with no global
	// default: it is empty unless the build supplies it.
	Set bool
	// Decl is the ARG or ENV that binds the name; nil for a predefined ARG.
	Decl *VarDecl
	// Global is the ARG before the first FROM whose default a stage ARG
	// without a value inherits; nil when none.
	Global *VarDecl
	// Predefined is true for the ARGs and variables that buildkit defines
	// itself, such as TARGETPLATFORM and PATH.
	Predefined bool
	// FromStage is the index of the stage the binding was inherited from
	// through "FROM <stage>", or -1 when the current stage set it.
	FromStage int
}

// Env is the set of variables visible at one point. It implements
// buildkit's shell.EnvGetter, which returns only the Set bindings.
type Env struct {
	bindings map[string]*Binding
}

func newEnv() *Env { return &Env{bindings: map[string]*Binding{}} }

func (e *Env) clone() *Env {
	c := newEnv()
	for k, b := range e.bindings {
		c.bindings[k] = b
	}
	return c
}

// Get returns the value of a Set variable.
func (e *Env) Get(name string) (string, bool) {
	b := e.bindings[name]
	if b == nil || !b.Set {
		return "", false
	}
	return b.Value, true
}

// Keys returns the names of the Set variables, sorted.
func (e *Env) Keys() []string {
	var keys []string
	for k, b := range e.bindings {
		if b.Set {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// Lookup returns the binding of name, Set or not, or nil when the name is
// not declared at all.
func (e *Env) Lookup(name string) *Binding { return e.bindings[name] }

// All returns every binding, sorted by name.
func (e *Env) All() []*Binding {
	all := make([]*Binding, 0, len(e.bindings))
	for _, b := range e.bindings {
		all = append(all, b)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}

// PlatformArgs are the ARGs that buildkit predefines in the global scope,
// with the values the linter assumes for a linux/amd64 build. A stage can
// use them only after it declares them with ARG.
var PlatformArgs = []struct{ Name, Value string }{
	{"BUILDPLATFORM", "linux/amd64"}, {"BUILDOS", "linux"}, {"BUILDOSVERSION", ""},
	{"BUILDARCH", "amd64"}, {"BUILDVARIANT", ""},
	{"TARGETPLATFORM", "linux/amd64"}, {"TARGETOS", "linux"}, {"TARGETOSVERSION", ""},
	{"TARGETARCH", "amd64"}, {"TARGETVARIANT", ""}, {"TARGETSTAGE", "default"},
}

// DefaultPath is the PATH that buildkit sets in a stage whose base image
// sets none (on Linux).
const DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// lexer returns buildkit's shell lexer for the file's escape character.
func (f *File) lexer() *shell.Lex { return shell.NewLex(rune(f.Escape)) }

// GlobalEnv returns the variables that FROM lines can use: the predefined
// platform ARGs and every ARG before the first FROM. It is computed once per
// File, and the caller must not change the returned Env.
func (f *File) GlobalEnv() *Env {
	f.scopeOnce.Do(f.buildScopes)
	return f.global
}

// buildScopes computes, once per File, the global variables, the base stage
// of each stage, the binding of each stage's ARG and ENV declarations and
// the variables at the end of each stage. A stage's base is always an
// earlier stage, so one pass in source order is enough.
func (f *File) buildScopes() {
	f.global = f.buildGlobalEnv()
	f.bases = make([]*Stage, len(f.Stages))
	for i, st := range f.Stages {
		f.bases[i] = f.findBaseStage(st, f.global)
	}
	f.bindings = make([]*Binding, len(f.Vars))
	f.stageEnds = make([]*Env, len(f.Stages))
	for i, st := range f.Stages {
		env := f.stageStart(i)
		for _, in := range st.Instructions {
			for j, b := range f.declBindings(in, env, f.global) {
				f.bindings[in.decls[j].index] = b
			}
		}
		f.stageEnds[i] = env
	}
}

// buildGlobalEnv returns a new Env of the predefined platform ARGs and the
// ARGs before the first FROM.
func (f *File) buildGlobalEnv() *Env {
	env := newEnv()
	for _, p := range PlatformArgs {
		env.bindings[p.Name] = &Binding{Name: p.Name, Value: p.Value, Set: true, Predefined: true, FromStage: -1}
	}
	for _, d := range f.Vars {
		if d.Stage >= 0 {
			break
		}
		b := &Binding{Name: d.Name, Decl: d, FromStage: -1}
		if d.HasValue {
			b.Value, _ = f.Expand(d.ValueText, env)
			b.Set = true
		}
		env.bindings[d.Name] = b
	}
	return env
}

// EnvAt returns the variables in scope for an instruction: the global ones
// for FROM and anything before the first FROM, otherwise those of its
// stage that are declared before it, including those inherited from a base
// stage.
func (f *File) EnvAt(in *Instruction) *Env {
	global := f.GlobalEnv()
	if in == nil || in.Stage < 0 || in.Keyword == "FROM" {
		return global
	}
	env := f.stageStart(in.Stage)
	for _, other := range f.Stages[in.Stage].Instructions {
		if other == in {
			break
		}
		f.addBindings(other, env)
	}
	return env
}

// stageStart returns a new Env of the variables at the start of stage i:
// those at the end of its base stage, and PATH. The scopes are built.
func (f *File) stageStart(i int) *Env {
	env := newEnv()
	if base := f.bases[i]; base != nil {
		env = f.stageEnds[base.Index].clone()
		for k, b := range env.bindings {
			if b.FromStage < 0 && !b.Predefined {
				inherited := *b
				inherited.FromStage = base.Index
				env.bindings[k] = &inherited
			}
		}
	}
	if env.bindings["PATH"] == nil {
		env.bindings["PATH"] = defaultPathBinding
	}
	return env
}

// defaultPathBinding is the PATH of a stage whose base sets none. Like
// every Binding, it is not changed once made.
var defaultPathBinding = &Binding{Name: "PATH", Value: DefaultPath, Set: true, Predefined: true, FromStage: -1}

// addBindings adds to env the bindings that buildScopes computed for the
// declarations of in, an instruction of a stage.
func (f *File) addBindings(in *Instruction, env *Env) {
	for _, d := range in.decls {
		env.bindings[d.Name] = f.bindings[d.index]
	}
}

// declBindings adds the variables that an ARG or ENV instruction declares
// to env, and returns their bindings in the order of the declarations.
// The values of an ENV are expanded with the variables before the
// instruction, and each value of an ARG also with the pairs before it.
func (f *File) declBindings(in *Instruction, env, global *Env) []*Binding {
	if len(in.decls) == 0 {
		return nil
	}
	bindings := make([]*Binding, len(in.decls))
	for i, d := range in.decls {
		b := &Binding{Name: d.Name, Decl: d, FromStage: -1}
		switch {
		case d.HasValue:
			b.Value, _ = f.Expand(d.ValueText, env)
			b.Set = true
		case global.Lookup(d.Name) != nil && global.Lookup(d.Name).Set:
			g := global.Lookup(d.Name)
			b.Value, b.Set, b.Global = g.Value, true, g.Decl
			if g.Predefined {
				b.Predefined = true
			}
		}
		bindings[i] = b
		if !d.Env {
			env.bindings[d.Name] = b // each ARG pair can use the pairs before it
		}
	}
	for _, b := range bindings {
		env.bindings[b.Name] = b
	}
	return bindings
}

// BaseStage returns the earlier stage that st builds on ("FROM build AS
// test"), or nil when its base is an image. The base name is expanded with
// the global ARGs first, as buildkit does.
func (f *File) BaseStage(st *Stage) *Stage {
	global := f.GlobalEnv()
	if st != nil && st.Index >= 0 && st.Index < len(f.Stages) && f.Stages[st.Index] == st {
		return f.bases[st.Index]
	}
	return f.findBaseStage(st, global)
}

// findBaseStage looks up the earlier stage named by st's image, expanded
// with the global variables.
func (f *File) findBaseStage(st *Stage, global *Env) *Stage {
	name, _ := f.Expand(st.Image, global)
	if i := f.stageIndex(name); i >= 0 && i < st.Index {
		return f.Stages[i]
	}
	return nil
}

// WalkStage calls fn for each instruction of stage i, in order, with the
// variables in scope just before it. fn must not keep env: the walk
// updates it in place after fn returns.
func (f *File) WalkStage(i int, fn func(in *Instruction, env *Env)) {
	f.WalkStageWhile(i, func(in *Instruction, env *Env) bool {
		fn(in, env)
		return true
	})
}

// WalkStageWhile is WalkStage that stops after the first instruction for
// which fn returns false.
func (f *File) WalkStageWhile(i int, fn func(in *Instruction, env *Env) bool) {
	if i < 0 || i >= len(f.Stages) {
		return
	}
	f.GlobalEnv()
	env := f.stageStart(i)
	for _, in := range f.Stages[i].Instructions {
		if !fn(in, env) {
			return
		}
		f.addBindings(in, env)
	}
}

// EnvAfter returns the variables in scope just after the declaration d,
// given env, the variables before its instruction.
func EnvAfter(f *File, d *VarDecl, env *Env) *Env {
	after := env.clone()
	if d.Instruction.Stage < 0 {
		return f.GlobalEnv()
	}
	f.declBindings(d.Instruction, after, f.GlobalEnv())
	return after
}
