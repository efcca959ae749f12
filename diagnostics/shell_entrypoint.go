package diagnostics

import (
	"bytes"
	"context"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// ruleAt returns a Diagnostic of rule r at span; scriptRule is declared
// with the shell syntax rules.
func ruleAt(r scriptRule, span position.Span, message string) *Diagnostic {
	d := r.diagnostic(message)
	d.Span = span
	return d
}

const (
	docsEntrypoint = "https://docs.docker.com/reference/dockerfile/#entrypoint"
	docsEnv        = "https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/"
)

var (
	ruleCRLF = scriptRule{
		Name: "CrlfLineEndings", Severity: Error,
		URL: "https://www.shellcheck.net/wiki/SC1017",
	}
	ruleShebangMissing = scriptRule{
		Name: "ShebangMissing", Severity: Error,
		URL: "https://www.shellcheck.net/wiki/SC2148",
	}
	ruleShebangAfterBOM = scriptRule{
		Name: "ShebangAfterBOM", Severity: Error,
		URL: "https://www.shellcheck.net/wiki/SC1082",
	}
	// ruleShebangUnusual is a warning: a relative interpreter path still
	// works when the working folder of the process contains it.
	ruleShebangUnusual = scriptRule{
		Name: "ShebangUnusual", Severity: Warning,
		URL: "https://www.shellcheck.net/wiki/SC2239",
	}
	ruleEntrypointIgnoresCmd = scriptRule{
		Name: "EntrypointIgnoresCmd", Severity: Warning,
		URL: docsEntrypoint,
	}
	ruleEntrypointNoExec = scriptRule{
		Name: "EntrypointNoExec", Severity: Warning,
		URL: docsEntrypoint,
	}
	// ruleScriptNotExecutable is a warning: git may record the executable
	// bit that a checkout on this disk lost.
	ruleScriptNotExecutable = scriptRule{
		Name: "ScriptNotExecutable", Severity: Warning,
		URL: "https://docs.docker.com/reference/dockerfile/#copy---chmod",
	}
	ruleUndefinedVariable = scriptRule{
		Name: "UndefinedVariable", Severity: Warning,
		URL: docsEnv,
	}
	ruleBuildArgAtRuntime = scriptRule{
		Name: "BuildArgAtRuntime", Severity: Warning,
		URL: "https://docs.docker.com/reference/dockerfile/#arg",
	}
	ruleUnknownSecret = scriptRule{
		Name: "UnknownSecret", Severity: Warning,
		URL: "https://docs.docker.com/compose/how-tos/use-secrets/",
	}
	ruleBackgroundNotWaited = scriptRule{
		Name: "BackgroundNotWaited", Severity: Warning,
		URL: "https://docs.docker.com/engine/containers/multi-service_container/",
	}
	// ruleHostPortNotExposed is a warning: a container may listen on a
	// port that nothing declares.
	ruleHostPortNotExposed = scriptRule{
		Name: "HostPortNotExposed", Severity: Warning,
		URL: "https://docs.docker.com/compose/how-tos/networking/",
	}
)

// scriptChecker collects the entrypoint checks of one script.
type scriptChecker struct {
	ctx        context.Context
	snap       *workspace.Snapshot
	file       *workspace.File
	model      *shell.File
	containers []*workspace.Container // the containers that hold the script
	diags      []*Diagnostic
}

// entrypointDiagnostics returns the checks that need the container model:
// CRLF line ends, shebang, exec "$@", executable bit, undefined variables,
// unknown secrets, wrong ports and background servers. A comment
// "# stackls-ignore RULE[,RULE]" hides a problem on the next line; right
// after the "#!" line it hides a problem on that line too.
func entrypointDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	model := f.Shell()
	if model == nil {
		return nil
	}
	c := &scriptChecker{ctx: ctx, snap: snap, file: f, model: model, containers: workspace.ContainersOf(snap, f.URI)}
	steps := []func(){c.lineEndings, c.shebang, c.execArgs, c.executable, c.variables, c.secrets, c.background, c.ports}
	for _, step := range steps {
		if ctx.Err() != nil {
			return nil
		}
		step()
	}
	return withoutIgnored(f.Content, c.diags)
}

