package workspace

import (
	"context"
	"io/fs"
	"path/filepath"
)

// skippedDirs are folder names that discovery never enters.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// discover walks the folders and returns a File for every regular file that
// stackls models. Symbolic links are not followed, so link loops cannot
// trap the walk.
func discover(ctx context.Context, folders []string) ([]*File, error) {
	var files []*File
	for _, folder := range folders {
		err := filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable folder is skipped, not fatal
			}
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if d.IsDir() {
				if path != folder && skippedDirs[d.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			// TODO: keep files that the index links (COPY sources, -f files)
			// even when their name says nothing.
			if f := readFile(path); f != nil && f.Kind != KindUnknown {
				files = append(files, f)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}
