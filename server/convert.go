package server

import (
	"os"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/server/protocol"
	"github.com/stackls/stackls/workspace"
)

// This file converts between LSP values and stackls's byte Spans. Every
// conversion goes through the Mapper of the File involved and the
// negotiated encoding; a value outside its file converts to ok == false,
// which handlers turn into an empty result.

// fileOffset returns the File that the client's URI names in snap and the
// byte offset of pos in it. ok is false when the file is unknown or pos
// lies past the end of its line or of the file.
func (s *server) fileOffset(snap *workspace.Snapshot, docURI protocol.DocumentURI, pos protocol.Position) (f *workspace.File, offset int, ok bool) {
	f = s.file(snap, docURI)
	if f == nil {
		return nil, 0, false
	}
	offset, err := f.Mapper().PositionOffset(fromPosition(pos), s.encoding())
	if err != nil {
		return nil, 0, false
	}
	return f, offset, true
}

// file returns the File that the client's URI names in snap, or nil.
func (s *server) file(snap *workspace.Snapshot, docURI protocol.DocumentURI) *workspace.File {
	u, err := position.ParseURI(string(docURI))
	if err != nil {
		s.log.Debug("invalid document URI", "error", err)
		return nil
	}
	return snap.File(u)
}

// fromPosition converts a protocol Position to a position.Position. Line
// and character are uint32 on the wire, so a huge value stays positive
// and falls past the end.
func fromPosition(pos protocol.Position) position.Position {
	return position.Position{Line: int(pos.Line), Character: int(pos.Character)}
}

func toPosition(pos position.Position) protocol.Position {
	return protocol.Position{Line: uint32(pos.Line), Character: uint32(pos.Character)}
}

// spanOf converts a protocol Range in f to a byte Span.
func (s *server) spanOf(f *workspace.File, rng protocol.Range) (position.Span, bool) {
	span, err := f.Mapper().RangeSpan(position.Range{Start: fromPosition(rng.Start), End: fromPosition(rng.End)}, s.encoding())
	return span, err == nil
}

// rangeOf converts a byte Span of m's content to a protocol Range.
func (s *server) rangeOf(m *position.Mapper, span position.Span) (protocol.Range, bool) {
	rng, err := m.SpanRange(span, s.encoding())
	if err != nil {
		return protocol.Range{}, false
	}
	return protocol.Range{Start: toPosition(rng.Start), End: toPosition(rng.End)}, true
}

// mapperOf returns the Mapper of the file at u: the snapshot's File, or
// the disk copy of a file the workspace does not model, such as a script
// in another language that a COPY names. It returns nil when the file
// cannot be read.
func (s *server) mapperOf(snap *workspace.Snapshot, u position.URI) *position.Mapper {
	if f := snap.File(u); f != nil {
		return f.Mapper()
	}
	path := u.Path()
	if path == "" {
		return nil
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() > workspace.MaxFileSize {
		return nil
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return position.NewMapper(content)
}

// locationOf converts a Location of any file to a protocol Location. The
// empty Span at offset 0 needs no content, so it converts even for a file
// that cannot be read.
func (s *server) locationOf(snap *workspace.Snapshot, loc position.Location) (protocol.Location, bool) {
	if loc.Span == (position.Span{}) {
		return protocol.Location{URI: protocol.DocumentURI(loc.URI)}, true
	}
	m := s.mapperOf(snap, loc.URI)
	if m == nil {
		return protocol.Location{}, false
	}
	rng, ok := s.rangeOf(m, loc.Span)
	if !ok {
		return protocol.Location{}, false
	}
	return protocol.Location{URI: protocol.DocumentURI(loc.URI), Range: rng}, true
}

// locationsOf converts Locations, dropping those outside their file. The
// result is never nil, so it encodes as [].
func (s *server) locationsOf(snap *workspace.Snapshot, locs []position.Location) []protocol.Location {
	out := make([]protocol.Location, 0, len(locs))
	for _, loc := range locs {
		if pl, ok := s.locationOf(snap, loc); ok {
			out = append(out, pl)
		}
	}
	return out
}

// textEditsOf converts edits of the file that m maps, dropping those
// outside it. The result is never nil.
func (s *server) textEditsOf(m *position.Mapper, edits []position.TextEdit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, edit := range edits {
		if rng, ok := s.rangeOf(m, edit.Span); ok {
			out = append(out, protocol.TextEdit{Range: rng, NewText: edit.NewText})
		}
	}
	return out
}

// workspaceEditOf converts edits in several files to a WorkspaceEdit. It
// returns nil when a file's edits cannot be converted, because a partial
// rename would leave the workspace inconsistent.
func (s *server) workspaceEditOf(snap *workspace.Snapshot, edits map[position.URI][]position.TextEdit) *protocol.WorkspaceEdit {
	changes := make(map[protocol.DocumentURI][]protocol.TextEdit, len(edits))
	for u, fileEdits := range edits {
		m := s.mapperOf(snap, u)
		if m == nil {
			return nil
		}
		converted := s.textEditsOf(m, fileEdits)
		if len(converted) != len(fileEdits) {
			return nil
		}
		changes[protocol.DocumentURI(u)] = converted
	}
	return &protocol.WorkspaceEdit{Changes: changes}
}