func (c *scriptChecker) add(d *Diagnostic) { c.diags = append(c.diags, d) }

// runners returns the containers that run the script as their entrypoint
// or command, with the process of each.
func (c *scriptChecker) runners() ([]*workspace.Container, []*workspace.Process) {
	var containers []*workspace.Container
	var procs []*workspace.Process
	for _, ct := range c.containers {
		if p := ct.Runs(c.file.URI); p != nil {
			containers = append(containers, ct)
			procs = append(procs, p)
		}
	}
	return containers, procs
}

// firstLine returns the Span of the first line without its line end and
// without a byte order mark.
func firstLine(content []byte) position.Span {
	start := 0
	if bytes.HasPrefix(content, []byte(utf8BOM)) {
		start = len(utf8BOM)
	}
	end := bytes.IndexByte(content[start:], '\n')
	if end < 0 {
		end = len(content)
	} else {
		end += start
	}
	if end > start && content[end-1] == '\r' {
		end--
	}
	return position.Span{Start: start, End: end}
}

const utf8BOM = "\xef\xbb\xbf"

// containerNames names containers for a message: "service `a`",
// "services `a` and `b`", or the image of a Dockerfile. A name is given
// once, even when several containers carry it, as when two projects
// define a service of the same name.
func containerNames(list []*workspace.Container) string {
	var names []string
	seen := map[string]bool{}
	services := 0
	for _, ct := range list {
		name := "the image of `" + ct.Name() + "`"
		if ct.Service != "" {
			name = "`" + ct.Service + "`"
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		names = append(names, name)
		if ct.Service != "" {
			services++
		}
	}
	joined := joinAnd(names)
	switch {
	case services == 0:
		return joined
	case len(names) == 1:
		return "service " + joined
	}
	return "services " + joined
}

// joinAnd joins words as "a", "a and b" or "a, b and c".
func joinAnd(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// withoutIgnored drops the diagnostics that a "# stackls-ignore" comment
// names: on the line above the diagnostic, or, for the "#!" line, in the
// comment lines right after it.
func withoutIgnored(content []byte, diags []*Diagnostic) []*Diagnostic {
	ignored, header := ignoreComments(content)
	if len(ignored) == 0 {
		return diags
	}
	m := position.NewMapper(content)
	kept := diags[:0]
	for _, d := range diags {
		line := m.OffsetLine(d.Span.Start)
		lines := []int{line - 1}
		if line == 0 {
			lines = header
		}
		if !ignores(ignored, lines, d.Code) {
			kept = append(kept, d)
		}
	}
	return kept
}

func ignores(ignored map[int][]string, lines []int, code string) bool {
	for _, l := range lines {
		for _, name := range ignored[l] {
			if name == "all" || strings.EqualFold(name, code) {
				return true
			}
		}
	}
	return false
}

// ignoreComments returns, by 0-based line, the rules that a
// "# stackls-ignore RULE[,RULE]" comment line names ("all" when it names
// none), and the lines of the comment block right after a "#!" line.
func ignoreComments(content []byte) (map[int][]string, []int) {
	ignored := map[int][]string{}
	var header []int
	inHeader := bytes.HasPrefix(bytes.TrimPrefix(content, []byte(utf8BOM)), []byte("#!"))
	for i, line := range strings.Split(string(content), "\n") {
		text := strings.TrimSpace(line)
		if i == 0 {
			continue
		}
		if inHeader && strings.HasPrefix(text, "#") {
			header = append(header, i)
		} else {
			inHeader = false
		}
		rest, ok := strings.CutPrefix(strings.TrimSpace(strings.TrimPrefix(text, "#")), "stackls-ignore")
		if !ok || !strings.HasPrefix(text, "#") || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		names := strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		if len(names) == 0 {
			names = []string{"all"}
		}
		ignored[i] = names
	}
	return ignored, header
}
