// Command gen writes the generated benchmark inputs: a long Dockerfile and
// compose file under OUT/files and a many-file workspace under
// OUT/workspace. The output depends only on -seed and -size.
//
//	go run ./bench/gen -seed 1 -out /tmp/stackls-large -size large
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/stackls/stackls/bench/internal/workload"
)

func main() {
	seed := flag.Uint64("seed", 1, "seed of the random choices; the same seed and size give the same files")
	out := flag.String("out", "", "output folder; must be empty, new, or an earlier output of gen")
	sizeName := flag.String("size", "large", "small (1,000 files), medium (5,000), large (10,000) or a file count such as 2k")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/gen -out DIR [-seed N] [-size "+strings.Join(workload.NamedSizes, "|")+"|COUNT]")
		os.Exit(2)
	}

	size, err := workload.ParseSize(*sizeName)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	layout, err := workload.Write(*out, *seed, size)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d lines), %s (%d lines, %d services) and %d files in %s\n",
		layout.Dockerfile, size.DockerfileLines, layout.Compose, size.ComposeLines, size.ComposeServices,
		size.Files, layout.Workspace)
}
