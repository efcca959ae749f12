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
var skippedDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true, "vendor": true}

// shebangPeek is how many bytes discovery reads from a file whose name
// shows no kind, to look for a "#!" line.
const shebangPeek = 256

// discoveryLimits bounds the work of discovery on a large workspace, such
// as a home folder opened by mistake or a monorepo. Past eagerFiles,
// discovery still records every name, but reads only the files whose name
// shows their kind, at most readFiles of them. The index reads the other
// files lazily: when a file it has read links them, or when the client
// opens them.
type discoveryLimits struct {
	eagerFiles  int // regular files up to which every file is looked into for a "#!" line
	readFiles   int // files read up front on a workspace over eagerFiles
	walkedFiles int // names recorded; the walk stops past it
}

// limits are the discoveryLimits of every Session. Tests lower them.
var limits = discoveryLimits{eagerFiles: 20_000, readFiles: 5_000, walkedFiles: 500_000}

// LazyIndex describes what discovery left for the index to read lazily on
// a workspace over its limits.
type LazyIndex struct {
	Files      int  // regular files found in the folders
	Limit      int  // the most files that discovery looks into one by one
	Read       int  // files read up front, whose name shows their kind
	Unread     int  // files whose name shows their kind, past the read limit
	Incomplete bool // the walk stopped before the end of the folders
}

// discovery is the result of a walk of the workspace folders.
type discovery struct {
	files     []*File  // files read up front
	paths     []string // OS path of every regular file, sorted
	truncated bool     // the walk stopped at limits.walkedFiles
	lazy      *LazyIndex
}

// discover walks the folders. It returns the path of every regular file,
// and a File for every file whose name or shebang shows its kind. The
// index reads the files that others link to from that list later, such as
// a compose file named by "-f" or a config file that a Dockerfile copies.
// On a workspace over limits it reads fewer files and describes what it
// left out in discovery.lazy.
//
// Folders named in skippedDirs, unreadable folders and symbolic links to
// folders are not entered, so link loops cannot trap the walk. A symbolic
// link to a file counts as that file.
func discover(ctx context.Context, folders []string) (*discovery, error) {
	found := &discovery{}
	for _, folder := range folders {
		if err := found.walk(ctx, folder); err != nil {
			return nil, err
		}
	}
	sort.Strings(found.paths)
	if err := found.read(ctx); err != nil {
		return nil, err
	}
	return found, nil
}

// walk records the regular files under folder.
func (found *discovery) walk(ctx context.Context, folder string) error {
	return filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
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
		if len(found.paths) >= limits.walkedFiles {
			found.truncated = true
			return filepath.SkipAll
		}
		if isRegular(path, d) {
			found.paths = append(found.paths, path)
		}
		return nil
	})
}

// isRegular reports whether a directory entry of the walk is a regular
// file or a symbolic link to one.
func isRegular(path string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink != 0 {
		info, err := os.Stat(path) // follows the link; fails on a loop
		return err == nil && info.Mode().IsRegular()
	}
	return d.Type().IsRegular()
}

// read reads the files whose kind shows up front. On a workspace within
// limits that is every file whose name or "#!" line shows its kind; past
// them, only files whose name shows it, the roots of the stack first.
func (found *discovery) read(ctx context.Context) error {
	eager := len(found.paths) <= limits.eagerFiles && !found.truncated
	var candidates []string
	for _, path := range found.paths {
		if kindFromName(filepath.Base(path)) != KindUnknown || eager && hasShellShebang(path) {
			candidates = append(candidates, path)
		}
	}
	if !eager {
		sort.SliceStable(candidates, func(i, j int) bool {
			return readRank(candidates[i]) < readRank(candidates[j])
		})
		read := min(len(candidates), limits.readFiles)
		found.lazy = &LazyIndex{Files: len(found.paths), Limit: limits.eagerFiles, Read: read, Unread: len(candidates) - read, Incomplete: found.truncated}
		candidates = candidates[:read]
	}
	for i, path := range candidates {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if f := readFile(path); f != nil && f.Kind != KindUnknown {
			found.files = append(found.files, f)
		}
	}
	return nil
}

// readRank orders the files that a large workspace reads up front: the
// Makefiles, compose and .env files that start the links of a stack
// first, then Dockerfiles, then the rest.
func readRank(path string) int {
	switch kindFromName(filepath.Base(path)) {
	case KindMakefile, KindCompose, KindDotEnv:
		return 0
	case KindDockerfile:
		return 1
	}
	return 2
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
