package diagnostics

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/util/suggest"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// stageState is the state that buildkit tracks per stage while it
// dispatches the instructions, as far as the build checks need it.
type stageState struct {
	workdirSet bool // an absolute or relative WORKDIR was set in this stage or its base stage
	shellSet   bool // SHELL was set in this stage or its base stage
	external   bool // the base is an image, not scratch or a stage
	last       map[string]*dockerfile.Instruction
}

// dispatchChecks walks each stage as buildkit dispatches it and runs the
// checks that need the variables in scope: UndefinedVar,
// WorkdirRelativePath, MultipleInstructionsDisallowed,
// JSONArgsRecommended, LegacyKeyValueFormat, SecretsUsedInArgOrEnv,
// ExposeProtoCasing, ExposeInvalidFormat and NoEmptyContinuation, with
// stackls's InvalidPort.
func (c *dockerChecker) dispatchChecks() {
	for _, in := range c.df.Instructions {
		c.emptyContinuationLines(in)
	}
	states := make([]*stageState, len(c.df.Stages))
	for i, st := range c.df.Stages {
		if c.ctx.Err() != nil {
			return
		}
		state := &stageState{last: map[string]*dockerfile.Instruction{}}
		if base := c.df.BaseStage(st); base != nil {
			state.workdirSet, state.shellSet = states[base.Index].workdirSet, states[base.Index].shellSet
		} else {
			state.external = !strings.EqualFold(st.Image, "scratch")
		}
		states[i] = state
		c.df.WalkStageWhile(i, func(in *dockerfile.Instruction, env *dockerfile.Env) bool {
			if in.Node != nil {
				c.dispatchInstruction(in, env, state)
			}
			return !c.cancelled()
		})
	}
}

func (c *dockerChecker) dispatchInstruction(in *dockerfile.Instruction, env *dockerfile.Env, state *stageState) {
	c.undefinedVars(in, env, state)
	switch in.Keyword {
	case "WORKDIR":
		if !state.workdirSet && len(in.Args) > 0 {
			c.workdirRelativePath(in, env)
		}
		state.workdirSet = true
	case "SHELL":
		state.shellSet = true
	case "CMD", "ENTRYPOINT", "HEALTHCHECK":
		if prev := state.last[in.Keyword]; prev != nil {
			fix := c.edit("Remove the earlier "+in.Keyword, c.wholeLines(prev.Span), "")
			c.buildkitRule(&linter.RuleMultipleInstructionsDisallowed, prev, prev.KeywordSpan, linter.RuleMultipleInstructionsDisallowed.Format(c.text(prev.KeywordSpan)), fix)
		}
		state.last[in.Keyword] = in
		if in.Keyword != "HEALTHCHECK" && !in.JSONForm && len(in.Args) > 0 && !state.shellSet {
			c.jsonArgsRecommended(in)
		}
	case "ENV", "LABEL":
		c.legacyKeyValue(in)
		if in.Keyword == "ENV" {
			c.secretNames(in, "ENV")
		}
	case "ARG":
		c.secretNames(in, "ARG")
	case "EXPOSE":
		c.exposeChecks(in, env)
	}
}

// workdirRelativePath reports the first WORKDIR of a stage when its path
// is relative. A path that is relative only because an ARG has no value is
// not reported when every compose service that builds the Dockerfile
// passes a value that makes it absolute; when some do, the message names
// the services that do not.
func (c *dockerChecker) workdirRelativePath(in *dockerfile.Instruction, env *dockerfile.Env) {
	relative := func(env *dockerfile.Env) bool {
		path, _ := c.df.Expand(in.ArgsText(), env)
		return !strings.HasPrefix(path, "/") && !isWindowsAbs(path)
	}
	if !relative(env) {
		return
	}
	unset := c.unsetArgs(in, in.ArgsSpan(), env)
	var failing []*composeBuild
	if len(unset) > 0 {
		var built bool
		if failing, built = c.failingBuilds(env, relative); built && len(failing) == 0 {
			return
		}
	}
	path, _ := c.df.Expand(in.ArgsText(), env)
	d := c.buildkitRule(&linter.RuleWorkdirRelativePath, in, in.ArgsSpan(), linter.RuleWorkdirRelativePath.Format(path))
	if d != nil {
		withoutArgs(d, failing, unset)
	}
}

