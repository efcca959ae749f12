package diagnostics

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// variables reports each use of a variable that neither the script nor
// the environment of every container that holds it sets. A use with a
// default ("${A:-x}", "${A:?message}") and the variables that Docker, the
// shell or a common package set are left out. So is every use after the
// script reads another file with "." or "source" that stackls cannot find,
// since that file may set anything.
func (c *scriptChecker) variables() {
	if len(c.containers) == 0 {
		return
	}
	defined, unknownFrom := scriptDefinitions(c.snap, c.file, c.model, c.containers)
	for _, use := range c.model.VarUses {
		if use.HasDefault || defined[use.Name] || workspace.KnownVar(use.Name) != "" {
			continue
		}
		if unknownFrom >= 0 && (use.Span.Start >= unknownFrom || inFunction(c.model, use.Span.Start)) {
			continue // a function body may run after the unknown file is read
		}
		if d := undefinedVarDiagnostic(c.file.URI, use.Name, use.Span, c.containers, "this script"); d != nil {
			c.add(d)
		}
	}
}

// inFunction reports whether offset lies in the body of a function of the
// script.
func inFunction(model *shell.File, offset int) bool {
	for _, fn := range model.Functions {
		if fn.Span.Contains(offset) {
			return true
		}
	}
	return false
}

// undefinedVarDiagnostic returns the diagnostic of a variable at span that
// some of containers do not set, or nil when all set it. setter names what
// else was searched, such as "this script", or is "". Only containers that
// a compose service runs count: the environment of an image that no
// service runs comes from "docker run -e", which the workspace does not
// show.
func undefinedVarDiagnostic(uri position.URI, name string, span position.Span, containers []*workspace.Container, setter string) *Diagnostic {
	var missing, set []*workspace.Container
	for _, ct := range containers {
		switch {
		case ct.Service == "":
		case ct.Lookup(name) == nil:
			missing = append(missing, ct)
		default:
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

	d := ruleAt(ruleUndefinedVariable, span, undefinedVarMessage(name, setter, set, missing))
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

// undefinedVarMessage returns which containers lack name and what was
// searched. A declared env_file that is missing may set it, so the message
// names that file instead of saying that no env_file sets it.
func undefinedVarMessage(name, setter string, set, missing []*workspace.Container) string {
	if len(set) > 0 {
		setNames, missingNames := containerNames(set), containerNames(missing)
		if sharesService(set, missing) {
			setNames, missingNames = projectNames(set), projectNames(missing)
		}
		return fmt.Sprintf("%s is set for %s but not for %s, which contains this file too", quote(name), setNames, missingNames)
	}

	subject := fmt.Sprintf("%s is not set in the environment of %s", quote(name), containerNames(missing))
	if setter != "" {
		subject = fmt.Sprintf("%s is not set by %s nor in the environment of %s", quote(name), setter, containerNames(missing))
	}
	envFiles := missingEnvFiles(missing)
	switch len(envFiles) {
	case 0:
		return subject + ": no compose `environment`, `env_file` or Dockerfile `ENV` sets it"
	case 1:
		return subject + fmt.Sprintf(": no compose `environment` or Dockerfile `ENV` sets it, and the env_file %s that may set it is missing", quote(envFiles[0]))
	}
	return subject + fmt.Sprintf(": no compose `environment` or Dockerfile `ENV` sets it, and the env_files %s that may set it are missing", joinAnd(quoteAll(envFiles)))
}

// sharesService reports whether a service name occurs in both lists, as
// when two projects define a service of the same name.
func sharesService(a, b []*workspace.Container) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Service != "" && x.Service == y.Service {
				return true
			}
		}
	}
	return false
}

// projectNames names services with their projects: "service `db` of
// project `shop`".
func projectNames(list []*workspace.Container) string {
	var names []string
	seen := map[string]bool{}
	for _, ct := range list {
		name := containerNames([]*workspace.Container{ct})
		if ct.Project != nil {
			name += " of project " + quote(ct.Project.Name)
		}
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return joinAnd(names)
}

// missingEnvFiles returns the env_file paths that the containers declare
// but the workspace does not hold, relative to each project's folder, once
// each.
func missingEnvFiles(list []*workspace.Container) []string {
	var paths []string
	seen := map[string]bool{}
	for _, ct := range list {
		for _, uri := range ct.MissingEnvFiles() {
			p := uri.Path()
			if ct.Project != nil {
				if rel, err := filepath.Rel(ct.Project.Dir, p); err == nil {
					p = rel
				}
			}
			p = filepath.ToSlash(p)
			if !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	return paths
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

// maxSourceDepth bounds how deep scriptDefinitions follows files that
// sourced files source in turn.
const maxSourceDepth = 4

// scriptDefinitions returns the variables that the script sets, or that a
// file it reads with "." or "source" sets, and the offset of the first
// such command whose file stackls cannot read, from which on any variable
// may be set. The offset is 0 when that command is in a function, which
// may run at any point, and -1 when every sourced file is known.
func scriptDefinitions(snap *workspace.Snapshot, f *workspace.File, model *shell.File, containers []*workspace.Container) (map[string]bool, int) {
	defined := map[string]bool{}
	unknownFrom := -1
	visited := map[*shell.File]bool{model: true}
	var visit func(m *shell.File, depth int) bool
	visit = func(m *shell.File, depth int) bool {
		complete := true
		for _, d := range m.VarDefs {
			defined[d.Name] = true
		}
		for _, cmd := range sourceCommands(m) {
			sourced := sourcedFile(snap, cmd.Args, f.URI.Dir(), containers)
			known := sourced != nil && depth < maxSourceDepth
			if known && !visited[sourced] {
				visited[sourced] = true
				known = visit(sourced, depth+1)
			}
			if known {
				continue
			}
			complete = false
			if m == model && (unknownFrom < 0 || cmd.Span.Start < unknownFrom) {
				unknownFrom = cmd.Span.Start
				if inFunction(model, cmd.Span.Start) {
					unknownFrom = 0
				}
			}
		}
		return complete
	}
	visit(model, 0)
	return defined, unknownFrom
}

// sourceCommands returns the "." and "source" commands of a script.
func sourceCommands(model *shell.File) []*shell.Command {
	var out []*shell.Command
	for _, cmd := range model.Commands {
		if cmd.Name != nil && !cmd.Name.Dynamic && (cmd.Name.Literal == "." || cmd.Name.Literal == "source") {
			out = append(out, cmd)
		}
	}
	return out
}

// sourcedFile returns the script model of the file that "." reads. That is
// a file at that path in one of the containers or, for a relative path, a
// file of the workspace under dir, the OS folder of the script that the
// process runs. The shell reads a relative path from its working folder,
// which is the same for every sourced file. It returns nil when the path
// is missing or contains an expansion, or no such file is in the workspace.
func sourcedFile(snap *workspace.Snapshot, args []*shell.Word, dir string, containers []*workspace.Container) *shell.File {
	if len(args) == 0 || args[0].Dynamic || args[0].Literal == "" {
		return nil
	}
	name := args[0].Literal
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
			if sf := snap.File(cf.URI); sf != nil && sf.Shell() != nil {
				return sf.Shell()
			}
		}
	}
	if strings.HasPrefix(name, "/") || dir == "" {
		return nil
	}
	uri := position.URIFromPath(filepath.Join(dir, filepath.FromSlash(name)))
	if sf := snap.File(uri); sf != nil && sf.Shell() != nil {
		return sf.Shell()
	}
	return nil
}
