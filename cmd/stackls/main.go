// Command stackls is a language server for the container stack of a
// project: Makefiles, compose files, Dockerfiles, .env files, entrypoint
// scripts and the config files copied into images.
//
// Usage:
//
//	stackls [serve] [--stdio] [--log-level LEVEL]   speak LSP on stdin and stdout
//	stackls check [--format text|json|sarif] [PATH...]
//	stackls version
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// version is the release version, set at build time with
// -ldflags "-X main.version=v1.2.3". When empty, the module version from
// the build info is used.
var version string

// Exit codes shared by the commands.
const (
	exitOK    = 0
	exitFound = 1 // check found errors; serve ended without shutdown
	exitUsage = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs the command that args name and returns the exit code.
func run(ctx context.Context, args []string, stdin io.ReadCloser, stdout io.WriteCloser, stderr io.Writer) int {
	command := "serve"
	if len(args) > 0 && !isFlag(args[0]) {
		command, args = args[0], args[1:]
	}
	switch command {
	case "serve":
		return serve(ctx, args, stdin, stdout, stderr)
	case "check":
		return check(ctx, args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "stackls", versionString())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "stackls: unknown command %q\n\n%s", command, usage)
	return exitUsage
}

func isFlag(arg string) bool { return len(arg) > 0 && arg[0] == '-' && arg != "-h" && arg != "--help" }

const usage = `Usage:
  stackls [serve] [--stdio] [--log-level debug|info|warn|error]
        Speak the Language Server Protocol on stdin and stdout (the default).
        --stdio is accepted for editors that pass it. The log goes to stderr.
  stackls check [--format text|json|sarif] [PATH...]
        Index each folder (default ".") as the server does and print every
        diagnostic. Exit status: 0 no errors, 1 errors found, 2 bad usage.
  stackls version
        Print the version.
`

// versionString returns version, else the main module's version from the
// build info, else "devel".
func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