func isWindowsAbs(path string) bool {
	return len(path) >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/')
}

// emptyContinuationLines reports each empty line inside a continuation.
// The Span is the whole line with its line break, so that it is never
// empty and an editor can show it. An empty last line without a line
// break gets the line break before it.
func (c *dockerChecker) emptyContinuationLines(in *dockerfile.Instruction) {
	for _, empty := range in.EmptyLines {
		line := c.wholeLines(empty)
		span := line
		if span.Start == span.End {
			span.Start -= len(lineBreakBefore(c.df.Content, span.End))
		}
		fix := c.edit(dfRuleNoEmptyContinuationFix, line, "")
		c.buildkitRule(&linter.RuleNoEmptyContinuation, in, span, linter.RuleNoEmptyContinuation.Format(), fix)
	}
}

// lineBreakBefore returns the line break ("\n" or "\r\n") that ends just
// before offset, or "".
func lineBreakBefore(content []byte, offset int) string {
	switch {
	case offset >= 2 && string(content[offset-2:offset]) == "\r\n":
		return "\r\n"
	case offset >= 1 && content[offset-1] == '\n':
		return "\n"
	}
	return ""
}

// wholeLines returns span grown to whole lines, with the line end after it.
func (c *dockerChecker) wholeLines(span position.Span) position.Span {
	start := c.lineStart(c.lineOf(span.Start))
	end := span.End
	for end < len(c.df.Content) && c.df.Content[end] != '\n' {
		end++
	}
	if end < len(c.df.Content) {
		end++
	}
	return position.Span{Start: start, End: end}
}

// imageVariables are variables that official base images commonly set in
// their configuration. Without pulling the image stackls cannot see them,
// so UndefinedVar does not report them in a stage built on an image.
// NOTE: buildkit reads the real image configuration; this list only
// prevents the most common false reports.
var imageVariables = map[string]bool{
	"GOPATH": true, "GOLANG_VERSION": true, "GOTOOLCHAIN": true, "JAVA_HOME": true, "JAVA_VERSION": true,
	"NODE_VERSION": true, "YARN_VERSION": true, "PYTHON_VERSION": true, "PYTHON_SHA256": true, "PIP_VERSION": true,
	"LANG": true, "GPG_KEY": true, "RUBY_VERSION": true, "RUBY_MAJOR": true, "GEM_HOME": true, "BUNDLE_APP_CONFIG": true,
	"BUNDLE_SILENCE_ROOT_WARNING": true, "PHP_VERSION": true, "PHP_INI_DIR": true, "NGINX_VERSION": true,
	"HTTPD_PREFIX": true, "CARGO_HOME": true, "RUSTUP_HOME": true, "RUST_VERSION": true, "MAVEN_HOME": true,
	"GRADLE_HOME": true, "DOTNET_VERSION": true, "ASPNET_VERSION": true, "ASPNETCORE_URLS": true,
	"ASPNETCORE_HTTP_PORTS": true, "PG_MAJOR": true, "PG_VERSION": true, "PGDATA": true, "GOSU_VERSION": true,
	"MARIADB_VERSION": true, "MARIADB_MAJOR": true, "MYSQL_MAJOR": true, "MYSQL_VERSION": true, "REDIS_VERSION": true,
	"HOME": true, "HOSTNAME": true,
}

// undefinedVars reports the build-time references of in to variables that
// are not declared before it, as buildkit's UndefinedVar does. An ARG
// declared without a value counts as declared. EXPOSE is not checked, as in
// buildkit.
func (c *dockerChecker) undefinedVars(in *dockerfile.Instruction, env *dockerfile.Env, state *stageState) {
	if in.Keyword == "FROM" || in.Keyword == "EXPOSE" {
		return
	}
	c.refs = c.df.AppendVarRefs(c.refs[:0], in)
	for i := range c.refs {
		ref := &c.refs[i]
		if !ref.BuildTime || env.Lookup(ref.Name) != nil || state.external && imageVariables[ref.Name] {
			continue
		}
		// NOTE: buildkit also expands single-quoted text in a COPY or ADD
		// heredoc body and warns here. stackls stays silent, because the
		// quotes show that the author wants the text literally.
		if ref.SingleQuoted {
			continue
		}
		if ref.Name == "BUILDKIT_SBOM_SCAN_CONTEXT" || ref.Name == "BUILDKIT_SBOM_SCAN_STAGE" {
			continue
		}
		match, _ := suggest.Search(ref.Name, env.Keys(), true)
		var fixes []*Fix
		if match != "" {
			fixes = append(fixes, c.edit("Change to $"+match, ref.Span, match))
		}
		c.buildkitRule(&linter.RuleUndefinedVar, in, ref.ExprSpan, linter.RuleUndefinedVar.Format(ref.Name, match), fixes...)
	}
}

