package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	path := os.Args[1]
	opts, err := cli.NewProjectOptions([]string{path},
		cli.WithWorkingDirectory(filepath.Dir(path)), cli.WithName("conformance"), cli.WithEnvFiles(), cli.WithDotEnv)
	if err == nil {
		_, err = opts.LoadProject(context.Background())
	}
	fmt.Println("compose-go:", err)
}
