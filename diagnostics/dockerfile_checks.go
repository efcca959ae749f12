package diagnostics

import (
	"strings"
	"unicode/utf8"

	"github.com/distribution/reference"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/util/suggest"

	"github.com/stackls/stackls/dockerfile"
)

// This file holds the build checks that buildkit runs while it converts a
// Dockerfile to LLB (dockerfile2llb), which stackls cannot import without
// a build client. Each check follows buildkit v0.34 and reports through
// the linter, so that rule names, messages, skips and error=true are
// buildkit's; the Span is narrowed to the offending word.

// reservedStageNames are the stage names that buildkit reserves.
var reservedStageNames = map[string]bool{"context": true, "scratch": true}

// stageChecks runs StageNameCasing's siblings that look at all stages:
// ReservedStageName, DuplicateStageName and ConsistentInstructionCasing.
func (c *dockerChecker) stageChecks() {
	seen := map[string]bool{}
	for _, st := range c.df.Stages {
		if st.Name == "" {
			continue
		}
		name := strings.ToLower(st.Name)
		if reservedStageNames[name] {
			c.buildkitRule(&linter.RuleReservedStageName, st.From, st.NameSpan, linter.RuleReservedStageName.Format(name))
		}
		if seen[name] {
			c.buildkitRule(&linter.RuleDuplicateStageName, st.From, st.NameSpan, linter.RuleDuplicateStageName.Format(name))
		}
		seen[name] = true
	}
	c.casingCheck()
}

// casingCheck reports instructions whose keyword is not written in the case
// that most instructions of the stages use.
func (c *dockerChecker) casingCheck() {
	counted := func(in *dockerfile.Instruction) bool {
		return in.Stage >= 0 && in.Node != nil && isInstruction[in.Keyword]
	}
	var lower, upper int
	for _, in := range c.df.Instructions {
		if !counted(in) {
			continue
		}
		switch name := in.Node.Value; {
		case isLowerCase(name):
			lower++
		case isUpperCase(name):
			upper++
		}
	}
	majorityLower := lower > upper
	for _, in := range c.df.Instructions {
		if !counted(in) {
			continue
		}
		name := in.Node.Value
		if majorityLower && isLowerCase(name) || !majorityLower && isUpperCase(name) {
			continue
		}
		want, casing := strings.ToUpper(name), "uppercase"
		if majorityLower {
			want, casing = strings.ToLower(name), "lowercase"
		}
		fix := c.edit("Write "+quote(name)+" in "+casing, in.KeywordSpan, want)
		if c.text(in.KeywordSpan) != name {
			fix = nil // the keyword is split by a continuation
		}
		var fixes []*Fix
		if fix != nil {
			fixes = append(fixes, fix)
		}
		c.buildkitRule(&linter.RuleConsistentInstructionCasing, in, in.KeywordSpan, linter.RuleConsistentInstructionCasing.Format(name, casing), fixes...)
	}
}

// isLowerCase reports whether strings.ToLower(s) == s, without allocating
// for ASCII.
func isLowerCase(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= utf8.RuneSelf:
			return strings.ToLower(s) == s
		case 'A' <= b && b <= 'Z':
			return false
		}
	}
	return true
}

// isUpperCase reports whether strings.ToUpper(s) == s, without allocating
// for ASCII.
func isUpperCase(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= utf8.RuneSelf:
			return strings.ToUpper(s) == s
		case 'a' <= b && b <= 'z':
			return false
		}
	}
	return true
}

// isInstruction holds the instruction keywords in upper case.
var isInstruction = func() map[string]bool {
	names := map[string]bool{}
	for _, name := range instructionNames {
		names[name] = true
	}
	return names
}()

// fromChecks checks the variables of each FROM line against the global
// ARGs: UndefinedArgInFrom, RedundantTargetPlatform,
// FromPlatformFlagConstDisallowed and InvalidDefaultArgInFrom.
func (c *dockerChecker) fromChecks() {
	global := c.df.GlobalEnv()
	var declared []string
	for _, b := range global.All() {
		declared = append(declared, b.Name)
	}
	for _, st := range c.df.Stages {
		in := st.From
		c.refs = c.df.AppendVarRefs(c.refs[:0], in)
		for i := range c.refs {
			ref := &c.refs[i]
			if global.Lookup(ref.Name) != nil {
				continue
			}
			match, _ := suggest.Search(ref.Name, declared, true)
			var fixes []*Fix
			if match != "" {
				fixes = append(fixes, c.edit("Change to "+match, ref.Span, match))
			}
			d := c.buildkitRule(&linter.RuleUndefinedArgInFrom, in, ref.ExprSpan, linter.RuleUndefinedArgInFrom.Format(ref.Name, match), fixes...)
			c.explainIgnoredArg(d, ref.Name)
		}
		if fl := in.Flag("platform"); fl != nil {
			c.platformChecks(st, fl, global)
		}
		if st.Image == "" || c.df.BaseStage(st) != nil {
			continue
		}
		err := invalidImage(c.df, st.Image, global)
		switch {
		case err == nil:
		case strings.Contains(st.Image, "$"):
			c.invalidDefaultArgInFrom(st, global)
		default:
			c.ownRule(&dfRuleInvalidInstruction, st.ImageSpan, "invalid image reference "+quote(st.Image)+": "+err.Error())
		}
	}
}

