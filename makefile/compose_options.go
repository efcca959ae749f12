package makefile

// serviceArgs is the set of positional arguments of a compose subcommand
// that name services.
type serviceArgs int

const (
	noServices    serviceArgs = iota // down, ps, config: no service arguments
	firstService                     // exec, run: SERVICE then a command
	everyArgument                    // up, build, logs, ...: SERVICE...
)

// subcommand describes one docker compose subcommand: which arguments are
// services and which of its options take a value, so that the value is not
// mistaken for a service.
type subcommand struct {
	services   serviceArgs
	withValues []string
}

// subcommands lists the docker compose v2 subcommands and their options
// that take a value, from "docker compose SUBCOMMAND --help" of Compose
// v2.30. Flags without a value need no entry.
var subcommands = map[string]subcommand{
	"up": {everyArgument, []string{"--scale", "-t", "--timeout", "--exit-code-from", "--attach",
		"--no-attach", "--pull", "--wait-timeout"}},
	"build": {everyArgument, []string{"--build-arg", "--builder", "--ssh", "-m", "--memory",
		"--progress", "--provenance", "--sbom"}},
	"exec": {firstService, []string{"-e", "--env", "-u", "--user", "-w", "--workdir", "--index"}},
	"run": {firstService, []string{"-e", "--env", "--env-from-file", "-l", "--label", "--name",
		"--entrypoint", "-p", "--publish", "-u", "--user", "-v", "--volume", "-w", "--workdir",
		"--cap-add", "--cap-drop", "--pull"}},
	"logs":    {everyArgument, []string{"--since", "--until", "-n", "--tail", "--index"}},
	"stop":    {everyArgument, []string{"-t", "--timeout"}},
	"restart": {everyArgument, []string{"-t", "--timeout"}},
	"kill":    {everyArgument, []string{"-s", "--signal"}},
	"start":   {everyArgument, nil},
	"rm":      {everyArgument, nil},
	"pull":    {everyArgument, []string{"--policy"}},
	"push":    {everyArgument, nil},
	"pause":   {everyArgument, nil},
	"unpause": {everyArgument, nil},
	"create":  {everyArgument, []string{"--pull", "--scale"}},
	"top":     {everyArgument, nil},
	"images":  {everyArgument, []string{"--format"}},
	"events":  {everyArgument, nil},
	"wait":    {everyArgument, nil},
	"watch":   {everyArgument, nil},
	"stats":   {everyArgument, []string{"--format"}},
	"port":    {firstService, []string{"--index", "--protocol"}},
	"attach":  {firstService, []string{"--detach-keys", "--index"}},
	"down":    {noServices, []string{"--rmi", "-t", "--timeout"}},
	"ps":      {noServices, []string{"--filter", "--format", "--status"}},
	"config":  {noServices, []string{"--format", "-o", "--output", "--hash"}},
	"cp":      {noServices, []string{"--index"}},
	"ls":      {noServices, []string{"--filter", "--format"}},
	"version": {noServices, []string{"-f", "--format"}},
}

// Subcommands returns the names of the docker compose subcommands in the
// table above, for completion.
func Subcommands() []string {
	names := make([]string, 0, len(subcommands))
	for name := range subcommands {
		names = append(names, name)
	}
	return names
}

// SubcommandTakesServices reports whether the subcommand name takes
// service arguments, and whether only its first positional argument is
// one (exec, run).
func SubcommandTakesServices(name string) (takes, firstOnly bool) {
	sub, ok := subcommands[name]
	return ok && sub.services != noServices, sub.services == firstService
}

// globalOption is the model field that a docker compose option before the
// subcommand sets.
type globalOption int

const (
	optOther globalOption = iota
	optFile
	optEnvFile
	optProject
	optProfile
	optProjectDir
)

// globalOptions are the docker compose options that take a value.
var globalOptions = map[string]globalOption{
	"-f": optFile, "--file": optFile,
	"--env-file": optEnvFile,
	"-p":         optProject, "--project-name": optProject,
	"--profile":           optProfile,
	"--project-directory": optProjectDir,
	"--ansi":              optOther, "--parallel": optOther, "--progress": optOther,
}

// dockerValueOptions are the options of the docker command itself, before
// "compose", that take a value.
var dockerValueOptions = map[string]bool{
	"-c": true, "--context": true, "-H": true, "--host": true, "-l": true,
	"--log-level": true, "--config": true, "--tlscacert": true, "--tlscert": true, "--tlskey": true,
}

// commandWrappers are commands that run the command after them.
var commandWrappers = map[string]bool{
	"sudo": true, "env": true, "exec": true, "command": true, "time": true, "nohup": true, "nice": true,
}
