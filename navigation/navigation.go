// Package navigation answers the requests that move between places:
// definition, references, document highlight, rename and document links.
// Each file kind has a provider; names that cross files, such as services
// used as hosts, resolve through the workspace index.
package navigation

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// HighlightKind says how a highlighted occurrence uses its name; the values
// equal LSP's.
type HighlightKind int

// Highlight kinds.
const (
	HighlightText  HighlightKind = 1
	HighlightRead  HighlightKind = 2
	HighlightWrite HighlightKind = 3
)

// Highlight is one occurrence of the name under the cursor in the same file.
type Highlight struct {
	Span position.Span
	Kind HighlightKind
}

// RenameTarget is what prepareRename found: the Span of the name and its
// current text.
type RenameTarget struct {
	Span        position.Span
	Placeholder string
}

// Link is a document link: a Span that opens a file or a web page.
type Link struct {
	Span    position.Span
	Target  string // a file URI or an https URL
	Tooltip string
}

// provider implements navigation for one file kind. Each method returns
// nil when there is nothing at the offset.
type provider interface {
	definition(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]position.Location, error)
	references(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, includeDeclaration bool) ([]position.Location, error)
	highlight(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) ([]Highlight, error)
	prepareRename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int) (*RenameTarget, error)
	rename(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, offset int, newName string) (map[position.URI][]position.TextEdit, error)
	links(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) ([]Link, error)
}

var providers = map[workspace.Kind]provider{
	workspace.KindDockerfile: dockerfileProvider{},
	workspace.KindCompose:    composeProvider{},
	workspace.KindShell:      shellProvider{},
	workspace.KindMakefile:   makefileProvider{},
	workspace.KindDotEnv:     dotenvProvider{},
	workspace.KindConfig:     configProvider{},
}

// providerAt returns the File at uri and its provider when the offset lies
// inside it; ok is false otherwise.
func providerAt(snap *workspace.Snapshot, uri position.URI, offset int) (f *workspace.File, p provider, ok bool) {
	f = snap.File(uri)
	if f == nil || f.Skipped != "" || offset < 0 || offset > len(f.Content) {
		return nil, nil, false
	}
	p, ok = providers[f.Kind]
	return f, p, ok
}

// Definition returns where the name at offset is defined.
func Definition(ctx context.Context, snap *workspace.Snapshot, uri position.URI, offset int) ([]position.Location, error) {
	f, p, ok := providerAt(snap, uri, offset)
	if !ok {
		return nil, nil
	}
	return p.definition(ctx, snap, f, offset)
}

// References returns every use of the name at offset, in every file of the
// workspace; the definition too when includeDeclaration is set.
func References(ctx context.Context, snap *workspace.Snapshot, uri position.URI, offset int, includeDeclaration bool) ([]position.Location, error) {
	f, p, ok := providerAt(snap, uri, offset)
	if !ok {
		return nil, nil
	}
	return p.references(ctx, snap, f, offset, includeDeclaration)
}

// Highlights returns the occurrences in the same file of the name at offset.
func Highlights(ctx context.Context, snap *workspace.Snapshot, uri position.URI, offset int) ([]Highlight, error) {
	f, p, ok := providerAt(snap, uri, offset)
	if !ok {
		return nil, nil
	}
	return p.highlight(ctx, snap, f, offset)
}

// PrepareRename returns the name at offset that Rename would change, or nil
// when there is no renameable name there.
func PrepareRename(ctx context.Context, snap *workspace.Snapshot, uri position.URI, offset int) (*RenameTarget, error) {
	f, p, ok := providerAt(snap, uri, offset)
	if !ok {
		return nil, nil
	}
	return p.prepareRename(ctx, snap, f, offset)
}

// Rename returns the edits, per file, that rename the name at offset to
// newName everywhere it is used.
func Rename(ctx context.Context, snap *workspace.Snapshot, uri position.URI, offset int, newName string) (map[position.URI][]position.TextEdit, error) {
	f, p, ok := providerAt(snap, uri, offset)
	if !ok {
		return nil, nil
	}
	return p.rename(ctx, snap, f, offset, newName)
}

// Links returns the document links of the file at uri.
func Links(ctx context.Context, snap *workspace.Snapshot, uri position.URI) ([]Link, error) {
	f, p, ok := providerAt(snap, uri, 0)
	if !ok {
		return nil, nil
	}
	return p.links(ctx, snap, f)
}