// invalidImage returns why image, expanded with env, is not a valid image
// reference, or nil.
func invalidImage(df *dockerfile.File, image string, env *dockerfile.Env) error {
	expanded, _ := df.Expand(image, env)
	_, err := parseImageRef(expanded)
	return err
}

// parsedImage is the result of reference.ParseNormalizedNamed for an image.
type parsedImage struct {
	named reference.Named
	err   error
}

// imageRefs caches parseImageRef. The distribution reference grammar is a
// set of regular expressions, which cost microseconds for each FROM line.
var imageRefs = newResultCache[string, parsedImage](4096, strings.Clone)

// parseImageRef returns reference.ParseNormalizedNamed(image).
func parseImageRef(image string) (reference.Named, error) {
	r := imageRefs.get(image, func() parsedImage {
		named, err := reference.ParseNormalizedNamed(image)
		return parsedImage{named, err}
	})
	return r.named, r.err
}

// invalidDefaultArgInFrom reports a FROM image that is invalid with the
// ARG defaults, unless every compose service that builds the Dockerfile
// passes build arguments that make it valid. When some do, the message
// names the services that do not.
func (c *dockerChecker) invalidDefaultArgInFrom(st *dockerfile.Stage, global *dockerfile.Env) {
	failing, built := c.failingBuilds(global, func(env *dockerfile.Env) bool {
		return invalidImage(c.df, st.Image, env) != nil
	})
	if built && len(failing) == 0 {
		return
	}
	d := c.buildkitRule(&linter.RuleInvalidDefaultArgInFrom, st.From, st.ImageSpan, linter.RuleInvalidDefaultArgInFrom.Format(st.Image))
	if d != nil {
		withoutArgs(d, failing, c.unsetArgs(st.From, st.ImageSpan, global))
	}
}

// explainIgnoredArg adds to an UndefinedArgInFrom diagnostic the compose
// services that pass the name as a build argument: buildkit ignores their
// value, because no ARG before the first FROM declares it.
func (c *dockerChecker) explainIgnoredArg(d *Diagnostic, name string) {
	passing := c.passedUndeclared(name)
	if d == nil || len(passing) == 0 {
		return
	}
	var services []string
	for _, b := range passing {
		services = append(services, quote(b.service))
		d.Related = append(d.Related, Related{Location: b.key,
			Message: "compose service " + quote(b.service) + " passes " + quote(name) + " in build.args"})
	}
	d.Message += "; compose passes it in build.args (" + strings.Join(services, ", ") + "), but a FROM line sees a build argument only when an ARG before the first FROM declares it: add " + quote("ARG "+name) + " at the top"
}

// platformChecks checks the --platform value of a FROM line.
func (c *dockerChecker) platformChecks(st *dockerfile.Stage, fl *dockerfile.Flag, global *dockerfile.Env) {
	refs := c.df.VarRefs(st.From)
	var used []*dockerfile.VarRef
	for _, ref := range refs {
		if fl.ValueSpan.Contains(ref.Span.Start) {
			used = append(used, ref)
		}
	}
	if len(used) == 1 && used[0].Name == "TARGETPLATFORM" {
		value, _ := c.df.Expand(fl.Value, global)
		if target, _ := global.Get("TARGETPLATFORM"); value == target {
			fix := c.edit("Remove the --platform flag", fl.Span, "")
			c.buildkitRule(&linter.RuleRedundantTargetPlatform, st.From, fl.Span, linter.RuleRedundantTargetPlatform.Format(fl.Value), fix)
		}
	}
	if len(used) > 0 {
		return
	}
	os, arch, ok := parsePlatform(fl.Value)
	if !ok || strings.Contains(st.Name, os) || strings.Contains(st.Name, arch) {
		return
	}
	c.buildkitRule(&linter.RuleFromPlatformFlagConstDisallowed, st.From, fl.ValueSpan, linter.RuleFromPlatformFlagConstDisallowed.Format(fl.Value))
}

// parsePlatform reads "os[/arch[/variant]]" or a lone OS or architecture,
// normalized as containerd's platforms package does for common names.
func parsePlatform(value string) (os, arch string, ok bool) {
	parts := strings.Split(strings.ToLower(value), "/")
	for _, p := range parts {
		if p == "" || strings.Trim(p, "abcdefghijklmnopqrstuvwxyz0123456789_.-") != "" {
			return "", "", false
		}
	}
	switch len(parts) {
	case 1:
		if knownOS[parts[0]] {
			return parts[0], "amd64", true
		}
		return "linux", normalizeArch(parts[0]), true
	case 2, 3:
		return parts[0], normalizeArch(parts[1]), true
	}
	return "", "", false
}

var knownOS = map[string]bool{"linux": true, "windows": true, "darwin": true, "freebsd": true, "netbsd": true, "openbsd": true, "solaris": true, "illumos": true, "aix": true, "plan9": true, "js": true, "wasip1": true, "android": true, "ios": true, "dragonfly": true}

func normalizeArch(arch string) string {
	switch arch {
	case "i386":
		return "386"
	case "x86_64", "x86-64", "amd64":
		return "amd64"
	case "aarch64", "arm64":
		return "arm64"
	case "armhf", "armel":
		return "arm"
	}
	return arch
}
