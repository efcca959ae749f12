// Package testws builds small workspaces for tests from an inline archive.
//
// An archive is text in the txtar shape: a line "-- path --" starts a file
// and the lines after it, up to the next such line, are its content. Inside
// the content, a marker «name» records a byte offset and is removed, so a
// test names the positions it checks in the text itself:
//
//	-- srcs/docker-compose.yml --
//	services:
//	  «db»mariadb:
//	    image: mariadb:11
//
// Files are written to a temporary folder, which is indexed by a real
// workspace.Session. Escapes let a test write bytes that text cannot show:
// "\r" in a line becomes a carriage return when the archive says so through
// WithCRLF, and "\ufeff" may be written literally.
package testws

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

const (
	markerOpen  = "«"
	markerClose = "»"
)

// WS is a test workspace on disk with its Session.
type WS struct {
	t       testing.TB
	Root    string
	Session *workspace.Session
	files   map[string][]byte      // path relative to Root → content without markers
	markers map[string]markerPlace // marker name → place
}

type markerPlace struct {
	path   string
	offset int
}

// Parse splits an archive into files and markers without touching disk.
// Paths use forward slashes. A marker name used twice is an error.
func Parse(archive string) (files map[string][]byte, markers map[string]markerPlace, err error) {
	files = map[string][]byte{}
	markers = map[string]markerPlace{}
	var path string
	var body strings.Builder
	flush := func() error {
		if path == "" {
			return nil
		}
		content, found, err := stripMarkers(body.String())
		if err != nil {
			return err
		}
		for name, offset := range found {
			if _, dup := markers[name]; dup {
				return &MarkerError{Name: name, Problem: "used twice"}
			}
			markers[name] = markerPlace{path: path, offset: offset}
		}
		files[path] = []byte(content)
		return nil
	}
	for _, line := range strings.SplitAfter(archive, "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			if err := flush(); err != nil {
				return nil, nil, err
			}
			path = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			body.Reset()
			continue
		}
		if path != "" {
			body.WriteString(line)
		}
	}
	if err := flush(); err != nil {
		return nil, nil, err
	}
	return files, markers, nil
}

// MarkerError reports a malformed marker.
type MarkerError struct {
	Name    string
	Problem string
}

func (e *MarkerError) Error() string { return "marker «" + e.Name + "» " + e.Problem }

// stripMarkers removes «name» markers from text and returns their offsets
// in the result.
func stripMarkers(text string) (string, map[string]int, error) {
	found := map[string]int{}
	var out strings.Builder
	for {
		i := strings.Index(text, markerOpen)
		if i < 0 {
			out.WriteString(text)
			return out.String(), found, nil
		}
		out.WriteString(text[:i])
		rest := text[i+len(markerOpen):]
		j := strings.Index(rest, markerClose)
		if j < 0 {
			return "", nil, &MarkerError{Name: rest, Problem: "is not closed"}
		}
		name := rest[:j]
		if _, dup := found[name]; dup {
			return "", nil, &MarkerError{Name: name, Problem: "used twice"}
		}
		found[name] = out.Len()
		text = rest[j+len(markerClose):]
	}
}

// Option changes how New writes the files.
type Option func(files map[string][]byte)

// WithCRLF turns every "\n" of the named files into "\r\n" before writing
// them. Marker offsets are moved to match.
func WithCRLF(paths ...string) Option {
	return func(files map[string][]byte) {
		for _, path := range paths {
			files[path] = []byte(strings.ReplaceAll(string(files[path]), "\n", "\r\n"))
		}
	}
}

