package dockerfile

import (
	"path"
	"strings"
)

// CopiedSource returns the build context source of the file that a COPY or
// ADD before in, in the same stage, put at target (a path in the image).
// It returns "" when none did.
func CopiedSource(df *File, in *Instruction, target string) string {
	if in.Stage < 0 {
		return ""
	}
	target = strings.TrimPrefix(target, "./")
	source := ""
	workdir := "/"
	for _, other := range df.Stages[in.Stage].Instructions {
		if other == in {
			break
		}
		switch other.Keyword {
		case "WORKDIR":
			if arg := other.ArgsText(); strings.HasPrefix(arg, "/") {
				workdir = arg
			} else if arg != "" {
				workdir = path.Join(workdir, arg)
			}
		case "COPY", "ADD":
			if other.Flag("from") != nil {
				continue
			}
			dest := Dest(other)
			sources := Sources(other)
			if dest == nil || len(sources) == 0 {
				continue
			}
			for _, src := range sources {
				if copiedTo(workdir, dest.Value, src.Value, len(sources)) == absolutePath(workdir, target) {
					source = src.Value
				}
			}
		}
	}
	return source
}

// copiedTo returns where COPY puts src for dest, in the working folder.
func copiedTo(workdir, dest, src string, count int) string {
	dest = absolutePath(workdir, dest)
	if strings.HasSuffix(dest, "/") || count > 1 || dest == "/" {
		return path.Join(dest, path.Base(src))
	}
	return path.Clean(dest)
}

func absolutePath(workdir, p string) string {
	if strings.HasPrefix(p, "/") {
		if strings.HasSuffix(p, "/") && p != "/" {
			return path.Clean(p) + "/"
		}
		return path.Clean(p)
	}
	joined := path.Join(workdir, p)
	if strings.HasSuffix(p, "/") {
		joined += "/"
	}
	return joined
}
