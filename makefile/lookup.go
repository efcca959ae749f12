package makefile

// HitKind is the kind of a Hit.
type HitKind int

// Hit kinds.
const (
	HitComposeFile HitKind = iota + 1 // a -f / --file value of a compose call
	HitEnvFile                        // an --env-file value
	HitService                        // a service argument of a compose call
	HitSubcommand                     // the subcommand of a compose call
	HitVarRef                         // the name in $(NAME)
	HitVarDef                         // the name of an assignment
	HitTarget                         // a target of a rule
	HitPrereq                         // a prerequisite of a rule
	HitInclude                        // a file name of include
)

// Hit is the named thing at an offset.
type Hit struct {
	Kind HitKind
	Word *Word        // its text and Span; for variables, the name only
	Call *ComposeCall // for the compose kinds
	Rule *Rule        // for HitTarget and HitPrereq
}

// At returns what lies at offset, or nil when nothing named does. The
// name of a variable reference wins over the compose call word that holds
// it, as in "-f $(DIR)/compose.yml".
func (f *File) At(offset int) *Hit {
	for _, ref := range f.Refs {
		if ref.NameSpan.Contains(offset) {
			return &Hit{Kind: HitVarRef, Word: &Word{Text: ref.Name, Span: ref.NameSpan}}
		}
	}
	if hit := f.callAt(offset); hit != nil {
		return hit
	}
	for _, v := range f.Vars {
		if v.NameSpan.Contains(offset) && v.Name != "" {
			return &Hit{Kind: HitVarDef, Word: &Word{Text: v.Name, Span: v.NameSpan}}
		}
	}
	for _, r := range f.Rules {
		if hit := wordHit(r.Targets, offset, HitTarget); hit != nil {
			hit.Rule = r
			return hit
		}
		if hit := wordHit(r.Prereqs, offset, HitPrereq); hit != nil {
			hit.Rule = r
			return hit
		}
	}
	for _, v := range f.Vars {
		if hit := wordHit(v.Targets, offset, HitTarget); hit != nil {
			return hit
		}
	}
	return wordHit(f.Includes, offset, HitInclude)
}

func (f *File) callAt(offset int) *Hit {
	var calls []*ComposeCall
	for _, c := range f.ComposeCalls {
		calls = append(calls, c)
		calls = append(calls, c.Alternatives...)
	}
	for _, c := range calls {
		for _, group := range []struct {
			words []*Word
			kind  HitKind
		}{{c.Files, HitComposeFile}, {c.EnvFiles, HitEnvFile}, {c.Services, HitService}, {[]*Word{c.Subcommand}, HitSubcommand}} {
			if hit := wordHit(group.words, offset, group.kind); hit != nil {
				hit.Call = c
				return hit
			}
		}
	}
	return nil
}

func wordHit(words []*Word, offset int, kind HitKind) *Hit {
	for _, w := range words {
		if w != nil && w.Span.Contains(offset) {
			return &Hit{Kind: kind, Word: w}
		}
	}
	return nil
}

// VarDefs returns the assignments of the variable name, target-specific
// ones included, in source order.
func (f *File) VarDefs(name string) []*Var {
	var defs []*Var
	for _, v := range f.Vars {
		if v.Name == name {
			defs = append(defs, v)
		}
	}
	return defs
}

// RulesOf returns the rules that have target among their targets.
func (f *File) RulesOf(target string) []*Rule {
	var rules []*Rule
	for _, r := range f.Rules {
		for _, t := range r.Targets {
			if t.Text == target {
				rules = append(rules, r)
				break
			}
		}
	}
	return rules
}

// TargetNames returns the names of every rule target, in source order and
// without repeats. Special targets such as .PHONY are included.
func (f *File) TargetNames() []string {
	seen := map[string]bool{}
	var names []string
	for _, r := range f.Rules {
		for _, t := range r.Targets {
			if !seen[t.Text] {
				seen[t.Text] = true
				names = append(names, t.Text)
			}
		}
	}
	return names
}

// VarValue returns the value of the global variable name once make has
// read the whole file, with the variables it names expanded. It returns
// false when the file does not set it or sets it with "!=".
func (f *File) VarValue(name string) (string, bool) {
	x := newExpander(f, nil)
	if x.lookup(name) == nil {
		return "", false
	}
	ref := []byte("$(" + name + ")")
	src := make([]int, len(ref))
	for i := range src {
		src[i] = -1
	}
	var out expanded
	x.expand(&out, mapped{text: ref, src: src}, &frame{})
	return string(out.text), true
}
