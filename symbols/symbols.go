// Package symbols builds the outline of a file (document symbols), the
// workspace-wide symbol search, and folding ranges.
package symbols

import (
	"context"
	"sort"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Kind is a symbol kind; the values equal LSP's SymbolKind.
type Kind int

// Symbol kinds used by stackls.
const (
	KindFile      Kind = 1
	KindModule    Kind = 2
	KindNamespace Kind = 3
	KindClass     Kind = 5
	KindMethod    Kind = 6
	KindProperty  Kind = 7
	KindField     Kind = 8
	KindFunction  Kind = 12
	KindVariable  Kind = 13
	KindConstant  Kind = 14
	KindString    Kind = 15
	KindKey       Kind = 20
	KindStruct    Kind = 23
	KindEvent     Kind = 24
	KindOperator  Kind = 25
)

// Symbol is one node of a file's outline. SelectionSpan lies inside Span.
type Symbol struct {
	Name          string
	Detail        string
	Kind          Kind
	Span          position.Span
	SelectionSpan position.Span
	Children      []*Symbol
}

// WorkspaceSymbol is a symbol found by a workspace-wide search.
type WorkspaceSymbol struct {
	Name      string
	Kind      Kind
	Location  position.Location
	Container string // e.g. the compose file or stage that holds it
}

// FoldingRange is a foldable region; the server folds whole lines from the
// line of Span.Start to the line of Span.End.
type FoldingRange struct {
	Span position.Span
	Kind string // "comment", "imports", "region" or ""
}

// Document returns the outline of the file at uri.
func Document(ctx context.Context, snap *workspace.Snapshot, uri position.URI) ([]*Symbol, error) {
	f := snap.File(uri)
	if f == nil || f.Skipped != "" {
		return nil, nil
	}
	switch f.Kind {
	case workspace.KindDockerfile:
		return dockerfileSymbols(ctx, f)
	case workspace.KindCompose:
		return composeSymbols(ctx, f)
	case workspace.KindShell:
		return shellSymbols(ctx, f)
	case workspace.KindMakefile:
		return makefileSymbols(ctx, f)
	case workspace.KindDotEnv:
		return dotenvSymbols(ctx, f)
	case workspace.KindConfig:
		return configSymbols(ctx, f)
	}
	return nil, nil
}

// Folding returns the folding ranges of the file at uri.
func Folding(ctx context.Context, snap *workspace.Snapshot, uri position.URI) ([]FoldingRange, error) {
	f := snap.File(uri)
	if f == nil || f.Skipped != "" {
		return nil, nil
	}
	switch f.Kind {
	case workspace.KindDockerfile:
		return dockerfileFolding(ctx, f)
	case workspace.KindCompose:
		return composeFolding(ctx, f)
	case workspace.KindShell:
		return shellFolding(ctx, f)
	case workspace.KindMakefile:
		return makefileFolding(ctx, f)
	}
	return nil, nil
}

// Workspace returns the symbols of the workspace whose name contains
// query, case-insensitively, sorted by name: the top-level symbols of each
// file (stages, Make targets and variables, script functions), the entries
// of compose sections (services, networks, volumes, secrets, configs), and
// each shell script itself.
func Workspace(ctx context.Context, snap *workspace.Snapshot, query string) ([]WorkspaceSymbol, error) {
	query = strings.ToLower(query)
	var found []WorkspaceSymbol
	for _, f := range snap.Files() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		entries, err := searchEntries(ctx, snap, f)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if strings.Contains(e.lower, query) {
				found = append(found, e.symbol)
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Name < found[j].Name })
	return found, nil
}

// searchEntry is one symbol that Workspace searches, with its name in
// lower case.
type searchEntry struct {
	symbol WorkspaceSymbol
	lower  string
}

// searchKey is the key of a File's search entries in its memo.
type searchKey struct{}

// searchEntries returns the symbols of f that Workspace searches, in
// outline order. It keeps them on the File, which never changes, so that a
// search does not build the outline of every file again.
func searchEntries(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]searchEntry, error) {
	if entries, ok := f.Memo(searchKey{}); ok {
		return entries.([]searchEntry), nil
	}
	outline, err := Document(ctx, snap, f.URI)
	if err != nil {
		return nil, err
	}
	var entries []searchEntry
	add := func(sym *Symbol, container string) {
		entries = append(entries, searchEntry{lower: strings.ToLower(sym.Name), symbol: WorkspaceSymbol{
			Name:      sym.Name,
			Kind:      sym.Kind,
			Location:  position.Location{URI: f.URI, Span: sym.SelectionSpan},
			Container: container,
		}})
	}
	if f.Kind == workspace.KindShell {
		add(&Symbol{Name: f.URI.Base(), Kind: KindFile}, "script")
	}
	for _, sym := range outline {
		if f.Kind == workspace.KindCompose && sym.Kind == KindNamespace {
			for _, child := range sym.Children {
				add(child, f.URI.Base()+" "+sym.Name)
			}
			continue
		}
		add(sym, f.URI.Base())
	}
	f.SetMemo(searchKey{}, entries)
	return entries, nil
}
