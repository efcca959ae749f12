package reliability

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stackls/stackls/completion"
	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/format"
	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/semantic"
	"github.com/stackls/stackls/symbols"
	"github.com/stackls/stackls/workspace"
)

// featureChecker calls the feature packages directly and checks the byte
// Spans they return. The server drops a range it cannot convert, so a
// Span past the end of its file, or one that splits a character, shows
// only here.
type featureChecker struct {
	root     string // the workspace folder, which file names in problems are relative to
	ctx      context.Context
	snap     *workspace.Snapshot
	problems []string
}

// content returns the content of the file at uri as the snapshot has it,
// else as the disk has it.
func (k *featureChecker) content(uri position.URI) ([]byte, bool) {
	if f := k.snap.File(uri); f != nil {
		return f.Content, true
	}
	content, err := os.ReadFile(uri.Path())
	return content, err == nil
}

// span records a problem when span is not a valid Span of the file at
// uri that starts and ends on character boundaries.
func (k *featureChecker) span(where string, uri position.URI, span position.Span) {
	content, ok := k.content(uri)
	switch {
	case !ok && span != (position.Span{}):
		k.problems = append(k.problems, fmt.Sprintf("%s: Span %v in %s, which cannot be read", where, span, uri))
	case !span.Valid() || span.End > len(content):
		k.problems = append(k.problems, fmt.Sprintf("%s: Span %v lies outside the %d bytes of %s", where, span, len(content), k.name(uri)))
	case splitsCharacter(content, span.Start) || splitsCharacter(content, span.End):
		k.problems = append(k.problems, fmt.Sprintf("%s: Span %v of %s splits a character", where, span, k.name(uri)))
	}
}

// name returns the path of uri relative to the workspace folder.
func (k *featureChecker) name(uri position.URI) string {
	if rel, err := filepath.Rel(k.root, uri.Path()); err == nil {
		return filepath.ToSlash(rel)
	}
	return string(uri)
}

// splitsCharacter reports whether offset lies inside a valid multi-byte
// UTF-8 character of content.
func splitsCharacter(content []byte, offset int) bool {
	if offset <= 0 || offset >= len(content) || utf8.RuneStart(content[offset]) {
		return false
	}
	for start := offset - 1; start >= max(0, offset-3); start-- {
		if utf8.RuneStart(content[start]) {
			r, size := utf8.DecodeRune(content[start:])
			return r != utf8.RuneError && start+size > offset
		}
	}
	return false
}

// call runs one feature call, turning a panic or an error into a problem.
func (k *featureChecker) call(where string, fn func() error) {
	defer func() {
		if r := recover(); r != nil {
			k.problems = append(k.problems, fmt.Sprintf("%s: panic: %v\n%s", where, r, firstFrames(debug.Stack())))
		}
	}()
	if err := fn(); err != nil {
		k.problems = append(k.problems, fmt.Sprintf("%s: error: %v", where, err))
	}
}

// firstFrames returns the frames of a panic's stack below the runtime's.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "panic(") && i+6 < len(lines) {
			return strings.Join(lines[i+2:i+6], "\n")
		}
	}
	return string(stack)
}

// atOffset calls every position feature at offset of f.
func (k *featureChecker) atOffset(f *workspace.File, offset int) {
	where := func(feature string) string { return fmt.Sprintf("%s at %s:%d", feature, k.name(f.URI), offset) }
	k.call(where("hover"), func() error {
		result, err := hover.Hover(k.ctx, k.snap, f.URI, offset)
		if result != nil {
			k.span(where("hover"), f.URI, result.Span)
		}
		return err
	})
	k.call(where("definition"), func() error {
		locs, err := navigation.Definition(k.ctx, k.snap, f.URI, offset)
		k.locations(where("definition"), locs)
		return err
	})
	k.call(where("references"), func() error {
		locs, err := navigation.References(k.ctx, k.snap, f.URI, offset, true)
		k.locations(where("references"), locs)
		return err
	})
	k.call(where("highlight"), func() error {
		found, err := navigation.Highlights(k.ctx, k.snap, f.URI, offset)
		for _, h := range found {
			k.span(where("highlight"), f.URI, h.Span)
		}
		return err
	})
	k.call(where("completion"), func() error {
		list, err := completion.Complete(k.ctx, k.snap, f.URI, offset, completion.Options{Snippets: true})
		if list != nil {
			for _, item := range list.Items {
				if item.Edit != nil {
					k.span(where("completion "+item.Label), f.URI, item.Edit.Span)
				}
			}
		}
		return err
	})
	k.call(where("rename"), func() error { return k.rename(f, offset, where("rename")) })
}

// rename checks prepareRename and, when it finds a name, the rename edits.
func (k *featureChecker) rename(f *workspace.File, offset int, where string) error {
	target, err := navigation.PrepareRename(k.ctx, k.snap, f.URI, offset)
	if err != nil || target == nil {
		return err
	}
	k.span(where, f.URI, target.Span)
	edits, err := navigation.Rename(k.ctx, k.snap, f.URI, offset, "renamed")
	for uri, fileEdits := range edits {
		for _, e := range fileEdits {
			k.span(where+" edit", uri, e.Span)
		}
		if content, ok := k.content(uri); ok {
			if _, applyErr := position.ApplyEdits(content, fileEdits); applyErr != nil {
				k.problems = append(k.problems, fmt.Sprintf("%s: edits of %s do not apply: %v", where, k.name(uri), applyErr))
			}
		}
	}
	return err
}

func (k *featureChecker) locations(where string, locs []position.Location) {
	for _, loc := range locs {
		k.span(where, loc.URI, loc.Span)
	}
}

