package hover

import (
	"context"
	"fmt"
	"strings"

	"github.com/stackls/stackls/workspace"
)

// shellHover returns the hover at offset in a shell file: the service card
// of a host name, the services that run the script on its shebang line,
// else what the variables feature finds.
func shellHover(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*Result, error) {
	if r := hostHover(snap, f, offset); r != nil {
		return r, nil
	}
	if r := shebangHover(snap, f, offset); r != nil {
		return r, nil
	}
	return shellVarHover(ctx, snap, f, offset)
}

// hostHover returns the service card of the host name at offset, or nil.
func hostHover(snap *workspace.Snapshot, f *workspace.File, offset int) *Result {
	use := snap.Index().HostAt(f.URI, offset)
	if use == nil {
		return nil
	}
	return &Result{Markdown: serviceCard(snap, use.Defs), Span: use.Location.Span}
}

// shebangHover lists, on a script's "#!" line, the services whose
// containers hold the script, with the card of each; nil when none does.
func shebangHover(snap *workspace.Snapshot, f *workspace.File, offset int) *Result {
	model := f.Shell()
	if model == nil || model.Shebang == nil || !model.Shebang.Span.Contains(offset) {
		return nil
	}
	defs := snap.Index().FileServices(f.URI)
	if len(defs) == 0 {
		return nil
	}
	var names []string
	seen := map[string]bool{}
	for _, def := range defs {
		if name := "`" + def.Service.Name + "`"; !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	text := fmt.Sprintf("Runs in the container of %s.\n\n%s", strings.Join(names, ", "), serviceCard(snap, defs))
	return &Result{Markdown: text, Span: model.Shebang.Span}
}
