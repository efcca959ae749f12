package compose

import (
	"bytes"
	"slices"
	"sync"

	"github.com/stackls/stackls/internal/bytediff"
)

// Bounds of the results that Parse keeps. A 5,000-line file takes about
// 100 KB of content and a few MB of nodes.
const (
	maxRecentFiles = 8
	maxRecentBytes = 4 << 20 // total content length
)

// recentParses keeps the latest results of Parse, most recent first, so
// that Parse can return one again for equal content or reparse only the
// part an edit changed. It is safe for concurrent use: Files are never
// changed once built.
type recentParses struct {
	mu    sync.Mutex
	files []recentFile // guarded by mu
}

// recentFile is a cached result and a private copy of the content it was
// built from. A caller that changes the bytes it gave Parse afterwards
// changes File.Content too; the copy shows that, and such a result is
// never used again.
type recentFile struct {
	f       *File
	content []byte
}

// intact reports whether the File's content is still the content it was
// built from.
func (r recentFile) intact() bool { return bytes.Equal(r.f.Content, r.content) }

var recent recentParses

// find returns a File for content built from a kept result: that result
// itself when its content is equal, else a reparse of the kept result that
// differs least from content. It returns nil when there is none or the
// reparse does not apply, and keeps a File it builds.
func (r *recentParses) find(content []byte) *File {
	r.mu.Lock()
	files := slices.Clone(r.files)
	r.mu.Unlock()

	var base *File
	var best edit
	for _, cached := range files {
		if !cached.intact() {
			continue
		}
		if bytes.Equal(cached.content, content) {
			r.add(cached.f)
			return cached.f
		}
		e := diffContent(cached.content, content)
		if base == nil || e.size() < best.size() {
			base, best = cached.f, e
		}
	}
	if base == nil {
		return nil
	}
	f, ok := reparse(base, content, best)
	if !ok {
		return nil
	}
	r.add(f)
	return f
}

// add puts f first, drops it from further back, and drops the oldest
// results beyond the bounds.
func (r *recentParses) add(f *File) {
	r.mu.Lock()
	defer r.mu.Unlock()
	entry := recentFile{f: f}
	for _, other := range r.files {
		if other.f == f {
			entry = other // reuse the copy made when f was first added
		}
	}
	if entry.content == nil {
		entry.content = bytes.Clone(f.Content)
	}
	files := []recentFile{entry}
	total := len(f.Content)
	for _, other := range r.files {
		if other.f == f || len(files) == maxRecentFiles || total+len(other.content) > maxRecentBytes {
			continue
		}
		files = append(files, other)
		total += len(other.content)
	}
	r.files = files
}

// reset drops every kept result, for tests.
func (r *recentParses) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.files = nil
}

// edit is the changed part of a content: the bytes [start, oldEnd) of the
// old content became the bytes [start, newEnd) of the new one, and the
// bytes before and after are equal.
type edit struct {
	start, oldEnd, newEnd int
}

// delta returns how far the edit moves the bytes after it.
func (e edit) delta() int { return e.newEnd - e.oldEnd }

// size returns how many bytes the edit removes and inserts.
func (e edit) size() int { return e.oldEnd - e.start + e.newEnd - e.start }

// diffContent returns the smallest edit that turns old into new.
func diffContent(old, new []byte) edit {
	start := bytediff.CommonPrefix(old, new)
	suffix := bytediff.CommonSuffix(old[start:], new[start:])
	return edit{start: start, oldEnd: len(old) - suffix, newEnd: len(new) - suffix}
}
