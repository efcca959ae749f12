package workspace

import (
	"bytes"
	"sync"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/dotenv"
	"github.com/stackls/stackls/makefile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
)

// MaxFileSize is the largest file, in bytes, whose content stackls parses.
const MaxFileSize = 2 << 20

// File is one immutable version of a file's content: an open document or
// the copy on disk. Its models are parsed on first use and shared by every
// Snapshot that holds the File, and by the other Files of the same URI,
// content and kind, such as an open document that the editor has not
// changed since it read it from disk.
type File struct {
	URI     position.URI
	Version int32 // the client's version for an open document; 0 for disk
	Open    bool  // whether the client has it open
	Content []byte
	Kind    Kind
	// Skipped is why the content is not parsed ("" when it is): too large,
	// or binary. Features treat a skipped file as empty.
	Skipped string

	languageID string // the client's languageId of an open document; "" for disk
	linked     bool   // Kind comes from the index, not from the name or content

	*derived
}

// derived is the state that a File computes from its URI, content and
// kind on first use.
type derived struct {
	hostsOnce sync.Once
	hosts     []*HostToken // host names in host positions, in source order

	imagesMu sync.Mutex
	images   map[string]cachedImage // for a Dockerfile: the files it copies, by build context

	mapperOnce sync.Once
	mapper     *position.Mapper

	dirOnce sync.Once
	dir     string // URI.Dir, for Dir

	modelOnce sync.Once
	model     any // one of the model pointers, by Kind

	memoMu sync.Mutex
	memo   map[any]any // guarded by memoMu; see Memo
}

// NewFile returns a File for content. Content over MaxFileSize or with a
// NUL byte is kept but marked Skipped.
func NewFile(uri position.URI, version int32, open bool, kind Kind, content []byte) *File {
	f := &File{URI: uri, Version: version, Open: open, Content: content, Kind: kind, derived: &derived{}}
	switch {
	case len(content) > MaxFileSize:
		f.Skipped = "larger than 2 MiB"
	case bytes.IndexByte(content, 0) >= 0:
		f.Skipped = "binary content (NUL byte)"
	}
	return f
}

// Mapper returns the position Mapper of the File's content.
func (f *File) Mapper() *position.Mapper {
	f.mapperOnce.Do(func() { f.mapper = position.NewMapper(f.Content) })
	return f.mapper
}

// parsed returns the File's model, parsing it on first use.
func (f *File) parsed() any {
	f.modelOnce.Do(func() {
		content := f.Content
		if f.Skipped != "" {
			content = nil
		}
		switch f.Kind {
		case KindDockerfile:
			f.model = dockerfile.Parse(content)
		case KindCompose:
			f.model = compose.Parse(content)
		case KindShell:
			f.model = shell.Parse(content, shell.DetectDialect(content))
		case KindMakefile:
			f.model = makefile.Parse(content)
		case KindDotEnv:
			f.model = dotenv.Parse(content)
		}
	})
	return f.model
}

// Memo returns the value that SetMemo stored for key, and whether there is
// one. A File never changes, so a value computed from the File alone, such
// as its outline, stays valid for as long as the File lives.
func (f *File) Memo(key any) (any, bool) {
	f.memoMu.Lock()
	defer f.memoMu.Unlock()
	v, ok := f.memo[key]
	return v, ok
}

// SetMemo stores value for key, which must be comparable, such as a value
// of an unexported type of the caller's package. The value must depend on
// nothing but the File.
func (f *File) SetMemo(key, value any) {
	f.memoMu.Lock()
	defer f.memoMu.Unlock()
	if f.memo == nil {
		f.memo = map[any]any{}
	}
	f.memo[key] = value
}

// Dockerfile returns the Dockerfile model, or nil when the File is of
// another kind.
func (f *File) Dockerfile() *dockerfile.File {
	model, _ := f.parsed().(*dockerfile.File)
	return model
}

// Compose returns the compose model, or nil when the File is of another kind.
func (f *File) Compose() *compose.File {
	model, _ := f.parsed().(*compose.File)
	return model
}

// Shell returns the shell model, or nil when the File is of another kind.
// The dialect comes from the shebang, POSIX sh when there is none.
func (f *File) Shell() *shell.File {
	model, _ := f.parsed().(*shell.File)
	return model
}

// Makefile returns the Makefile model, or nil when the File is of another
// kind.
func (f *File) Makefile() *makefile.File {
	model, _ := f.parsed().(*makefile.File)
	return model
}

// DotEnv returns the .env model, or nil when the File is of another kind.
func (f *File) DotEnv() *dotenv.File {
	model, _ := f.parsed().(*dotenv.File)
	return model
}

// shareDisk makes the open document f use the derived state of its disk
// copy, when both have the same content and f's own name, languageId and
// content show disk's kind or none. In the second case f also takes the
// kind that the index linked disk as. Otherwise f stays as it is.
func (f *File) shareDisk(disk *File) {
	if disk == nil || disk.URI != f.URI || disk.Skipped != f.Skipped || !bytes.Equal(disk.Content, f.Content) {
		return
	}
	switch {
	case f.Kind == disk.Kind:
	case f.Kind == KindUnknown && disk.linked:
		f.Kind, f.linked = disk.Kind, true
	default:
		return
	}
	f.derived = disk.derived
}

// withKind returns a File with the same content and version as f but of
// another kind; linked records that the index chose the kind.
func (f *File) withKind(kind Kind, linked bool) *File {
	nf := NewFile(f.URI, f.Version, f.Open, kind, f.Content)
	nf.Skipped = f.Skipped
	nf.languageID, nf.linked = f.languageID, linked
	return nf
}

// naturalKind returns the kind the File's name, languageId and content
// show, without the index's links.
func (f *File) naturalKind() Kind { return DetectKind(f.Path(), f.languageID, f.Content) }

// Linked reports whether the File's Kind comes from the index: a compose
// file that a Makefile names with "-f", or a file a Dockerfile copies,
// whose name shows no kind.
func (f *File) Linked() bool { return f.linked }

// Dir returns the OS path of the File's folder, as URI.Dir does.
func (f *File) Dir() string {
	f.dirOnce.Do(func() { f.dir = f.URI.Dir() })
	return f.dir
}

// Path returns the File's OS path.
func (f *File) Path() string { return f.URI.Path() }
