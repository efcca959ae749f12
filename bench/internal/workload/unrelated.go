package workload

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var words = []string{"request", "handler", "config", "value", "cache", "order", "user", "token",
	"buffer", "record", "stream", "index", "parser", "result", "client", "server", "table", "query"}

// unrelatedFile returns file number i of the files that stackls does not
// model: source code, documentation and data, 25 to a folder.
func unrelatedFile(rng *rand.Rand, i int) File {
	dir := fmt.Sprintf("src/module-%03d", i/25)
	body := func(prefix string) string {
		var b strings.Builder
		for line := range 20 + rng.IntN(40) {
			fmt.Fprintf(&b, "%s%s %s %s %d\n", prefix, pick(rng, words), pick(rng, words), pick(rng, words), line)
		}
		return b.String()
	}
	switch i % 6 {
	case 0:
		return File{fmt.Sprintf("%s/file_%04d.go", dir, i), "package module\n\n" + body("// ")}
	case 1:
		return File{fmt.Sprintf("%s/file_%04d.py", dir, i), "#!/usr/bin/env python3\n" + body("# ")}
	case 2:
		return File{fmt.Sprintf("%s/file_%04d.md", dir, i), "# Notes\n\n" + body("- ")}
	case 3:
		return File{fmt.Sprintf("%s/file_%04d.json", dir, i), fmt.Sprintf("{\"id\": %d, \"name\": %q}\n", i, pick(rng, words))}
	case 4:
		return File{fmt.Sprintf("%s/file_%04d.js", dir, i), body("// ")}
	}
	return File{fmt.Sprintf("%s/file_%04d.txt", dir, i), body("")}
}
