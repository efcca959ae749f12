package diagnostics

import (
	"os"
	"sort"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/dockerfile"
	"gopkg.in/yaml.v3"
)

// predefinedArgs are build arguments that BuildKit accepts without an ARG
// instruction.
var predefinedArgs = map[string]bool{
	"HTTP_PROXY": true, "http_proxy": true, "HTTPS_PROXY": true, "https_proxy": true,
	"FTP_PROXY": true, "ftp_proxy": true, "NO_PROXY": true, "no_proxy": true,
	"ALL_PROXY": true, "all_proxy": true, "SOURCE_DATE_EPOCH": true,
}

// builds checks each build section against its context and Dockerfile: the
// context and Dockerfile exist, build.target is a stage, and each
// build.args key is declared by an ARG.
func (c *composeCheck) builds() {
	lookup := c.proj.LookupFunc()
	for _, svc := range c.model.Services {
		b := project.BuildOf(c.file.URI, svc, lookup)
		if b == nil || b.Context == "" {
			continue
		}
		if problem := contextProblem(b.Context); problem != "" {
			if svc.Build.Context != nil {
				c.add(composeRuleMissingBuildContext.diag(svc.Build.Context.Span, "build context `%s` %s", svc.Build.Context.Value, problem))
			}
			continue
		}
		if b.Dockerfile == "" {
			continue
		}
		df := project.LoadDockerfile(c.snap, b.Dockerfile)
		if df == nil {
			c.reportMissingDockerfile(svc, b)
			continue
		}
		c.checkTarget(svc, df)
		c.checkArgs(svc, df)
	}
}

func (c *composeCheck) reportMissingDockerfile(svc *compose.Service, b *project.Build) {
	switch {
	case svc.Build.Dockerfile != nil:
		c.add(composeRuleMissingBuildContext.diag(svc.Build.Dockerfile.Span, "Dockerfile `%s` does not exist in the build context", svc.Build.Dockerfile.Value))
	case svc.Build.Context != nil:
		c.add(composeRuleMissingBuildContext.diag(svc.Build.Context.Span, "build context `%s` has no `Dockerfile`; add one or set `dockerfile`", svc.Build.Context.Value))
	}
}

func (c *composeCheck) checkTarget(svc *compose.Service, df *dockerfile.File) {
	target := svc.Build.Target
	if target == nil || target.Value == "" || strings.Contains(target.Value, "$") || len(df.Stages) == 0 {
		return
	}
	var names []string
	for _, stage := range df.Stages {
		if strings.EqualFold(stage.Name, target.Value) {
			return
		}
		if stage.Name != "" {
			names = append(names, "`"+stage.Name+"`")
		}
	}
	if len(names) == 0 {
		c.add(composeRuleUnknownBuildTarget.diag(target.Span, "`%s` is not a stage of the Dockerfile, which names no stage; add `AS %s` to a FROM line", target.Value, target.Value))
		return
	}
	c.add(composeRuleUnknownBuildTarget.diag(target.Span, "`%s` is not a stage of the Dockerfile; its stages are %s", target.Value, strings.Join(names, ", ")))
}

func (c *composeCheck) checkArgs(svc *compose.Service, df *dockerfile.File) {
	declared := map[string]bool{}
	for _, v := range df.Vars {
		if !v.Env {
			declared[v.Name] = true
		}
	}
	for _, arg := range svc.Build.Args {
		if declared[arg.Key] || predefinedArgs[arg.Key] || strings.HasPrefix(arg.Key, "BUILDKIT_") || strings.Contains(arg.Key, "$") {
			continue
		}
		var names []string
		for name := range declared {
			names = append(names, name)
		}
		sort.Strings(names)
		msg := "build argument `" + arg.Key + "` is not declared by an ARG of the Dockerfile, so the build ignores it"
		near := nearest(arg.Key, names)
		if near != "" {
			msg += "; did you mean `" + near + "`?"
		}
		d := composeRuleUndeclaredBuildArg.diag(arg.KeySpan, "%s", msg)
		if near != "" {
			d.Fixes = []*Fix{c.replaceFix(arg.KeySpan, near)}
		}
		c.add(d)
	}
}

// contextProblem returns what is wrong with a local build context, or "".
func contextProblem(path string) string {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return "does not exist"
	case !info.IsDir():
		return "is a file; it must be a folder"
	}
	return ""
}

// files reports files that the compose file names but that do not exist:
// env_file entries (unless marked required: false), label_file entries,
// secret and config files, include paths and extends.file.
func (c *composeCheck) files() {
	for _, svc := range c.model.Services {
		c.checkEnvFiles(compose.Lookup(svc.Node, "env_file"), "env file")
		c.checkEnvFiles(compose.Lookup(svc.Node, "label_file"), "label file")
		if svc.Extends != nil && svc.Extends.File != nil {
			c.checkPath(svc.Extends.File, "extended file", composeRuleMissingFile)
		}
	}
	for _, r := range append(append([]*compose.Resource(nil), c.model.Secrets...), c.model.Configs...) {
		if r.File != nil && c.insideWorkspace(r.File) {
			c.checkPath(r.File, "file", composeRuleMissingResourceFile)
		}
	}
	for _, inc := range c.model.Includes {
		c.checkPath(inc, "included file", composeRuleMissingFile)
	}
}

// insideWorkspace reports whether a secret or config file path resolves
// inside a workspace folder. A path such as "~/project/secrets/db.txt" or
// "/run/keys/db.txt" names a file of the machine that deploys the project:
// "docker compose config" does not check it, and its absence here proves
// nothing about that machine.
func (c *composeCheck) insideWorkspace(s *compose.Scalar) bool {
	value, ok := c.proj.Substitute(s.Value)
	if !ok {
		return false
	}
	path := project.ResolvePath(c.file.URI, value)
	return path != "" && (len(c.snap.Folders()) == 0 || c.snap.InsideFolders(path))
}

func (c *composeCheck) checkEnvFiles(n *yaml.Node, noun string) {
	if n == nil || compose.IsReset(n) {
		return
	}
	if n.Kind == yaml.ScalarNode {
		c.checkPath(&compose.Scalar{Value: n.Value, Span: c.model.NodeSpan(n)}, noun, composeRuleMissingFile)
		return
	}
	for _, item := range compose.Items(n) {
		path := item
		if item.Kind == yaml.MappingNode {
			if required := compose.Lookup(item, "required"); required != nil && required.Value == "false" {
				continue
			}
			path = compose.Lookup(item, "path")
		}
		if path != nil && path.Kind == yaml.ScalarNode {
			c.checkPath(&compose.Scalar{Value: path.Value, Span: c.model.NodeSpan(path)}, noun, composeRuleMissingFile)
		}
	}
}

// checkPath reports a path, relative to the compose file, that exists
// neither in the Snapshot nor on disk.
func (c *composeCheck) checkPath(s *compose.Scalar, noun string, rule composeRule) {
	value, ok := c.proj.Substitute(s.Value)
	if !ok {
		return
	}
	path := project.ResolveSubstitutedPath(c.file.URI, value)
	if path == "" || project.Exists(c.snap, path) {
		return
	}
	c.add(rule.diag(s.Span, "%s `%s` does not exist", noun, value))
}
