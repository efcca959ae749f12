package diagnostics

import (
	"bytes"
	"context"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
	"mvdan.cc/sh/v3/syntax"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// dockerfileDiagnostics returns the diagnostics of a Dockerfile: parse
// errors, buildkit's build checks run in process, and stackls's own rules.
// "# check=skip=..." and "# check=error=true" apply as in buildkit, and a
// comment "# stackls-ignore RULE[,RULE]" on the line above a problem hides
// it. A Dockerfile template ("Dockerfile.template", or a file with
// "{{ ... }}" lines) gets none: docker builds the files generated from it.
func dockerfileDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	df := f.Dockerfile()
	if df == nil || dockerfile.IsTemplateName(f.URI.Base()) || df.IsTemplate() {
		return nil
	}
	c := newDockerChecker(ctx, snap, f, df)
	stopWarming := warmDockerfile(ctx, snap, f, c)
	defer stopWarming()
	c.parseErrors()
	steps := []func(){c.instructionChecks, c.stageChecks, c.fromChecks, c.dispatchChecks, c.copyIgnoredFiles, c.ownRules, c.runChecks}
	for _, step := range steps {
		if giveWay(ctx); ctx.Err() != nil {
			return nil
		}
		step()
	}
	return c.suppressed()
}

// dockerChecker collects the diagnostics of one Dockerfile.
type dockerChecker struct {
	ctx  context.Context
	snap *workspace.Snapshot
	file *workspace.File
	df   *dockerfile.File

	lint    *linter.Linter // buildkit's rule switches from the check directive
	lintKey string         // the check directive's value that lint follows; "" for the defaults
	lines   *position.Mapper
	diags   []*Diagnostic

	// pending is the Diagnostic that the linter's Warn callback completes
	// when a buildkit rule is not skipped.
	pending *Diagnostic

	// builds are the compose services that build the Dockerfile, computed
	// on first use when buildsDone is false.
	builds     []*composeBuild
	buildsDone bool

	// copiedOnly caches the result of onlyCopiedFrom for each stage. It is
	// nil until the first call.
	copiedOnly []bool

	// contexts are the build context folders of the Dockerfile, computed
	// on first use when contextsDone is false.
	contexts     []string
	contextsDone bool

	lex  *shell.Lex          // buildkit's shell lexer for the file's escape character
	refs []dockerfile.VarRef // the references of one instruction, reused between instructions

	shellParsers map[syntax.LangVariant]*syntax.Parser // by dialect, reused between scripts

	// polls counts the calls of cancelled, which reads ctx only on every
	// cancelPollInterval-th call.
	polls int
}

// cancelPollInterval is how many instructions a check walks between two
// reads of its context.
const cancelPollInterval = 64

// cancelled reports whether the check's context is done, reading it once
// per cancelPollInterval calls, so that a check of a large file that a
// newer change made useless stops within a few instructions.
func (c *dockerChecker) cancelled() bool {
	c.polls++
	if c.polls%cancelPollInterval != 0 {
		return false
	}
	giveWay(c.ctx)
	return c.ctx.Err() != nil
}

func newDockerChecker(ctx context.Context, snap *workspace.Snapshot, f *workspace.File, df *dockerfile.File) *dockerChecker {
	c := &dockerChecker{ctx: ctx, snap: snap, file: f, df: df, lines: f.Mapper(), lex: shell.NewLex(rune(df.Escape))}
	config := &linter.Config{}
	if d := df.Directive("check"); d != nil {
		value, _, _ := strings.Cut(d.Value, " ")
		parsed, err := linter.ParseLintOptions(value)
		if err != nil {
			c.add(&Diagnostic{Span: d.ValueSpan, Severity: Error, Code: "InvalidCheckDirective", Source: sourceStackls,
				Message: "invalid check directive " + quote(d.Value) + ": " + err.Error() + "; write skip=RULE,RULE;error=true"})
		} else {
			config, c.lintKey = parsed, value
		}
	}
	config.Warn = c.warn
	c.lint = linter.New(config)
	return c
}

// buildContexts returns the build context folders of the Dockerfile.
func (c *dockerChecker) buildContexts() []string {
	if !c.contextsDone {
		c.contexts, c.contextsDone = c.snap.Index().BuildContexts(c.file.URI), true
	}
	return c.contexts
}

const (
	sourceStackls  = "stackls"
	sourceBuildkit = "buildkit"
)

func (c *dockerChecker) add(d *Diagnostic) { c.diags = append(c.diags, d) }

