package hover

import (
	"context"
	"fmt"
	"strings"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/dotenv"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dotenvHover returns the hover at offset in a dotenv file: the key's
// value and uses, or the service card of a host name in a value.
func dotenvHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	if r := dotenvKeyHover(snap, f, offset); r != nil {
		return r, nil
	}
	return hostHover(snap, f, offset), nil
}

// maxListed is the number of uses a hover lists before it counts the rest.
const maxListed = 20

// dotenvKeyHover describes the key at offset: its value, hidden for a name
// that looks secret, the "${KEY}" references of the compose files that
// interpolate with this file, and the services whose containers receive
// the variable. The end of the key counts, so that a cursor just after
// the name finds it. It returns nil when offset is not on a key.
func dotenvKeyHover(snap *workspace.Snapshot, f *workspace.File, offset int) *Result {
	model := f.DotEnv()
	if model == nil {
		return nil
	}
	var entry *dotenv.Entry
	for _, e := range model.Entries {
		if e.KeySpan.Start <= offset && offset <= e.KeySpan.End {
			entry = e
		}
	}
	if entry == nil {
		return nil
	}

	var b strings.Builder
	b.WriteString(dotenvValueText(snap, f, model, entry))
	key := position.Location{URI: f.URI, Span: entry.KeySpan}
	refs := composeRefsOf(snap, f.URI, entry.Key)
	receivers := receiversOf(snap, key, entry.Key)
	if len(refs) > 0 {
		b.WriteString("\n\n**Interpolated in compose**")
		writeList(&b, refs, func(loc position.Location) string { return "`${" + entry.Key + "}` at " + whereText(snap, loc) })
	}
	if len(receivers) > 0 {
		b.WriteString("\n\n**Passed to containers**")
		writeList(&b, receivers, func(line string) string { return line })
	}
	if len(refs) == 0 && len(receivers) == 0 {
		b.WriteString("\n\nNo compose file of the workspace reads it, and no container receives it.")
	}
	return &Result{Markdown: b.String(), Span: entry.KeySpan}
}

// dotenvValueText is the first line of the hover: the name and the value
// as compose reads it.
func dotenvValueText(snap *workspace.Snapshot, f *workspace.File, model *dotenv.File, e *dotenv.Entry) string {
	text := "**`" + e.Key + "`**"
	switch {
	case e.Inherited:
		text += " takes its value from the environment `docker compose` runs in (the line has no `=`)"
	case workspace.LooksSecret(e.Key):
		text += " is set (value hidden: the name looks like a secret)"
	default:
		text += " = " + codeValue(e.Value)
	}
	if last := model.Lookup(e.Key); last != nil && last != e && !e.Inherited {
		text += fmt.Sprintf("\n\nLine %d sets it again, and that value wins.", last.Line+1)
	}
	return text
}

// composeRefsOf returns the "${name}" references of the compose projects
// that interpolate with the .env file at uri, without duplicates.
func composeRefsOf(snap *workspace.Snapshot, uri position.URI, name string) []position.Location {
	var out []position.Location
	seen := map[position.Location]bool{}
	for _, proj := range project.ReadersOf(snap, uri) {
		for _, loc := range proj.VarRefs(name) {
			if !seen[loc] {
				seen[loc] = true
				out = append(out, loc)
			}
		}
	}
	return out
}

// receiversOf describes, one line per service, the containers whose
// environment the .env key name at key sets: through env_file, or through
// an environment entry that reads it, under its own name or another.
func receiversOf(snap *workspace.Snapshot, key position.Location, name string) []string {
	var lines []string
	for _, ct := range workspace.Containers(snap) {
		for _, v := range ct.Env() {
			if !v.SetBy(key) {
				continue
			}
			line := "service `" + ct.Name() + "`"
			if v.Name != name {
				line += " as `" + v.Name + "`"
			}
			lines = append(lines, line+", through "+sourceText(v.Source)+" at "+whereText(snap, v.Location))
		}
	}
	return lines
}

// writeList writes items as a Markdown list, at most maxListed of them.
func writeList[T any](b *strings.Builder, items []T, text func(T) string) {
	for i, item := range items {
		if i == maxListed {
			fmt.Fprintf(b, "\n- and %d more", len(items)-maxListed)
			break
		}
		b.WriteString("\n- " + text(item))
	}
}