// jsonArgsRecommended reports a shell-form CMD or ENTRYPOINT; the fix
// writes plain words as an exec form.
func (c *dockerChecker) jsonArgsRecommended(in *dockerfile.Instruction) {
	var fixes []*Fix
	if words, ok := plainWords(in.ArgsText()); ok {
		encoded, err := json.Marshal(words)
		if err == nil {
			fixes = append(fixes, c.edit("Use the exec form "+string(encoded), in.ArgsSpan(), strings.ReplaceAll(string(encoded), `","`, `", "`)))
		}
	}
	c.buildkitRule(&linter.RuleJSONArgsRecommended, in, in.ArgsSpan(), linter.RuleJSONArgsRecommended.Format(c.text(in.KeywordSpan)), fixes...)
}

// plainWords splits a shell command into words when it has no shell syntax
// (quotes, variables, operators, globs), so that the exec form means the
// same thing.
func plainWords(cmd string) ([]string, bool) {
	if cmd == "" || strings.ContainsAny(cmd, "'\"$`\\|&;<>()*?[]{}~#=") {
		return nil, false
	}
	return strings.Fields(cmd), true
}

// legacyKeyValue reports "ENV key value" and "LABEL key value".
func (c *dockerChecker) legacyKeyValue(in *dockerfile.Instruction) {
	if len(in.Args) < 2 || strings.Contains(in.Args[0].Text, "=") {
		return
	}
	name := in.Args[0].Text
	value := strings.TrimSpace(in.ArgsText()[len(name):])
	var fixes []*Fix
	switch {
	case !strings.ContainsAny(value, " \t"):
		fixes = append(fixes, c.edit("Write "+name+"="+value, in.ArgsSpan(), name+"="+value))
	case !strings.ContainsAny(value, "\"'\\`$"):
		fixes = append(fixes, c.edit("Write "+name+"=\""+value+"\"", in.ArgsSpan(), name+"=\""+value+"\""))
	}
	c.buildkitRule(&linter.RuleLegacyKeyValueFormat, in, in.ArgsSpan(), linter.RuleLegacyKeyValueFormat.Format(c.text(in.KeywordSpan)), fixes...)
}

// secretWords and publicWords are buildkit's word lists for
// SecretsUsedInArgOrEnv: a name with a word (split on "_") that is a secret
// word is reported, unless a word marks it public. Words compare without
// case, as buildkit's (?i) patterns do.
var (
	secretWords = []string{"apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"}
	publicWords = []string{"public", "file", "version"}
)

// isSecretName reports whether buildkit's patterns
// (?i)(?:_|^)(?:apikey|...|token)(?:_|$) match name and
// (?i)(?:_|^)(?:public|file|version)(?:_|$) does not.
func isSecretName(name string) bool {
	secret := false
	for rest, more := name, true; more; {
		var word string
		word, rest, more = strings.Cut(rest, "_")
		if containsFold(publicWords, word) {
			return false
		}
		if !secret && containsFold(secretWords, word) {
			secret = true
		}
	}
	return secret
}

// containsFold reports whether words, which are ASCII, hold s compared
// without case.
func containsFold(words []string, s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	for _, w := range words {
		// An ASCII word can equal a non-ASCII one without case, as "key"
		// equals "\u212aey" with the Kelvin sign, but not an ASCII one of
		// another length.
		if (!ascii || len(w) == len(s)) && strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

func (c *dockerChecker) secretNames(in *dockerfile.Instruction, keyword string) {
	for _, d := range in.Decls() {
		if !isSecretName(d.Name) {
			continue
		}
		c.buildkitRule(&linter.RuleSecretsUsedInArgOrEnv, in, d.NameSpan, linter.RuleSecretsUsedInArgOrEnv.Format(keyword, d.Name))
	}
}
