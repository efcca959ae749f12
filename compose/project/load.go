package project

import (
	"os"
	"sync"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/dotenv"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// Load returns the compose model of the file at uri: from the Snapshot
// when it holds the file, else parsed from disk. It returns nil when the
// file does not exist.
func Load(snap *workspace.Snapshot, uri position.URI) *compose.File {
	if f := snap.File(uri); f != nil {
		if model := f.Compose(); model != nil {
			return model
		}
		return cachedParse(uri, f.Content, compose.Parse)
	}
	// NOTE: files named by include, extends or -f need not look like
	// compose files, so discovery may have skipped them; they are read
	// from disk here, outside the Snapshot.
	content, ok := readDisk(uri)
	if !ok {
		return nil
	}
	return cachedParse(uri, content, compose.Parse)
}

// LoadDotEnv returns the .env model of the file at uri, from the Snapshot
// or from disk, or nil when it does not exist.
func LoadDotEnv(snap *workspace.Snapshot, uri position.URI) *dotenv.File {
	if f := snap.File(uri); f != nil {
		if model := f.DotEnv(); model != nil {
			return model
		}
		return cachedParse(uri, f.Content, dotenv.Parse)
	}
	content, ok := readDisk(uri)
	if !ok {
		return nil
	}
	return cachedParse(uri, content, dotenv.Parse)
}

// Exists reports whether the Snapshot or the disk has a file or folder at
// the OS path.
func Exists(snap *workspace.Snapshot, path string) bool {
	if snap.File(position.URIFromPath(path)) != nil {
		return true
	}
	_, err := os.Stat(path)
	return err == nil
}

// diskCache keeps the models of files read from disk, keyed by URI, so
// that each request does not parse them again. An entry is reused while
// the content is the same.
var diskCache sync.Map // position.URI -> *cacheEntry

type cacheEntry struct {
	content []byte
	model   any
}

func cachedParse[T any](uri position.URI, content []byte, parse func([]byte) T) T {
	if v, ok := diskCache.Load(uri); ok {
		entry := v.(*cacheEntry)
		if model, ok := entry.model.(T); ok && string(entry.content) == string(content) {
			return model
		}
	}
	model := parse(content)
	diskCache.Store(uri, &cacheEntry{content: content, model: model})
	return model
}

func readDisk(uri position.URI) ([]byte, bool) {
	path := uri.Path()
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() > workspace.MaxFileSize {
		return nil, false
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	return content, true
}
