package completion

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// shellCompletion returns the completion proposals at offset in a shell
// file. After "$" or "${" it proposes the variables of the containers that
// hold the script, then those the script sets, then those that Docker and
// the shell set. After "/run/secrets/" it proposes the secrets of those
// containers.
func shellCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	model := f.Shell()
	if model == nil {
		return nil, nil
	}
	containers := workspace.ContainersOf(snap, f.URI)
	if start, end := nameBounds(f.Content, offset, isSecretNameByte); strings.HasSuffix(string(f.Content[:start]), workspace.SecretsDir) {
		return secretItems(containers, position.Span{Start: start, End: end}), nil
	}
	start, end := nameBounds(f.Content, offset, isShellNameByte)
	if !afterDollar(f.Content, start) {
		return hostItems(snap, f, offset), nil
	}

	span := position.Span{Start: start, End: end}
	items := containerVarItems(containers, span)
	seen := map[string]bool{}
	for _, item := range items {
		seen[item.Label] = true
	}
	m := f.Mapper()
	for _, d := range model.VarDefs {
		if seen[d.Name] || d.Span.Contains(offset) {
			continue
		}
		seen[d.Name] = true
		items = append(items, &Item{
			Label: d.Name, Kind: KindVariable, SortText: "1" + d.Name,
			Detail: fmt.Sprintf("set in this script at line %d", m.OffsetLine(d.Span.Start)+1),
			Edit:   &position.TextEdit{Span: span, NewText: d.Name},
		})
	}

	for name, who := range workspace.RuntimeVars {
		if !seen[name] {
			items = append(items, &Item{Label: name, Kind: KindVariable, SortText: "2" + name, Detail: who, Edit: &position.TextEdit{Span: span, NewText: name}})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].SortText < items[j].SortText })
	return &List{Items: items}, nil
}

// containerVarItems proposes the variables of the containers' processes,
// each once, with the services that set it. The documentation leaves out
// the values of names that look secret.
func containerVarItems(containers []*workspace.Container, span position.Span) []*Item {
	byName := map[string]*Item{}
	var items []*Item
	for _, ct := range containers {
		for _, v := range ct.Env() {
			item := byName[v.Name]
			if item == nil {
				item = &Item{Label: v.Name, Kind: KindVariable, SortText: "0" + v.Name, Edit: &position.TextEdit{Span: span, NewText: v.Name}}
				byName[v.Name] = item
				items = append(items, item)
			}
			value := "value hidden"
			switch {
			case !v.Known:
				value = "value from the environment of `docker compose`"
			case !workspace.LooksSecret(v.Name):
				value = "`" + strings.ReplaceAll(v.Value, "`", "'") + "`"
			}
			item.Documentation += fmt.Sprintf("- `%s`: %s (%s)\n", ct.Name(), value, v.Source)
			if item.Detail == "" {
				item.Detail = "set for " + ct.Name()
			} else {
				item.Detail += ", " + ct.Name()
			}
		}
	}
	return items
}

// secretItems proposes the file names of the secrets mounted under
// /run/secrets in the containers.
func secretItems(containers []*workspace.Container, span position.Span) *List {
	seen := map[string]bool{}
	var items []*Item
	for _, ct := range containers {
		for _, s := range ct.Secrets {
			name, ok := strings.CutPrefix(s.Path, workspace.SecretsDir)
			if !ok || seen[name] {
				continue
			}
			seen[name] = true
			items = append(items, &Item{Label: name, Kind: KindFile, Detail: "secret " + s.Name + " of " + ct.Name(), Edit: &position.TextEdit{Span: span, NewText: name}})
		}
	}
	if len(items) == 0 {
		return nil
	}
	return &List{Items: items}
}

// nameBounds returns the run of name bytes around offset: its start
// before offset and its end after it.
func nameBounds(content []byte, offset int, isName func(byte) bool) (start, end int) {
	start, end = offset, offset
	for start > 0 && isName(content[start-1]) {
		start--
	}
	for end < len(content) && isName(content[end]) {
		end++
	}
	return start, end
}

func isShellNameByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func isSecretNameByte(b byte) bool { return isShellNameByte(b) || b == '.' || b == '-' }

// afterDollar reports whether a variable name starting at start follows
// "$" or "${", and the "$" is not escaped.
func afterDollar(content []byte, start int) bool {
	i := start
	if i > 0 && content[i-1] == '{' {
		i--
	}
	if i == 0 || content[i-1] != '$' {
		return false
	}
	return i < 2 || content[i-2] != '\\'
}
