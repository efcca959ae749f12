// Command cgload loads a compose project with compose-go as docker compose
// config would and prints the result or the error. QA scratch: delete.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	var files []string
	dir := ""
	for _, a := range os.Args[1:] {
		files = append(files, a)
		if dir == "" {
			dir = filepath.Dir(a)
		}
	}
	opts, err := cli.NewProjectOptions(files, cli.WithWorkingDirectory(dir), cli.WithOsEnv, cli.WithEnvFiles(), cli.WithDotEnv, cli.WithConfigFileEnv, cli.WithDefaultProfiles("*"))
	if err != nil {
		fmt.Println("options:", err)
		os.Exit(1)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		fmt.Println("ERROR:", err)
		os.Exit(1)
	}
	fmt.Println("OK services:", len(p.Services), p.ServiceNames())
}
