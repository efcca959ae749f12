package diagnostics

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/stackls/stackls/dockerfile"
)

// onlyCopiedFrom reports whether stage i is a build stage whose layers no
// image keeps: it is not the last stage, no stage is built FROM it, and a
// later COPY --from or RUN --mount from= takes files out of it. The results
// for all stages are computed in one pass on the first call.
func (c *dockerChecker) onlyCopiedFrom(i int) bool {
	if c.copiedOnly == nil {
		c.copiedOnly = copiedOnlyStages(c.df)
	}
	return i >= 0 && i < len(c.copiedOnly) && c.copiedOnly[i]
}

// copiedOnlyStages returns, for each stage of df, whether onlyCopiedFrom
// holds for it.
func copiedOnlyStages(df *dockerfile.File) []bool {
	stages := df.Stages
	isBase := make([]bool, len(stages))
	byName := map[string][]int{} // stage indices by foldKey of the name
	for _, st := range stages {
		if base := df.BaseStage(st); base != nil {
			isBase[base.Index] = true
		}
		if st.Name != "" {
			byName[foldKey(st.Name)] = append(byName[foldKey(st.Name)], st.Index)
		}
	}

	// lastUse[k] is the index of the last stage that copies or mounts from
	// stage k; -1 when none does.
	lastUse := make([]int, len(stages))
	for k := range lastUse {
		lastUse[k] = -1
	}
	mark := func(ref string, j int) {
		if n, err := strconv.Atoi(ref); err == nil && n >= 0 && n < len(stages) && strconv.Itoa(n) == ref {
			lastUse[n] = max(lastUse[n], j)
		}
		for _, k := range byName[foldKey(ref)] {
			lastUse[k] = max(lastUse[k], j)
		}
	}
	for j, st := range stages {
		for _, ref := range copySources(st) {
			mark(ref, j)
		}
	}

	only := make([]bool, len(stages))
	for i := range stages {
		only[i] = i < len(stages)-1 && !isBase[i] && lastUse[i] > i
	}
	return only
}

// copySources returns the stage references of the COPY --from flags and
// RUN --mount from= options of a stage.
func copySources(st *dockerfile.Stage) []string {
	var refs []string
	for _, in := range st.Instructions {
		if fl := in.Flag("from"); fl != nil && in.Keyword == "COPY" {
			refs = append(refs, fl.Value)
		}
		if in.Keyword != "RUN" {
			continue
		}
		for _, fl := range in.Flags {
			if fl.Name != "mount" {
				continue
			}
			for _, opt := range dockerfile.MountOptions(in, fl) {
				if opt.Key == "from" {
					refs = append(refs, opt.Value)
				}
			}
		}
	}
	return refs
}

// foldKey returns a key under which two strings are equal exactly when
// strings.EqualFold reports them equal: each rune is replaced by the
// smallest rune of its Unicode simple case folding orbit.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}
