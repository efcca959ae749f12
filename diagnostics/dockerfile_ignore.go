package diagnostics

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"

	"github.com/stackls/stackls/dockerfile"
)

// ignoreMatcher returns the patterns of the .dockerignore that applies to
// the Dockerfile, as buildkit picks it: "<Dockerfile name>.dockerignore"
// next to the Dockerfile, else ".dockerignore" in the build context. It
// returns nil when there is none.
func (c *dockerChecker) ignoreMatcher(contexts []string) *patternmatcher.PatternMatcher {
	candidates := []string{c.file.Path() + ".dockerignore"}
	if len(contexts) > 0 {
		candidates = append(candidates, filepath.Join(contexts[0], ".dockerignore"))
	}
	for _, name := range candidates {
		content, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		patterns, err := ignorefile.ReadAll(bytes.NewReader(content))
		if err != nil || len(patterns) == 0 {
			return nil
		}
		matcher, err := patternmatcher.New(patterns)
		if err != nil {
			return nil
		}
		return matcher
	}
	return nil
}

// copyIgnoredFiles reports COPY and ADD sources that the .dockerignore
// excludes, as buildkit's CopyIgnoredFile does. Like buildkit, it does not
// check when the patterns have exclusions ("!pattern").
func (c *dockerChecker) copyIgnoredFiles() {
	matcher := c.ignoreMatcher(c.buildContexts())
	if matcher == nil || matcher.Exclusions() {
		return
	}
	for _, in := range c.df.Instructions {
		if in.Node == nil || (in.Keyword != "COPY" && in.Keyword != "ADD") || in.Flag("from") != nil {
			continue
		}
		verb := "Copy"
		if in.Keyword == "ADD" {
			verb = "Add"
		}
		for _, src := range dockerfile.Sources(in) {
			if strings.Contains(src.Value, "$") || isRemoteSource(src.Value) {
				continue
			}
			if ignoredSource(matcher, src.Value) {
				c.buildkitRule(&linter.RuleCopyIgnoredFile, in, src.Span, linter.RuleCopyIgnoredFile.Format(verb, src.Value))
			}
		}
	}
}

// ignoredSource reports whether the patterns exclude src. The context root
// ("." or "/") counts only when a pattern excludes everything.
func ignoredSource(matcher *patternmatcher.PatternMatcher, src string) bool {
	src = path.Clean(filepath.ToSlash(src))
	if src == "." || src == "/" {
		for _, p := range matcher.Patterns() {
			switch p.String() {
			case "*", "**", "**/*":
				return true
			}
		}
		return false
	}
	ok, err := matcher.MatchesOrParentMatches(strings.TrimPrefix(src, "/"))
	return err == nil && ok
}
