package diagnostics

import (
	"errors"
	"regexp"
	"sort"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/command"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/util/suggest"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// parserRange is buildkit's line range, which the linter's Warn callback
// receives; stackls narrows the Span itself.
type parserRange = parser.Range

// instructionNames are the Dockerfile instructions in upper case, sorted.
var instructionNames = func() []string {
	var names []string
	for name := range command.Commands {
		names = append(names, strings.ToUpper(name))
	}
	sort.Strings(names)
	return names
}()

// capturedWarning is a buildkit rule that instructions.Parse reported.
type capturedWarning struct{ rule, msg string }

// instructionChecks runs buildkit's instruction parser on every node, as
// instructions.Parse does, and reports its errors and the rules it checks
// (MaintainerDeprecated, StageNameCasing, FromAsCasing and the
// experimental InvalidDefinitionDescription) at the offending word.
func (c *dockerChecker) instructionChecks() {
	for _, in := range c.df.Instructions {
		if c.cancelled() {
			return
		}
		if in.Node == nil {
			continue
		}
		if in.Stage < 0 && in.Keyword != "ARG" && in.Keyword != "FROM" {
			c.ownRule(&dfRuleInstructionBeforeFrom, in.KeywordSpan,
				quote(in.Keyword)+" comes before the first FROM; only ARG may come before FROM")
		}
		res := c.parseInstruction(in.Node)
		for _, w := range res.warnings {
			c.parseWarning(in, w)
		}
		if res.err != nil {
			c.instructionError(in, res.err)
		}
	}
}

// parsedInstruction is the report of buildkit's instruction parser on one
// node: the rules it checked and its error.
type parsedInstruction struct {
	warnings []capturedWarning
	err      error
}

// instructionKey identifies the input of buildkit's instruction parser:
// a node, apart from its line numbers, which stackls does not use, and the
// check directive. Parse shares the nodes below an instruction's node
// between all Files parsed from the same chunk text (see the dockerfile
// package), so node, the first of them, identifies the text.
type instructionKey struct {
	node *parser.Node // the Next of the instruction's node
	lint string       // the check directive's value
}

// parsedInstructions caches parseInstruction. 16,384 entries hold the
// instructions of several 5,000-line Dockerfiles.
var parsedInstructions = newResultCache[instructionKey, *parsedInstruction](16384, func(k instructionKey) instructionKey {
	k.lint = strings.Clone(k.lint)
	return k
})

// parseInstruction runs buildkit's instruction parser on node with the
// rule switches of the check directive. A node without arguments, which
// costs little to parse, is not cached.
func (c *dockerChecker) parseInstruction(node *parser.Node) *parsedInstruction {
	if node.Next == nil {
		return c.runInstructionParser(node)
	}
	key := instructionKey{node: node.Next, lint: c.lintKey}
	return parsedInstructions.get(key, func() *parsedInstruction { return c.runInstructionParser(node) })
}

// runInstructionParser runs buildkit's instruction parser on node.
func (c *dockerChecker) runInstructionParser(node *parser.Node) *parsedInstruction {
	res := &parsedInstruction{}
	lint := c.lint.WithMergedConfig(&linter.Config{})
	lint.Warn = func(rulename, _, _, msg string, _ []parser.Range) {
		res.warnings = append(res.warnings, capturedWarning{rulename, msg})
	}
	cmd, err := instructions.ParseInstructionWithLinter(node, lint)
	if run, ok := cmd.(*instructions.RunCommand); ok && err == nil {
		// buildkit checks the --mount options when it expands them.
		err = run.Expand(func(word string) (string, error) { return word, nil })
	}
	res.err = err
	return res
}

// parseWarning reports a rule that buildkit's instruction parser checked.
func (c *dockerChecker) parseWarning(in *dockerfile.Instruction, w capturedWarning) {
	d := &Diagnostic{Span: in.KeywordSpan, Severity: Warning, Code: w.rule, Source: sourceBuildkit, Message: w.msg}
	if c.lint.ReturnAsError {
		d.Severity = Error
	}
	switch w.rule {
	case linter.RuleMaintainerDeprecated.Name:
		d.CodeHref = linter.RuleMaintainerDeprecated.URL
		d.Tags = []Tag{Deprecated}
		author := strings.ReplaceAll(in.ArgsText(), `"`, `\"`)
		d.Fixes = []*Fix{c.edit("Replace MAINTAINER with a LABEL", in.Span, `LABEL org.opencontainers.image.authors="`+author+`"`)}
	case linter.RuleStageNameCasing.Name:
		d.CodeHref = linter.RuleStageNameCasing.URL
		if st := c.stageOf(in); st != nil && st.Name != "" {
			d.Span = st.NameSpan
			d.Fixes = []*Fix{c.edit("Write the stage name in lower case", st.NameSpan, strings.ToLower(st.Name))}
		}
	case linter.RuleFromAsCasing.Name:
		d.CodeHref = linter.RuleFromAsCasing.URL
		if len(in.Args) >= 2 {
			d.Span = in.Args[1].Span
			as := "as"
			if in.Keyword == c.text(in.KeywordSpan) {
				as = "AS"
			}
			d.Fixes = []*Fix{c.edit("Match the case of FROM", d.Span, as)}
		}
	case linter.RuleInvalidDefinitionDescription.Name:
		d.CodeHref = linter.RuleInvalidDefinitionDescription.URL
		if span, ok := c.commentAbove(in); ok {
			d.Span = span
		}
	}
	c.add(d)
}

// commentAbove returns the comment line just above an instruction.
func (c *dockerChecker) commentAbove(in *dockerfile.Instruction) (position.Span, bool) {
	line := c.lineOf(in.Span.Start)
	for _, span := range c.df.Comments {
		if c.lineOf(span.Start) == line-1 {
			return span, true
		}
	}
	return position.Span{}, false
}

func (c *dockerChecker) stageOf(in *dockerfile.Instruction) *dockerfile.Stage {
	if in.Stage < 0 || in.Stage >= len(c.df.Stages) {
		return nil
	}
	return c.df.Stages[in.Stage]
}

// instructionError reports an error of buildkit's instruction parser at
// the word it is about.
func (c *dockerChecker) instructionError(in *dockerfile.Instruction, err error) {
	var unknown *instructions.UnknownInstructionError
	if errors.As(err, &unknown) {
		c.unknownInstruction(in)
		return
	}
	msg := err.Error()
	var located *parser.LocationError
	if errors.As(err, &located) {
		msg = located.Unwrap().Error()
	}
	if name, ok := strings.CutPrefix(msg, "unknown flag: "); ok {
		if fields := strings.Fields(name); len(fields) > 0 {
			c.unknownFlag(in, strings.TrimLeft(fields[0], "-"))
			return
		}
	}
	c.ownRule(&dfRuleInvalidInstruction, c.narrow(in, msg), "invalid "+in.Keyword+": "+msg)
}

// unknownInstruction reports a keyword that is not an instruction, with
// the closest instruction as a suggestion and a fix.
func (c *dockerChecker) unknownInstruction(in *dockerfile.Instruction) {
	written := c.text(in.KeywordSpan)
	if in.Keyword == "" {
		return
	}
	match, _ := suggest.Search(in.Keyword, instructionNames, true)
	msg := "unknown instruction " + quote(strings.ReplaceAll(in.Line[:min(len(in.Line), len(written))], "\n", "")) + "; the instructions are " + strings.Join(instructionNames, ", ")
	if len(in.Keyword) != len(written) {
		msg = "unknown instruction " + quote(in.Keyword) + "; the instructions are " + strings.Join(instructionNames, ", ")
	}
	var fixes []*Fix
	if match != "" {
		msg = "unknown instruction " + quote(in.Keyword) + "; did you mean " + quote(match) + "?"
		fixes = append(fixes, c.edit("Change to "+match, in.KeywordSpan, match))
	}
	c.ownRule(&dfRuleUnknownInstruction, in.KeywordSpan, msg, fixes...)
}

// unknownFlag reports a flag that the instruction does not take.
func (c *dockerChecker) unknownFlag(in *dockerfile.Instruction, name string) {
	fl := in.Flag(name)
	span := in.KeywordSpan
	if fl != nil {
		span = fl.NameSpan
	}
	known := flagNames[in.Keyword]
	msg := quote("--"+name) + " is not a flag of " + in.Keyword
	var fixes []*Fix
	if match, _ := suggest.Search(name, known, true); match != "" && fl != nil {
		msg += "; did you mean " + quote("--"+match) + "?"
		fixes = append(fixes, c.edit("Change to --"+match, fl.NameSpan, match))
	} else if len(known) > 0 {
		msg += "; its flags are --" + strings.Join(known, ", --")
	} else {
		msg += "; it takes no flags"
	}
	c.ownRule(&dfRuleUnknownFlag, span, msg, fixes...)
}

// flagNames are the flags each instruction takes, for suggestions.
var flagNames = map[string][]string{
	"ADD":         {"checksum", "chmod", "chown", "exclude", "keep-git-dir", "link", "unpack"},
	"COPY":        {"chmod", "chown", "exclude", "from", "link", "parents"},
	"FROM":        {"platform"},
	"HEALTHCHECK": {"interval", "retries", "start-interval", "start-period", "timeout"},
	"RUN":         {"device", "mount", "network", "security"},
}

// quotedInMessage finds the values that a buildkit message quotes.
var quotedInMessage = regexp.MustCompile(`'([^']+)'|"([^"]+)"|: ([^\s:]+)$`)

// narrow returns the Span of the word of in that a buildkit error is
// about: a quoted value found in a flag or an argument, the flag the error
// names, else the arguments, else the keyword.
func (c *dockerChecker) narrow(in *dockerfile.Instruction, msg string) position.Span {
	for _, m := range quotedInMessage.FindAllStringSubmatch(msg, -1) {
		value := m[1] + m[2] + m[3]
		if span, ok := findInInstruction(in, value); ok {
			return span
		}
	}
	for _, fl := range in.Flags {
		if strings.Contains(msg, fl.Name) || (fl.Name == "mount" && strings.Contains(msg, "mount")) {
			return fl.Span
		}
	}
	if strings.Contains(msg, "argument") && len(in.Args) > 0 {
		return in.ArgsSpan()
	}
	return in.KeywordSpan
}

// findInInstruction returns the Span of value inside a flag value or an
// argument of in.
func findInInstruction(in *dockerfile.Instruction, value string) (position.Span, bool) {
	if value == "" {
		return position.Span{}, false
	}
	var spans []position.Span
	for _, fl := range in.Flags {
		spans = append(spans, fl.ValueSpan)
	}
	for _, w := range in.Args {
		spans = append(spans, w.Span)
	}
	for _, span := range spans {
		start, end := in.LineIndex(span.Start), in.LineIndex(span.End)
		if start < 0 || end < start {
			continue
		}
		if i := strings.Index(in.Line[start:end], value); i >= 0 {
			return in.LineSpan(start+i, start+i+len(value)), true
		}
	}
	return position.Span{}, false
}