// New writes the archive's files into a temporary folder and indexes it
// with a new Session. It fails the test on a malformed archive.
func New(t testing.TB, archive string, opts ...Option) *WS {
	t.Helper()
	files, markers, err := Parse(archive)
	if err != nil {
		t.Fatalf("parsing test archive: %v", err)
	}
	before := snapshotText(files)
	for _, opt := range opts {
		opt(files)
	}
	markers = remapMarkers(before, files, markers)
	root := t.TempDir()
	for path, content := range files {
		full := filepath.Join(root, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatalf("creating folder for %s: %v", path, err)
		}
		mode := os.FileMode(0o644)
		if strings.HasPrefix(string(content), "#!") {
			mode = 0o755
		}
		if err := os.WriteFile(full, content, mode); err != nil {
			t.Fatalf("writing %s: %v", path, err)
		}
	}
	session := workspace.NewSession()
	if _, err := session.AddFolders(context.Background(), []string{root}); err != nil {
		t.Fatalf("indexing test workspace: %v", err)
	}
	return &WS{t: t, Root: root, Session: session, files: files, markers: markers}
}

// snapshotText copies the file contents so remapMarkers can compare.
func snapshotText(files map[string][]byte) map[string]string {
	copied := make(map[string]string, len(files))
	for path, content := range files {
		copied[path] = string(content)
	}
	return copied
}

// remapMarkers moves marker offsets of files that an Option rewrote from
// "\n" to "\r\n": each "\n" before the offset adds one byte.
func remapMarkers(before map[string]string, after map[string][]byte, markers map[string]markerPlace) map[string]markerPlace {
	for name, place := range markers {
		old := before[place.path]
		if old == string(after[place.path]) {
			continue
		}
		place.offset += strings.Count(old[:place.offset], "\n")
		markers[name] = place
	}
	return markers
}

// Snapshot returns the Session's current Snapshot.
func (ws *WS) Snapshot() *workspace.Snapshot { return ws.Session.Snapshot() }

// Path returns the OS path of a file given relative to the root.
func (ws *WS) Path(rel string) string { return filepath.Join(ws.Root, filepath.FromSlash(rel)) }

// URI returns the URI of a file given relative to the root.
func (ws *WS) URI(rel string) position.URI { return position.URIFromPath(ws.Path(rel)) }

// Content returns the content written for a file, without markers.
func (ws *WS) Content(rel string) []byte {
	content, ok := ws.files[rel]
	if !ok {
		ws.t.Fatalf("no file %s in the test workspace", rel)
	}
	return content
}

// Marker returns the file URI and byte offset of a marker.
func (ws *WS) Marker(name string) (position.URI, int) {
	ws.t.Helper()
	place, ok := ws.markers[name]
	if !ok {
		ws.t.Fatalf("no marker «%s» in the test workspace; have %v", name, ws.markerNames())
	}
	return ws.URI(place.path), place.offset
}

// MarkerFile returns the relative path of the file that holds a marker.
func (ws *WS) MarkerFile(name string) string {
	ws.t.Helper()
	place, ok := ws.markers[name]
	if !ok {
		ws.t.Fatalf("no marker «%s» in the test workspace", name)
	}
	return place.path
}

func (ws *WS) markerNames() []string {
	names := make([]string, 0, len(ws.markers))
	for name := range ws.markers {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Find returns the Span of the nth (1-based) occurrence of text in a file.
func (ws *WS) Find(rel, text string, nth int) position.Span {
	ws.t.Helper()
	content := string(ws.Content(rel))
	from := 0
	for n := 1; ; n++ {
		i := strings.Index(content[from:], text)
		if i < 0 {
			ws.t.Fatalf("occurrence %d of %q not found in %s", nth, text, rel)
		}
		if n == nth {
			return position.Span{Start: from + i, End: from + i + len(text)}
		}
		from += i + len(text)
	}
}

// Location returns the Location of the nth occurrence of text in a file.
func (ws *WS) Location(rel, text string, nth int) position.Location {
	ws.t.Helper()
	return position.Location{URI: ws.URI(rel), Span: ws.Find(rel, text, nth)}
}

// Open opens a file of the workspace in the Session as the client would,
// with its content from disk and version 1.
func (ws *WS) Open(rel, languageID string) *workspace.Snapshot {
	return ws.Session.Open(ws.URI(rel), languageID, 1, ws.Content(rel))
}
