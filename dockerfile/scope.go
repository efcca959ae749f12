package dockerfile

import (
	"sort"
	"strings"

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

// Expand expands the variables of word with env as buildkit does, and
// returns the result and the names it could not resolve.
func (f *File) Expand(word string, env *Env) (string, []string) {
	res, err := f.lexer().ProcessWordWithMatches(word, env)
	if err != nil {
		return word, nil
	}
	var unmatched []string
	for name := range res.Unmatched {
		unmatched = append(unmatched, name)
	}
	sort.Strings(unmatched)
	return res.Result, unmatched
}

// GlobalEnv returns the variables that FROM lines can use: the predefined
// platform ARGs and every ARG before the first FROM. It is computed once per
// File, and the caller must not change the returned Env.
func (f *File) GlobalEnv() *Env {
	f.scopeOnce.Do(f.buildScopes)
	return f.global
}

// buildScopes computes, once per File, the global variables, the base stage
// of each stage and the variables at the end of each stage. A stage's base
// is always an earlier stage, so one pass in source order is enough.
func (f *File) buildScopes() {
	f.global = f.buildGlobalEnv()
	f.bases = make([]*Stage, len(f.Stages))
	for i, st := range f.Stages {
		f.bases[i] = f.findBaseStage(st, f.global)
	}
	f.stageEnds = make([]*Env, len(f.Stages))
	for i := range f.Stages {
		f.stageEnds[i] = f.stageEnv(i, nil, f.global, 0)
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
	return f.stageEnv(in.Stage, in, global, 0)
}

// stageEnv returns the variables of stage i just before instruction stop,
// or at its end when stop is nil.
func (f *File) stageEnv(i int, stop *Instruction, global *Env, depth int) *Env {
	st := f.Stages[i]
	env := newEnv()
	if base := f.bases[i]; base != nil && depth < len(f.Stages) {
		env = f.stageEndEnv(base.Index, global, depth+1).clone()
		for k, b := range env.bindings {
			if b.FromStage < 0 && !b.Predefined {
				inherited := *b
				inherited.FromStage = base.Index
				env.bindings[k] = &inherited
			}
		}
	}
	if env.bindings["PATH"] == nil {
		env.bindings["PATH"] = &Binding{Name: "PATH", Value: DefaultPath, Set: true, Predefined: true, FromStage: -1}
	}
	for _, in := range st.Instructions {
		if in == stop {
			break
		}
		f.applyDecls(in, env, global)
	}
	return env
}

// stageEndEnv returns the variables at the end of stage i, from the memo
// when buildScopes has filled it in. The caller must not change the result.
func (f *File) stageEndEnv(i int, global *Env, depth int) *Env {
	if f.stageEnds != nil && f.stageEnds[i] != nil {
		return f.stageEnds[i]
	}
	return f.stageEnv(i, nil, global, depth)
}

// applyDecls adds the variables that an ARG or ENV instruction declares.
// Every value is expanded against the variables before the instruction.
func (f *File) applyDecls(in *Instruction, env, global *Env) {
	if in.Keyword != "ARG" && in.Keyword != "ENV" {
		return
	}
	before := env.clone()
	for _, d := range f.declsOf(in) {
		b := &Binding{Name: d.Name, Decl: d, FromStage: -1}
		switch {
		case d.HasValue:
			scope := before
			if !d.Env {
				scope = env // each ARG pair can use the pairs before it
			}
			b.Value, _ = f.Expand(d.ValueText, scope)
			b.Set = true
		case global.Lookup(d.Name) != nil && global.Lookup(d.Name).Set:
			g := global.Lookup(d.Name)
			b.Value, b.Set, b.Global = g.Value, true, g.Decl
			if g.Predefined {
				b.Predefined = true
			}
		}
		env.bindings[d.Name] = b
	}
}

// declsOf returns the VarDecls of one instruction.
func (f *File) declsOf(in *Instruction) []*VarDecl {
	i := sort.Search(len(f.Vars), func(i int) bool { return f.Vars[i].Instruction.Span.Start >= in.Span.Start })
	var decls []*VarDecl
	for ; i < len(f.Vars) && f.Vars[i].Instruction == in; i++ {
		decls = append(decls, f.Vars[i])
	}
	return decls
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
	for _, other := range f.Stages[:st.Index] {
		if other.Name != "" && strings.EqualFold(other.Name, name) {
			return other
		}
	}
	return nil
}

// WalkStage calls fn for each instruction of stage i, in order, with the
// variables in scope just before it. fn must not keep env: the walk
// updates it in place after fn returns.
func (f *File) WalkStage(i int, fn func(in *Instruction, env *Env)) {
	if i < 0 || i >= len(f.Stages) {
		return
	}
	global := f.GlobalEnv()
	env := f.stageEnv(i, f.Stages[i].From, global, 0)
	for _, in := range f.Stages[i].Instructions {
		fn(in, env)
		f.applyDecls(in, env, global)
	}
}

// EnvAfter returns the variables in scope just after the declaration d,
// given env, the variables before its instruction.
func EnvAfter(f *File, d *VarDecl, env *Env) *Env {
	after := env.clone()
	if d.Instruction.Stage < 0 {
		return f.GlobalEnv()
	}
	f.applyDecls(d.Instruction, after, f.GlobalEnv())
	return after
}
