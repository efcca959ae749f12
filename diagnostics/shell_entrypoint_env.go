package diagnostics

import (
	"fmt"
	"path"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// variables reports each use of a variable that neither the script nor
// the environment of every container that holds it sets. A use with a
// default ("${A:-x}", "${A:?message}") and the variables that Docker and
// the shell set are left out, and so is every use when the script reads
// another file with "." that stackls cannot find.
func (c *scriptChecker) variables() {
	if len(c.containers) == 0 {
		return
	}
	defined, complete := scriptDefinitions(c.snap, c.model, c.containers)
	if !complete {
		return
	}
	for _, use := range c.model.VarUses {
		if use.HasDefault || defined[use.Name] || workspace.RuntimeVars[use.Name] != "" {
			continue
		}
		if d := undefinedVarDiagnostic(c.file.URI, use.Name, use.Span, c.containers, "this script"); d != nil {
			c.add(d)
		}
	}
}

// undefinedVarDiagnostic returns the diagnostic of a variable at span that
// some of containers do not set, or nil when all set it. setter names what
// else was searched, such as "this script", or is "".
func undefinedVarDiagnostic(uri position.URI, name string, span position.Span, containers []*workspace.Container, setter string) *Diagnostic {
	var missing, set []*workspace.Container
	for _, ct := range containers {
		if ct.Lookup(name) == nil {
			missing = append(missing, ct)
		} else {
			set = append(set, ct)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	for _, ct := range missing {
		if arg := ct.BuildArg(name); arg != nil {
			return buildArgDiagnostic(name, span, ct, arg)
		}
	}

	var message string
	switch {
	case len(set) == 0 && setter != "":
		message = fmt.Sprintf("%s is not set by %s nor in the environment of %s: no compose `environment`, `env_file` or Dockerfile `ENV` sets it", quote(name), setter, containerNames(missing))
	case len(set) == 0:
		message = fmt.Sprintf("%s is not set in the environment of %s: no compose `environment`, `env_file` or Dockerfile `ENV` sets it", quote(name), containerNames(missing))
	default:
		message = fmt.Sprintf("%s is set for %s but not for %s, which contains this file too", quote(name), containerNames(set), containerNames(missing))
	}
	d := ruleAt(ruleUndefinedVariable, span, message)
	if !envComplete(missing) {
		d.Severity = Information
		d.Message += fmt.Sprintf(", unless the base image %s sets it", quote(missing[0].BaseImage))
	}
	if suggestion := similarVar(name, containers); suggestion != "" {
		d.Message += fmt.Sprintf("; did you mean %s?", quote(suggestion))
		d.Fixes = []*Fix{{Title: "Change to " + quote(suggestion), Preferred: true, Edits: map[position.URI][]position.TextEdit{uri: {{Span: span, NewText: suggestion}}}}}
	}
	return d
}

// envComplete reports whether every container's environment is fully
// known, so that a variable none of them lists is really unset.
func envComplete(list []*workspace.Container) bool {
	for _, ct := range list {
		if !ct.EnvComplete() {
			return false
		}
	}
	return true
}

// buildArgDiagnostic reports a variable that only a build argument sets,
// with a fix that adds an ENV after the ARG.
func buildArgDiagnostic(name string, span position.Span, ct *workspace.Container, arg *workspace.EnvVar) *Diagnostic {
	d := ruleAt(ruleBuildArgAtRuntime, span, fmt.Sprintf("%s is a build argument of %s: it is set while the image builds but not when the container runs; add `ENV %s=$%s` after the ARG",
		quote(name), containerNames([]*workspace.Container{ct}), name, name))
	d.Related = []Related{{Location: arg.Location, Message: "the build argument"}}
	if arg.Location.URI == ct.Dockerfile {
		if _, df := ct.Instructions(); df != nil {
			if in := df.InstructionAt(arg.Location.Span.Start); in != nil && in.Keyword == "ARG" {
				at := in.Span.End
				d.Fixes = []*Fix{{Title: fmt.Sprintf("Add `ENV %s=$%s` after the ARG", name, name), Edits: map[position.URI][]position.TextEdit{
					ct.Dockerfile: {{Span: position.Span{Start: at, End: at}, NewText: fmt.Sprintf("\nENV %s=$%s", name, name)}},
				}}}
			}
		}
	}
	return d
}

// similarVar returns a variable of the containers whose name is one edit
// from name, or two edits for names of eight bytes or more. It returns ""
// when there is none.
func similarVar(name string, containers []*workspace.Container) string {
	limit := 1
	if len(name) >= 8 {
		limit = 2
	}
	for _, ct := range containers {
		for _, v := range ct.Env() {
			if v.Name != name && editDistance(name, v.Name) <= limit {
				return v.Name
			}
		}
	}
	return ""
}

// scriptDefinitions returns the variables that the script sets, or a file
// it reads with "." or "source" sets, and false when it reads a file that
// no container holds.
func scriptDefinitions(snap *workspace.Snapshot, model *shell.File, containers []*workspace.Container) (map[string]bool, bool) {
	defined := map[string]bool{}
	for _, d := range model.VarDefs {
		defined[d.Name] = true
	}
	for _, cmd := range model.Commands {
		if cmd.Name == nil || cmd.Name.Dynamic || (cmd.Name.Literal != "." && cmd.Name.Literal != "source") {
			continue
		}
		if len(cmd.Args) == 0 || cmd.Args[0].Dynamic {
			return nil, false
		}
		sourced := sourcedFile(snap, cmd.Args[0].Literal, containers)
		if sourced == nil {
			return nil, false
		}
		for _, d := range sourced.VarDefs {
			defined[d.Name] = true
		}
	}
	return defined, true
}

// sourcedFile returns the script model of the file that "." reads in one
// of the containers, or nil.
func sourcedFile(snap *workspace.Snapshot, name string, containers []*workspace.Container) *shell.File {
	for _, ct := range containers {
		candidates := []string{name}
		switch {
		case !strings.HasPrefix(name, "/") && strings.Contains(name, "/"):
			candidates = []string{path.Join(ct.Workdir(), name)}
		case !strings.HasPrefix(name, "/"):
			candidates = []string{path.Join(ct.Workdir(), name), "/usr/local/bin/" + name, "/usr/bin/" + name, "/bin/" + name}
		}
		for _, p := range candidates {
			cf := ct.FileAt(path.Clean(p))
			if cf == nil {
				continue
			}
			if f := snap.File(cf.URI); f != nil && f.Shell() != nil {
				return f.Shell()
			}
		}
	}
	return nil
}

// secrets reports each "/run/secrets/NAME" that a service holding the
// script does not get.
func (c *scriptChecker) secrets() {
	for _, ref := range workspace.SecretRefs(c.file.Content) {
		if d := unknownSecretDiagnostic(c.file.URI, ref, c.containers); d != nil {
			c.add(d)
		}
	}
}

// unknownSecretDiagnostic returns the diagnostic of a secret path that a
// service among containers does not mount, or nil.
func unknownSecretDiagnostic(uri position.URI, ref workspace.SecretRef, containers []*workspace.Container) *Diagnostic {
	var missing []*workspace.Container
	for _, ct := range containers {
		if ct.Service != "" && ct.Secret(ref.Path) == nil {
			missing = append(missing, ct)
		}
	}
	if len(missing) == 0 {
		return nil
	}

	var names []string
	seen := map[string]bool{}
	for _, ct := range missing {
		for _, s := range ct.Secrets {
			if name, ok := strings.CutPrefix(s.Path, workspace.SecretsDir); ok && !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}

	subject, verb := "it", "gets"
	if len(missing) > 1 {
		subject, verb = "they", "get"
	}
	message := fmt.Sprintf("%s %s no secret at %s", containerNames(missing), verb, quote(ref.Path))
	if len(names) == 0 {
		message += "; add it to the service's `secrets`"
	} else {
		message += fmt.Sprintf("; %s %s %s", subject, verb, strings.Join(quoteAll(names), ", "))
	}
	d := ruleAt(ruleUnknownSecret, ref.Span, message)
	for _, name := range names {
		if editDistance(name, ref.Name) <= 2 {
			d.Message += fmt.Sprintf("; did you mean %s?", quote(name))
			d.Fixes = []*Fix{{Title: "Change to " + quote(name), Preferred: true, Edits: map[position.URI][]position.TextEdit{uri: {{Span: ref.Span, NewText: name}}}}}
			break
		}
	}
	return d
}

// background reports, in a script that a container runs, each command
// started with "&" when the script never waits for a job, kills one or
// sets a trap, because the script then does not notice when such a server
// exits.
func (c *scriptChecker) background() {
	if containers, _ := c.runners(); len(containers) == 0 {
		return
	}
	var started []*shell.Command
	for _, cmd := range c.model.Commands {
		if cmd.Name != nil && !cmd.Name.Dynamic {
			switch cmd.Name.Literal {
			case "wait", "kill", "trap":
				return
			}
		}
		if cmd.Background {
			started = append(started, cmd)
		}
	}
	for _, cmd := range started {
		span := cmd.Span
		if cmd.Name != nil {
			span = cmd.Name.Span
		}
		c.add(ruleAt(ruleBackgroundNotWaited, span, fmt.Sprintf("%s runs in the background and the script never waits for it, so if it exits the container keeps running without it; `wait` for it, or run the main process in the foreground with `exec`",
			quote(string(c.file.Content[span.Start:span.End])))))
	}
}

// ports reports each host:port use of the script whose service declares
// ports, none of which is that one.
func (c *scriptChecker) ports() {
	c.diags = append(c.diags, hostPortDiagnostics(c.snap, c.file, c.model)...)
}
