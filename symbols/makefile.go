package symbols

import (
	"context"
	"sort"
	"strings"

	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// makefileSymbols returns the outline of a Makefile: each target of each
// rule and each variable assignment, in source order. Special targets
// such as .PHONY are left out.
func makefileSymbols(ctx context.Context, f *workspace.File) ([]*Symbol, error) {
	mf := f.Makefile()
	var syms []*Symbol
	for _, r := range mf.Rules {
		for _, t := range r.Targets {
			if isSpecialTarget(t.Text) {
				continue
			}
			syms = append(syms, &Symbol{
				Name:          t.Text,
				Detail:        ruleDetail(r),
				Kind:          KindFunction,
				Span:          r.Span,
				SelectionSpan: t.Span,
			})
		}
	}
	for _, v := range mf.Vars {
		if v.Name == "" {
			continue
		}
		syms = append(syms, &Symbol{
			Name:          v.Name,
			Detail:        varDetail(v),
			Kind:          KindVariable,
			Span:          v.Span,
			SelectionSpan: v.NameSpan,
		})
	}
	sort.SliceStable(syms, func(i, j int) bool { return syms[i].SelectionSpan.Start < syms[j].SelectionSpan.Start })
	return syms, nil
}

// isSpecialTarget reports whether name is one of make's special targets,
// which all start with "." and are upper case, such as .PHONY.
func isSpecialTarget(name string) bool {
	return strings.HasPrefix(name, ".") && strings.ToUpper(name) == name
}

func ruleDetail(r *makefile.Rule) string {
	var names []string
	for _, p := range r.Prereqs {
		names = append(names, p.Text)
	}
	return strings.Join(names, " ")
}

// varDetail returns the operator and first line of an assignment, with
// the value hidden when the name looks like a secret.
func varDetail(v *makefile.Var) string {
	value, _, cut := strings.Cut(v.Value, "\n")
	switch {
	case workspace.LooksSecret(v.Name):
		value = workspace.HiddenValue
	case cut:
		value += " ..."
	}
	detail := v.Op + " " + value
	if v.Targets != nil {
		detail = "target-specific " + detail
	}
	return detail
}

// makefileFolding returns the folding ranges of a Makefile: each rule with
// recipe lines and each define block.
func makefileFolding(ctx context.Context, f *workspace.File) ([]FoldingRange, error) {
	mf := f.Makefile()
	var ranges []FoldingRange
	for _, r := range mf.Rules {
		if len(r.Recipes) > 0 && r.Span.End > r.HeaderSpan.End {
			ranges = append(ranges, FoldingRange{Span: position.Span{Start: r.HeaderSpan.Start, End: r.Span.End}, Kind: "region"})
		}
	}
	for _, v := range mf.Vars {
		if v.Define {
			ranges = append(ranges, FoldingRange{Span: v.Span, Kind: "region"})
		}
	}
	return ranges, nil
}
