package navigation

import (
	"strconv"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// argKey is a build.args key, written literally, with the stages that its
// service's build runs.
type argKey struct {
	composeName
	stages map[int]bool
}

// argKeys returns the build.args keys called name of every service that
// builds the Dockerfile df at uri.
func argKeys(snap *workspace.Snapshot, uri position.URI, df *dockerfile.File, name string) []argKey {
	var out []argKey
	for _, b := range project.DockerfileBuilds(snap, uri) {
		stages := builtStages(df, b.Target)
		for _, kv := range b.Service.Build.Args {
			if kv.Key != name {
				continue
			}
			if span, ok := literalSpan(b.Model, kv.KeySpan, kv.Key); ok {
				out = append(out, argKey{composeName{loc: position.Location{URI: b.URI, Span: span}, build: b, name: kv.Key}, stages})
			}
		}
	}
	return out
}

// argGroup returns the ARG symbols and the keys that belong together,
// starting from symbols: each key that sets one of the symbols joins. With
// closure set, the other symbols a joining key sets join too, and so on
// until nothing changes.
func argGroup(df *dockerfile.File, keys []argKey, symbols []*dockerfile.Symbol, closure bool) ([]*dockerfile.Symbol, []composeName) {
	in := map[*dockerfile.Symbol]bool{}
	for _, sym := range symbols {
		in[sym] = true
	}
	joined := make([]bool, len(keys))
	for changed := true; changed; {
		changed = false
		for i, k := range keys {
			if joined[i] {
				continue
			}
			set := argSymbols(df, k.name, k.stages)
			if !anyIn(set, in) {
				continue
			}
			joined[i], changed = true, true
			for _, sym := range set {
				in[sym] = in[sym] || closure
			}
		}
	}
	var group []*dockerfile.Symbol
	for _, sym := range df.Symbols() {
		if in[sym] {
			group = append(group, sym)
		}
	}
	var names []composeName
	for i, k := range keys {
		if joined[i] {
			names = append(names, k.composeName)
		}
	}
	return group, names
}

func anyIn(list []*dockerfile.Symbol, set map[*dockerfile.Symbol]bool) bool {
	for _, sym := range list {
		if set[sym] {
			return true
		}
	}
	return false
}

// argSymbols returns the symbols of the ARGs called name that a build
// argument sets when the build runs stages: the global ARGs and those of
// the stages.
func argSymbols(df *dockerfile.File, name string, stages map[int]bool) []*dockerfile.Symbol {
	var out []*dockerfile.Symbol
	for _, d := range argDecls(df, name, stages) {
		if use := df.UseAt(d.NameSpan.Start); use != nil && use.Decl && use.Span == d.NameSpan {
			out = append(out, use.Symbol)
		}
	}
	return out
}

// argDecls returns the ARG declarations called name that are global or in
// one of stages, in source order.
func argDecls(df *dockerfile.File, name string, stages map[int]bool) []*dockerfile.VarDecl {
	var out []*dockerfile.VarDecl
	for _, d := range df.Vars {
		if !d.Env && d.Name == name && (d.Stage < 0 || stages[d.Stage]) {
			out = append(out, d)
		}
	}
	return out
}

// argDefinition returns the ARG declarations that the build argument name
// of a build of target sets, by preference those of the target stage, then
// the global ones, then those of the stages the target needs.
func argDefinition(df *dockerfile.File, target, name string) []*dockerfile.VarDecl {
	stages := builtStages(df, target)
	last := targetStage(df, target)
	if last == nil {
		return nil
	}
	decls := argDecls(df, name, stages)
	for _, keep := range []func(*dockerfile.VarDecl) bool{
		func(d *dockerfile.VarDecl) bool { return d.Stage == last.Index },
		func(d *dockerfile.VarDecl) bool { return d.Stage < 0 },
		func(*dockerfile.VarDecl) bool { return true },
	} {
		var out []*dockerfile.VarDecl
		for _, d := range decls {
			if keep(d) {
				out = append(out, d)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// composeArgLink returns the link of the build.args key name of svc,
// written at span; nil when the Dockerfile declares no such ARG in the
// stages the build runs.
func composeArgLink(snap *workspace.Snapshot, f *workspace.File, svc *compose.Service, name string, span position.Span) *dockerLink {
	b := project.ServiceBuild(snap, f.URI, f.Compose(), svc)
	if b == nil {
		return nil
	}
	df := project.LoadDockerfile(snap, b.Build.Dockerfile)
	if df == nil {
		return nil
	}
	symbols := argSymbols(df, name, builtStages(df, b.Target))
	if len(symbols) == 0 {
		return nil
	}
	l := &dockerLink{name: name, span: span, dockerURI: b.Build.Dockerfile, df: df}
	l.symbols, l.compose = argGroup(df, argKeys(snap, b.Build.Dockerfile, df, name), symbols, true)
	return l
}

// targetStage returns the stage a build of target ends with: the stage
// called target, or the last stage when target is ""; nil when there is
// none.
func targetStage(df *dockerfile.File, target string) *dockerfile.Stage {
	if target == "" {
		if len(df.Stages) == 0 {
			return nil
		}
		return df.Stages[len(df.Stages)-1]
	}
	return df.StageNamed(target)
}

// builtStages returns the indexes of the stages a build of target runs:
// the target stage, the stages it builds FROM and those it copies or
// mounts from, transitively. It is empty when no stage is the target.
func builtStages(df *dockerfile.File, target string) map[int]bool {
	out := map[int]bool{}
	st := targetStage(df, target)
	if st == nil {
		return out
	}
	todo := []*dockerfile.Stage{st}
	for len(todo) > 0 {
		st, todo = todo[len(todo)-1], todo[:len(todo)-1]
		if out[st.Index] {
			continue
		}
		out[st.Index] = true
		todo = append(todo, stageNeeds(df, st)...)
	}
	return out
}

// stageNeeds returns the earlier stages that st builds FROM, copies from
// with COPY --from or mounts with RUN --mount=from=.
func stageNeeds(df *dockerfile.File, st *dockerfile.Stage) []*dockerfile.Stage {
	var out []*dockerfile.Stage
	add := func(ref string) {
		if other := stageByRef(df, ref); other != nil && other.Index < st.Index {
			out = append(out, other)
		}
	}
	if base := df.BaseStage(st); base != nil {
		out = append(out, base)
	}
	for _, in := range st.Instructions {
		for _, fl := range in.Flags {
			switch {
			case fl.Name == "from" && in.Keyword == "COPY" && fl.HasValue:
				add(fl.Value)
			case fl.Name == "mount" && in.Keyword == "RUN":
				for _, opt := range dockerfile.MountOptions(in, fl) {
					if opt.Key == "from" {
						add(opt.Value)
					}
				}
			}
		}
	}
	return out
}

// stageByRef returns the stage that a --from value names, by name or by
// index; nil for an image or an unknown name.
func stageByRef(df *dockerfile.File, ref string) *dockerfile.Stage {
	if st := df.StageNamed(ref); st != nil {
		return st
	}
	i, err := strconv.Atoi(ref)
	if err != nil || i < 0 || i >= len(df.Stages) || strconv.Itoa(i) != strings.TrimSpace(ref) {
		return nil
	}
	return df.Stages[i]
}

// buildArgDefinition returns the ARG declarations that the build argument
// name of svc, a service of the compose file f, sets in its Dockerfile df.
func buildArgDefinition(snap *workspace.Snapshot, f *workspace.File, svc *compose.Service, df *dockerfile.File, name string) []position.Location {
	b := project.ServiceBuild(snap, f.URI, f.Compose(), svc)
	if b == nil {
		return nil
	}
	var locs []position.Location
	for _, d := range argDefinition(df, b.Target, name) {
		locs = append(locs, position.Location{URI: b.Build.Dockerfile, Span: d.NameSpan})
	}
	return locs
}
