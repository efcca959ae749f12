// Package completion proposes what may be typed at the cursor: keywords,
// keys valid at a YAML path, flags, variables in scope and names defined
// in other files of the workspace.
package completion

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// ItemKind is the kind of a completion item; the values equal LSP's.
type ItemKind int

// Item kinds used by stackls.
const (
	KindText      ItemKind = 1
	KindFunction  ItemKind = 3
	KindField     ItemKind = 5
	KindVariable  ItemKind = 6
	KindModule    ItemKind = 9
	KindProperty  ItemKind = 10
	KindValue     ItemKind = 12
	KindEnum      ItemKind = 13
	KindKeyword   ItemKind = 14
	KindSnippet   ItemKind = 15
	KindFile      ItemKind = 17
	KindReference ItemKind = 18
	KindFolder    ItemKind = 19
	KindConstant  ItemKind = 21
	KindStruct    ItemKind = 22
	KindEvent     ItemKind = 23
)

// Item is one completion proposal.
type Item struct {
	Label         string
	Kind          ItemKind
	Detail        string
	Documentation string // Markdown
	// Edit replaces a Span of the file with NewText; when nil the client
	// inserts Label at the cursor.
	Edit       *position.TextEdit
	Snippet    bool // Edit.NewText is an LSP snippet with $1 placeholders
	SortText   string
	FilterText string
}

// List is a completion result.
type List struct {
	Items []*Item
	// Incomplete asks the client to ask again as the user types.
	Incomplete bool
}

// Options are the client's completion capabilities.
type Options struct {
	Snippets bool // the client accepts snippet syntax
}

// Complete returns the completion proposals at a byte offset of the file at
// uri, or nil when there are none.
func Complete(ctx context.Context, snap *workspace.Snapshot, uri position.URI, offset int, opts Options) (*List, error) {
	f := snap.File(uri)
	if f == nil || f.Skipped != "" || offset < 0 || offset > len(f.Content) {
		return nil, nil
	}
	switch f.Kind {
	case workspace.KindDockerfile:
		return dockerfileCompletion(ctx, snap, f, offset, opts)
	case workspace.KindCompose:
		return composeCompletion(ctx, snap, f, offset, opts)
	case workspace.KindShell:
		return shellCompletion(ctx, snap, f, offset, opts)
	case workspace.KindMakefile:
		return makefileCompletion(ctx, snap, f, offset, opts)
	case workspace.KindDotEnv:
		return dotenvCompletion(ctx, snap, f, offset, opts)
	case workspace.KindConfig:
		return configCompletion(ctx, snap, f, offset, opts)
	}
	return nil, nil
}
