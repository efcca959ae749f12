package completion

import (
	"context"
	"sort"
	"strings"

	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// makefileCompletion returns the completion proposals at offset in a
// Makefile: variable names after "$(", target names among prerequisites,
// and in recipe lines the subcommands of docker compose and the services
// of its compose files.
func makefileCompletion(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, opts Options) (*List, error) {
	mf := f.Makefile()
	at := mf.CompletionAt(offset)
	if at == nil {
		return nil, nil
	}
	var items []*Item
	switch at.Kind {
	case makefile.CompleteVariable:
		items = makefileVariableItems(mf)
	case makefile.CompleteTarget:
		items = makefileTargetItems(mf, at.Rule)
	case makefile.CompleteSubcommand:
		items = makefileSubcommandItems()
	case makefile.CompleteService:
		items = makefileServiceItems(snap, f.URI, at.Call)
	}
	var matching []*Item
	for _, item := range items {
		if !strings.HasPrefix(item.Label, at.Prefix) {
			continue
		}
		item.Edit = &position.TextEdit{Span: at.Span, NewText: item.Label}
		matching = append(matching, item)
	}
	if len(matching) == 0 {
		return nil, nil
	}
	return &List{Items: matching}, nil
}

// makefileVariableItems proposes each variable the Makefile sets, with its
// last value as detail unless the name looks like a secret.
func makefileVariableItems(mf *makefile.File) []*Item {
	last := map[string]*makefile.Var{}
	var names []string
	for _, v := range mf.Vars {
		if v.Name == "" {
			continue
		}
		if last[v.Name] == nil {
			names = append(names, v.Name)
		}
		last[v.Name] = v
	}
	sort.Strings(names)
	items := make([]*Item, 0, len(names))
	for _, name := range names {
		v := last[name]
		value := firstLine(v.Value)
		if workspace.LooksSecret(name) {
			value = workspace.HiddenValue
		}
		items = append(items, &Item{Label: name, Kind: KindVariable, Detail: name + " " + v.Op + " " + value})
	}
	return items
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " ..."
	}
	return s
}

// makefileTargetItems proposes the targets of the Makefile, except those
// of the rule being written and special targets such as .PHONY.
func makefileTargetItems(mf *makefile.File, rule *makefile.Rule) []*Item {
	own := map[string]bool{}
	for _, t := range rule.Targets {
		own[t.Text] = true
	}
	var items []*Item
	for _, name := range mf.TargetNames() {
		if own[name] || strings.HasPrefix(name, ".") || strings.ContainsAny(name, "%$") {
			continue
		}
		items = append(items, &Item{Label: name, Kind: KindFunction, Detail: "target"})
	}
	return items
}

// makefileSubcommandItems proposes the docker compose subcommands.
func makefileSubcommandItems() []*Item {
	names := makefile.Subcommands()
	sort.Strings(names)
	items := make([]*Item, 0, len(names))
	for _, name := range names {
		items = append(items, &Item{Label: name, Kind: KindKeyword, Detail: "docker compose " + name})
	}
	return items
}

// makefileServiceItems proposes the services of the compose files that
// call reads.
func makefileServiceItems(snap *workspace.Snapshot, uri position.URI, call *makefile.ComposeCall) []*Item {
	names := snap.CallServiceNames(uri, call)
	items := make([]*Item, 0, len(names))
	for _, name := range names {
		detail := "service"
		if defs := snap.CallServices(uri, call, name); len(defs) > 0 {
			detail = "service in " + defs[0].URI.Base()
		}
		items = append(items, &Item{Label: name, Kind: KindStruct, Detail: detail})
	}
	return items
}
