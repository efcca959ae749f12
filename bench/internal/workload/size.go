// Package workload generates the benchmark inputs: a long Dockerfile, a
// long compose file and a workspace of many files that reference each
// other the way a monorepo of compose projects does. The output depends
// only on the seed and the size, so two runs with the same flags write
// byte-identical files.
package workload

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Size is how much to generate. The "large" size is the reference: a
// 5,000-line Dockerfile, a 5,000-line compose file with 300 services, and a
// 10,000-file workspace with 200 compose files, 2,000 services, 1,000
// Dockerfiles and 2,000 scripts. Smaller sizes scale every count by the
// same factor, so costs can be compared for linear growth.
type Size struct {
	Name            string
	Files           int // files in the workspace
	DockerfileLines int // lines of the long Dockerfile
	ComposeLines    int // lines of the long compose file
	ComposeServices int // services in the long compose file
}

// referenceFiles is the workspace file count of the "large" size.
const referenceFiles = 10000

// NamedSizes are the sizes that ParseSize accepts by name.
var NamedSizes = []string{"small", "medium", "large"}

// ParseSize returns the size called "small" (1,000 files), "medium"
// (5,000), "large" (10,000), or a file count such as "2000" or "2k".
func ParseSize(name string) (Size, error) {
	files := 0
	switch name {
	case "small":
		files = 1000
	case "medium":
		files = 5000
	case "large":
		files = referenceFiles
	default:
		digits, thousands := strings.CutSuffix(strings.ToLower(name), "k")
		n, err := strconv.Atoi(digits)
		if err != nil || n <= 0 {
			return Size{}, fmt.Errorf("invalid size %q: want small, medium, large or a file count such as 2000 or 2k", name)
		}
		files = n
		if thousands {
			files = n * 1000
		}
	}
	if files < 100 {
		return Size{}, fmt.Errorf("invalid size %q: the workspace needs at least 100 files", name)
	}
	return scaledSize(name, files), nil
}

// scaledSize scales the reference counts by files/10,000.
func scaledSize(name string, files int) Size {
	factor := float64(files) / referenceFiles
	return Size{
		Name:            name,
		Files:           files,
		DockerfileLines: scale(5000, factor),
		ComposeLines:    scale(5000, factor),
		ComposeServices: scale(300, factor),
	}
}

// scale multiplies a reference count by factor, rounding, and keeps at
// least 1.
func scale(reference int, factor float64) int {
	return max(1, int(math.Round(float64(reference)*factor)))
}

// plan is the number of files of each kind in a workspace of a Size.
type plan struct {
	composeFiles int
	services     int
	dockerfiles  int
	scripts      int
	other        int
}

func planFor(size Size) plan {
	factor := float64(size.Files) / referenceFiles
	p := plan{
		composeFiles: scale(200, factor),
		services:     scale(2000, factor),
		dockerfiles:  scale(1000, factor),
		scripts:      scale(2000, factor),
	}
	p.other = size.Files - p.composeFiles - p.dockerfiles - p.scripts
	return p
}