// buildkitRule reports a buildkit rule at span unless the check directive
// or a check comment before in skips it. The message is buildkit's own.
// It returns the reported Diagnostic, or nil when the rule is skipped.
func (c *dockerChecker) buildkitRule(rule linter.LinterRuleI, in *dockerfile.Instruction, span position.Span, msg string, fixes ...*Fix) *Diagnostic {
	lint := c.lint
	if in != nil && in.Node != nil {
		lint = lint.WithMergedConfigFromComments(in.Node.PrevComment)
	}
	c.pending = &Diagnostic{Span: span, Severity: Warning, Code: rule.RuleName(), Source: sourceBuildkit, Message: msg, Fixes: fixes}
	if lint.ReturnAsError {
		c.pending.Severity = Error
	}
	d := c.pending
	lint.Run(rule, nil, msg)
	if c.pending != nil {
		c.pending = nil
		return nil // skipped: warn did not take it
	}
	return d
}

// warn is the linter's Warn callback: the rule was not skipped.
func (c *dockerChecker) warn(rulename, _, url, msg string, _ []parserRange) {
	if c.pending == nil {
		return
	}
	c.pending.CodeHref = url
	if rulename == linter.RuleMaintainerDeprecated.Name {
		c.pending.Tags = []Tag{Deprecated}
	}
	c.add(c.pending)
	c.pending = nil
}

// ownRule reports one of stackls's rules unless the check directive skips
// it by name.
func (c *dockerChecker) ownRule(rule *dockerRule, span position.Span, msg string, fixes ...*Fix) {
	if _, skipped := c.lint.SkippedRules[rule.Name]; skipped {
		return
	}
	c.add(&Diagnostic{Span: span, Severity: rule.Severity, Code: rule.Name, CodeHref: rule.URL, Source: sourceStackls, Message: msg, Fixes: fixes})
}

// parseErrors reports the parser's errors.
func (c *dockerChecker) parseErrors() {
	for _, e := range c.df.Errors {
		c.add(&Diagnostic{Span: e.Span, Severity: Error, Code: "ParseError", Source: sourceStackls, Message: e.Message})
	}
}

// suppressed drops the diagnostics that a "# stackls-ignore" comment on
// the line above them, or above their instruction, names.
func (c *dockerChecker) suppressed() []*Diagnostic {
	ignored := c.ignoreComments()
	if len(ignored) == 0 {
		return c.diags
	}
	visible := c.diags[:0]
	for _, d := range c.diags {
		lines := []int{c.lineOf(d.Span.Start)}
		if in := c.df.InstructionAt(d.Span.Start); in != nil {
			lines = append(lines, c.lineOf(in.Span.Start))
		}
		if !isIgnored(ignored, lines, d.Code) {
			visible = append(visible, d)
		}
	}
	return visible
}

func isIgnored(ignored map[int][]string, lines []int, code string) bool {
	for _, line := range lines {
		for _, name := range ignored[line-1] {
			if strings.EqualFold(name, code) || name == "all" {
				return true
			}
		}
	}
	return false
}

// ignoreComments returns, by line, the rules that a "# stackls-ignore"
// comment names.
func (c *dockerChecker) ignoreComments() map[int][]string {
	ignored := map[int][]string{}
	for _, span := range c.df.Comments {
		text := strings.TrimSpace(strings.TrimPrefix(string(c.df.Content[span.Start:span.End]), "#"))
		rest, ok := strings.CutPrefix(text, "stackls-ignore")
		if !ok {
			continue
		}
		var names []string
		for _, name := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			names = append(names, name)
		}
		if len(names) == 0 {
			names = []string{"all"}
		}
		ignored[c.lineOf(span.Start)] = names
	}
	return ignored
}

// lineOf returns the 0-based line of a content offset.
func (c *dockerChecker) lineOf(offset int) int { return c.lines.OffsetLine(offset) }

// lineStart returns the offset where a 0-based line starts.
func (c *dockerChecker) lineStart(line int) int {
	span, err := c.lines.LineSpan(line)
	if err != nil {
		return 0 // NOTE: lineOf returns only lines that exist
	}
	return span.Start
}

func (c *dockerChecker) text(span position.Span) string {
	return string(c.df.Content[span.Start:span.End])
}

// quote wraps a value in backticks for a message, as Markdown code.
func quote(s string) string {
	if strings.Contains(s, "`") {
		return `"` + s + `"`
	}
	return "`" + s + "`"
}

// edit returns a Fix that replaces span of the current file with text.
func (c *dockerChecker) edit(title string, span position.Span, text string) *Fix {
	return &Fix{Title: title, Preferred: true, Edits: map[position.URI][]position.TextEdit{c.file.URI: {{Span: span, NewText: text}}}}
}

// firstLineEnd returns the end of the first line of span.
func (c *dockerChecker) firstLineEnd(span position.Span) int {
	if i := bytes.IndexByte(c.df.Content[span.Start:span.End], '\n'); i >= 0 {
		end := span.Start + i
		if end > span.Start && c.df.Content[end-1] == '\r' {
			end--
		}
		return end
	}
	return span.End
}