// wholeFile calls every whole-file feature on f.
func (k *featureChecker) wholeFile(f *workspace.File) {
	where := func(feature string) string { return feature + " of " + k.name(f.URI) }
	k.call(where("symbols"), func() error {
		outline, err := symbols.Document(k.ctx, k.snap, f.URI)
		k.symbols(where("symbols"), f.URI, outline)
		return err
	})
	k.call(where("folding"), func() error {
		ranges, err := symbols.Folding(k.ctx, k.snap, f.URI)
		for _, r := range ranges {
			k.span(where("folding"), f.URI, r.Span)
		}
		return err
	})
	k.call(where("semantic tokens"), func() error {
		tokens, err := semantic.Tokens(k.ctx, k.snap, f.URI)
		for _, tok := range tokens {
			k.span(where("semantic token"), f.URI, tok.Span)
		}
		return err
	})
	k.call(where("links"), func() error {
		links, err := navigation.Links(k.ctx, k.snap, f.URI)
		for _, l := range links {
			k.span(where("link"), f.URI, l.Span)
		}
		return err
	})
	k.call(where("diagnostics"), func() error {
		for _, d := range diagnostics.File(k.ctx, k.snap, f.URI) {
			k.span(where("diagnostic "+d.Code), f.URI, d.Span)
			for _, r := range d.Related {
				k.span(where("related of "+d.Code), r.Location.URI, r.Location.Span)
			}
			for _, fix := range d.Fixes {
				for uri, edits := range fix.Edits {
					for _, e := range edits {
						k.span(where("fix of "+d.Code), uri, e.Span)
					}
				}
			}
		}
		return nil
	})
	k.call(where("format"), func() error {
		edits, err := format.Format(k.ctx, k.snap, f.URI, format.Options{TabSize: 2, InsertSpaces: true}, nil)
		for _, e := range edits {
			k.span(where("format"), f.URI, e.Span)
		}
		return err
	})
}

// symbols checks an outline: each Span inside the file and each
// SelectionSpan inside its Span.
func (k *featureChecker) symbols(where string, uri position.URI, outline []*symbols.Symbol) {
	for _, sym := range outline {
		k.span(where+" "+sym.Name, uri, sym.Span)
		k.span(where+" "+sym.Name, uri, sym.SelectionSpan)
		if sym.SelectionSpan.Start < sym.Span.Start || sym.SelectionSpan.End > sym.Span.End {
			k.problems = append(k.problems, fmt.Sprintf("%s: selection %v of %q lies outside its Span %v", where, sym.SelectionSpan, sym.Name, sym.Span))
		}
		k.symbols(where, uri, sym.Children)
	}
}

// checkFeatures indexes fs with a Session, opens the files when open is
// set, and calls every feature at every offset of every file (a sample
// of each line of a large file).
func checkFeatures(t *testing.T, fs files, open bool) {
	root := t.TempDir()
	writeTree(t, root, fs)
	session := workspace.NewSession()
	if _, err := session.AddFolders(t.Context(), []string{root}); err != nil {
		t.Fatalf("indexing: %v", err)
	}
	if open {
		for _, rel := range fs.paths() {
			uri := position.URIFromPath(root + "/" + rel)
			session.Open(uri, "", 1, fs[rel])
		}
	}
	k := &featureChecker{root: root, ctx: t.Context(), snap: session.Snapshot()}
	for _, f := range k.snap.Files() {
		k.wholeFile(f)
		for _, offset := range sweepOffsets(f.Content) {
			k.atOffset(f, offset)
		}
	}
	k.call("workspace symbols", func() error {
		found, err := symbols.Workspace(k.ctx, k.snap, "")
		for _, sym := range found {
			k.span("workspace symbol "+sym.Name, sym.Location.URI, sym.Location.Span)
		}
		return err
	})
	if len(k.problems) > 0 {
		shown := k.problems[:min(len(k.problems), 30)]
		t.Errorf("%d problems; the first ones:\n%s", len(k.problems), strings.Join(shown, "\n"))
	}
}

// sweepOffsets returns every offset of content and one past its end, or,
// for a large file, the start, middle and end of every line. Under the
// race detector it takes every raceStride-th offset and each line end.
func sweepOffsets(content []byte) []int {
	if len(content) <= sweepFullFile {
		out := make([]int, 0, len(content)+2)
		for offset := 0; offset <= len(content)+1; offset++ {
			sampled := !raceEnabled || offset%raceStride == 0 || offset >= len(content) || content[offset] == '\n'
			if sampled && !splitsCharacter(content, offset) { // the server never sends such an offset
				out = append(out, offset)
			}
		}
		return out
	}
	var out []int
	start := 0
	for _, line := range bytes.SplitAfter(content, []byte("\n")) {
		out = append(out, start, start+len(line)/2, start+len(line))
		start += len(line)
	}
	return append(out, len(content)+1)
}

// TestFeatureSpansInsideFiles calls every feature directly at every
// offset of the example and edge-case workspaces, disk copies and open
// documents, and requires no panic, no error and every Span inside its
// file on character boundaries.
func TestFeatureSpansInsideFiles(t *testing.T) {
	for name, fs := range exampleWorkspaces(t) {
		t.Run(name, func(t *testing.T) { checkFeatures(t, fs, false) })
	}
	tricky := trickyWorkspace()
	t.Run("tricky", func(t *testing.T) { checkFeatures(t, tricky, false) })
	t.Run("tricky/open", func(t *testing.T) { checkFeatures(t, tricky, true) })
}
