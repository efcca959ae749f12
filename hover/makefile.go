package hover

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// makefileHover returns the hover at offset in a Makefile: the service
// card of a compose service argument, the subcommand's description, the
// compose or env file a -f or --env-file names, a variable's assignments
// and value, or a target's rule.
func makefileHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	mf := f.Makefile()
	hit := mf.At(offset)
	if hit == nil {
		return nil, nil
	}
	var text string
	switch hit.Kind {
	case makefile.HitService:
		text = makefileServiceCard(snap, snap.CallServices(f.URI, hit.Call, hit.Word.Text), hit.Word.Text)
	case makefile.HitSubcommand:
		text = makefileSubcommandHover(snap, f.URI, hit)
	case makefile.HitComposeFile, makefile.HitEnvFile:
		text = makefileFileHover(snap, f.URI, hit)
	case makefile.HitVarRef, makefile.HitVarDef:
		text = makefileVarHover(f, mf, hit.Word.Text)
	case makefile.HitTarget, makefile.HitPrereq:
		text = makefileTargetHover(f, mf, hit.Word.Text)
	}
	if text == "" {
		return nil, nil
	}
	return &Result{Markdown: text, Span: hit.Word.Span}, nil
}

// relativeName returns path relative to the Makefile's folder when it lies
// below it, else path itself.
func relativeName(makefileURI position.URI, path string) string {
	rel, err := filepath.Rel(makefileURI.Dir(), path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return path
	}
	return filepath.ToSlash(rel)
}

func makefileSubcommandHover(snap *workspace.Snapshot, uri position.URI, hit *makefile.Hit) string {
	doc, ok := composeSubcommandDocs[hit.Word.Text]
	if !ok {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**docker compose %s**\n\n%s", hit.Word.Text, doc)
	if files := snap.CallComposeFiles(uri, hit.Call); len(files) > 0 {
		b.WriteString("\n\nCompose files:")
		for _, cf := range files {
			fmt.Fprintf(&b, " `%s`", relativeName(uri, cf.URI.Path()))
		}
	}
	return b.String()
}

func makefileFileHover(snap *workspace.Snapshot, uri position.URI, hit *makefile.Hit) string {
	p := workspace.CallPath(uri, hit.Call, hit.Word)
	if p == "" {
		return ""
	}
	if !snap.FileExists(p) {
		return fmt.Sprintf("`%s`: file not found", p)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "`%s`", relativeName(uri, p))
	if hit.Kind == makefile.HitComposeFile {
		for _, cf := range snap.CallComposeFiles(uri, hit.Call) {
			if cf.URI.Path() != p {
				continue
			}
			var names []string
			for _, svc := range cf.Compose.Services {
				names = append(names, "`"+svc.Name+"`")
			}
			if len(names) > 0 {
				fmt.Fprintf(&b, "\n\nServices: %s", strings.Join(names, ", "))
			}
		}
	}
	return b.String()
}

// maxShownAssignments caps the assignments a variable hover lists.
const maxShownAssignments = 5

// makefileVarHover returns the assignments of a variable and its
// expanded value. For a name that looks like a secret it shows only the
// names and operators, and it never shows an expansion that takes a
// value from such a variable.
func makefileVarHover(f *workspace.File, mf *makefile.File, name string) string {
	defs := mf.VarDefs(name)
	if len(defs) == 0 {
		return fmt.Sprintf("`%s` is not set in this Makefile; make takes it from the environment or the command line.", name)
	}
	secret := workspace.LooksSecret(name)
	var b strings.Builder
	b.WriteString("```make\n")
	for i, v := range defs {
		if i == maxShownAssignments {
			fmt.Fprintf(&b, "# ... %d more\n", len(defs)-i)
			break
		}
		if secret {
			b.WriteString(v.Name + " " + v.Op + " ...\n")
			continue
		}
		b.WriteString(string(f.Content[v.Span.Start:v.Span.End]))
		b.WriteString("\n")
	}
	b.WriteString("```")
	switch {
	case secret:
		b.WriteString("\n\nSet (value hidden: the name looks like a secret)")
	case usesSecretVar(mf, name, map[string]bool{}):
		b.WriteString("\n\nIts expansion is hidden: it takes the value of a variable whose name looks like a secret.")
	default:
		if value, ok := mf.VarValue(name); ok && value != defs[len(defs)-1].Value {
			fmt.Fprintf(&b, "\n\nExpands to `%s`", value)
		}
	}
	return b.String()
}

// usesSecretVar reports whether the value of the variable name refers,
// directly or through other variables, to a variable whose name looks
// like a secret. seen holds the names already followed.
func usesSecretVar(mf *makefile.File, name string, seen map[string]bool) bool {
	if seen[name] {
		return false
	}
	seen[name] = true
	for _, v := range mf.VarDefs(name) {
		for _, ref := range mf.Refs {
			if ref.Span.Start < v.ValueSpan.Start || ref.Span.End > v.ValueSpan.End {
				continue
			}
			if workspace.LooksSecret(ref.Name) || usesSecretVar(mf, ref.Name, seen) {
				return true
			}
		}
	}
	return false
}

// maxShownRecipeLines caps the recipe lines a target hover shows.
const maxShownRecipeLines = 8

func makefileTargetHover(f *workspace.File, mf *makefile.File, name string) string {
	rules := mf.RulesOf(name)
	if len(rules) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("```make\n")
	shown := 0
	var services []string
	for _, r := range rules {
		b.WriteString(string(f.Content[r.HeaderSpan.Start:r.HeaderSpan.End]))
		b.WriteString("\n")
		for _, rc := range r.Recipes {
			if shown == maxShownRecipeLines {
				b.WriteString("\t# ...\n")
				break
			}
			shown++
			b.WriteString("\t" + rc.Text + "\n")
		}
		for _, c := range mf.ComposeCalls {
			if c.Rule == r && c.Subcommand != nil {
				for _, s := range c.Services {
					services = append(services, fmt.Sprintf("`%s` (%s)", s.Text, c.Subcommand.Text))
				}
			}
		}
	}
	b.WriteString("```")
	if len(services) > 0 {
		fmt.Fprintf(&b, "\n\nCompose services: %s", strings.Join(services, ", "))
	}
	return b.String()
}
