package workspace

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
)

// skippedDirs are folder names that discovery never enters.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// shebangPeek is how many bytes discovery reads from a file whose name
// shows no kind, to look for a "#!" line.
const shebangPeek = 256

// discovery is the result of a walk of the workspace folders.
type discovery struct {
	files []*File  // files whose name or shebang shows their kind
	paths []string // OS path of every regular file, sorted
}

// discover walks the folders. It returns a File for every file whose name
// or shebang shows its kind, and the path of every regular file. The index
// reads the files that others link to from that list later, such as a
// compose file named by "-f" or a config file that a Dockerfile copies.
//
// Folders named in skippedDirs, unreadable folders and symbolic links to
// folders are not entered, so link loops cannot trap the walk. A symbolic
// link to a file counts as that file.
func discover(ctx context.Context, folders []string) (*discovery, error) {
	found := &discovery{}
	for _, folder := range folders {
		err := filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if err != nil {
				slog.Warn("skipping unreadable workspace path", "path", path, "error", err)
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != folder && skippedDirs[d.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			found.add(path, d)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(found.paths)
	return found, nil
}

// add records one directory entry of the walk.
func (found *discovery) add(path string, d fs.DirEntry) {
	if d.Type()&fs.ModeSymlink != 0 {
		info, err := os.Stat(path) // follows the link; fails on a loop
		if err != nil || !info.Mode().IsRegular() {
			return
		}
	} else if !d.Type().IsRegular() {
		return
	}
	found.paths = append(found.paths, path)

	if kindFromName(filepath.Base(path)) == KindUnknown && !hasShellShebang(path) {
		return
	}
	if f := readFile(path); f != nil && f.Kind != KindUnknown {
		found.files = append(found.files, f)
	}
}

// hasShellShebang reports whether the file at path starts with a "#!" line
// that runs a shell, reading only its first bytes.
func hasShellShebang(path string) bool {
	head := peek(path)
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	return isShellShebang(head)
}

// peek returns the first bytes of the file at path, or nil when it cannot
// be read.
func peek(path string) []byte {
	file, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer file.Close()
	head := make([]byte, shebangPeek)
	n, err := io.ReadFull(file, head)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil
	}
	return head[:n]
}
