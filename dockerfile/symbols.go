package dockerfile

import (
	"sort"
	"strings"

	"github.com/stackls/stackls/position"
)

// SymbolKind is the kind of thing a Symbol names.
type SymbolKind int

const (
	// SymbolVar is an ARG or ENV variable.
	SymbolVar SymbolKind = iota
	// SymbolStage is a named build stage.
	SymbolStage
)

// Symbol is one variable or stage with every place that names it. A
// global ARG and the stage ARGs without a value that inherit it form one
// Symbol, as do the ARG or ENV of a stage and the uses it reaches,
// including those in stages built FROM it.
type Symbol struct {
	Name  string
	Kind  SymbolKind
	Decls []*Use // declarations, in source order
	Refs  []*Use // references, in source order
}

// Use is a declaration or a reference of a Symbol: the Span of the name
// only, without "$" or braces.
type Use struct {
	Span   position.Span
	Decl   bool
	Symbol *Symbol
	// Binding is, for a reference, the declaration it resolves to: the
	// last one in scope; for a declaration, the Use itself.
	Binding *Use
}

// Symbols returns the variables and stages of the file that are declared
// in it, with their uses. Predefined ARGs and undefined names have none.
func (f *File) Symbols() []*Symbol {
	f.symbolsOnce.Do(f.buildSymbols)
	return f.symbols
}

// UseAt returns the use whose Span contains offset, or nil.
func (f *File) UseAt(offset int) *Use {
	f.Symbols()
	i := sort.Search(len(f.uses), func(i int) bool { return f.uses[i].Span.End >= offset })
	for ; i < len(f.uses) && f.uses[i].Span.Start <= offset; i++ {
		if f.uses[i].Span.Contains(offset) {
			return f.uses[i]
		}
	}
	return nil
}

// symbolTable collects symbols while the file is walked.
type symbolTable struct {
	f       *File
	byDecl  map[*VarDecl]*Symbol
	declUse map[*VarDecl]*Use
	globals map[string]*Symbol
	stages  map[string]*Symbol
}

func (f *File) buildSymbols() {
	t := &symbolTable{f: f, byDecl: map[*VarDecl]*Symbol{}, declUse: map[*VarDecl]*Use{}, globals: map[string]*Symbol{}, stages: map[string]*Symbol{}}
	t.declare()
	global := f.GlobalEnv()
	for _, st := range f.Stages {
		t.resolveRefs(st.From, global, nil)
	}
	for _, in := range f.Instructions {
		if in.Stage < 0 && in.Keyword == "ARG" {
			t.resolveRefs(in, global, nil)
		}
	}
	for i := range f.Stages {
		f.WalkStage(i, func(in *Instruction, env *Env) {
			if in.Keyword != "FROM" {
				t.resolveRefs(in, env, global)
			}
		})
	}
	t.stageRefs()
	for _, sym := range f.symbols {
		sort.Slice(sym.Refs, func(i, j int) bool { return sym.Refs[i].Span.Start < sym.Refs[j].Span.Start })
		f.uses = append(f.uses, sym.Decls...)
		f.uses = append(f.uses, sym.Refs...)
	}
	sort.Slice(f.uses, func(i, j int) bool { return f.uses[i].Span.Start < f.uses[j].Span.Start })
}

// declare creates the symbols of every declaration.
func (t *symbolTable) declare() {
	for _, d := range t.f.Vars {
		sym := t.globals[d.Name]
		inherits := d.Stage >= 0 && !d.Env && !d.HasValue && sym != nil
		if d.Stage >= 0 && !inherits {
			sym = nil
		}
		if sym == nil {
			sym = &Symbol{Name: d.Name, Kind: SymbolVar}
			t.f.symbols = append(t.f.symbols, sym)
			if d.Stage < 0 {
				t.globals[d.Name] = sym
			}
		}
		use := &Use{Span: d.NameSpan, Decl: true, Symbol: sym}
		use.Binding = use
		sym.Decls = append(sym.Decls, use)
		t.byDecl[d] = sym
		t.declUse[d] = use
	}
	for _, st := range t.f.Stages {
		if st.Name == "" {
			continue
		}
		key := strings.ToLower(st.Name)
		sym := t.stages[key]
		if sym == nil {
			sym = &Symbol{Name: st.Name, Kind: SymbolStage}
			t.stages[key] = sym
			t.f.symbols = append(t.f.symbols, sym)
		}
		use := &Use{Span: st.NameSpan, Decl: true, Symbol: sym}
		use.Binding = use
		sym.Decls = append(sym.Decls, use)
	}
}

// resolveRefs adds the references of in to the symbols that env binds
// them to. Within one ARG, a value can use the pairs before it.
func (t *symbolTable) resolveRefs(in *Instruction, env, global *Env) {
	decls := in.decls
	for _, ref := range t.f.VarRefs(in) {
		var decl *VarDecl
		if in.Keyword == "ARG" {
			for _, d := range decls {
				if d.NameSpan.End <= ref.Span.Start && d.Name == ref.Name && !d.ValueSpan.Contains(ref.Span.Start) {
					decl = d
				}
			}
		}
		if decl == nil {
			if b := env.Lookup(ref.Name); b != nil {
				decl = b.Decl
				if decl == nil && b.Global != nil {
					decl = b.Global
				}
			}
		}
		if sym := t.byDecl[decl]; sym != nil {
			sym.Refs = append(sym.Refs, &Use{Span: ref.Span, Symbol: sym, Binding: t.declUse[decl]})
		}
	}
}

// stageRefs adds the uses of stage names: FROM <stage>, COPY --from and
// RUN --mount from=, each naming an earlier stage.
func (t *symbolTable) stageRefs() {
	for _, in := range t.f.Instructions {
		switch in.Keyword {
		case "FROM":
			if in.Stage >= 0 {
				t.stageRef(in.Stage, t.f.Stages[in.Stage].Image, t.f.Stages[in.Stage].ImageSpan)
			}
		case "COPY":
			if fl := in.Flag("from"); fl != nil && fl.HasValue {
				t.stageRef(in.Stage, fl.Value, fl.ValueSpan)
			}
		case "RUN":
			for _, fl := range in.Flags {
				if fl.Name != "mount" {
					continue
				}
				for _, opt := range MountOptions(in, fl) {
					if opt.Key == "from" {
						t.stageRef(in.Stage, opt.Value, opt.ValueSpan)
					}
				}
			}
		}
	}
}

func (t *symbolTable) stageRef(from int, name string, span position.Span) {
	sym := t.stages[strings.ToLower(name)]
	if sym == nil || span.Len() != len(name) {
		return
	}
	st := t.f.StageNamed(name)
	if st == nil || from >= 0 && st.Index >= from {
		return
	}
	sym.Refs = append(sym.Refs, &Use{Span: span, Symbol: sym, Binding: sym.Decls[0]})
}

// Uses returns the declarations and references of sym, in source order.
func (sym *Symbol) Uses() []*Use {
	uses := append(append([]*Use(nil), sym.Decls...), sym.Refs...)
	sort.Slice(uses, func(i, j int) bool { return uses[i].Span.Start < uses[j].Span.Start })
	return uses
}
