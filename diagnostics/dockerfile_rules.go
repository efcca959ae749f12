package diagnostics

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/distribution/reference"
	"github.com/moby/buildkit/util/suggest"

	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
)

// ownRules runs stackls's rules that need no shell parsing.
func (c *dockerChecker) ownRules() {
	for _, st := range c.df.Stages {
		c.imageTag(st)
	}
	for _, in := range c.df.Instructions {
		if in.Node == nil {
			continue
		}
		switch in.Keyword {
		case "COPY", "ADD":
			c.copyFrom(in)
			c.addLocalFile(in)
			c.contextSources(in)
		case "RUN":
			for _, fl := range in.Flags {
				if fl.Name == "mount" {
					c.mountFrom(in, fl)
				}
			}
		}
		switch in.Keyword {
		case "RUN", "CMD", "ENTRYPOINT", "SHELL":
			c.execForm(in)
		}
		if in.Keyword == "ENTRYPOINT" || in.Keyword == "CMD" {
			c.copiedScript(in)
		}
	}
}

// imageTag reports a FROM image that has no tag, or the tag "latest".
func (c *dockerChecker) imageTag(st *dockerfile.Stage) {
	if st.Image == "" || strings.Contains(st.Image, "$") || strings.EqualFold(st.Image, "scratch") || c.df.BaseStage(st) != nil {
		return
	}
	named, err := parseImageRef(st.Image)
	if err != nil {
		return
	}
	if _, digested := named.(reference.Digested); digested {
		return
	}
	tagged, ok := named.(reference.Tagged)
	switch {
	case !ok:
		c.ownRule(&dfRuleUntaggedImage, st.ImageSpan, quote(st.Image)+" has no tag, so each build may use a different image; pin a version, such as "+quote(st.Image+":<version>"))
	case tagged.Tag() == "latest":
		c.ownRule(&dfRuleLatestTag, st.ImageSpan, quote(st.Image)+" uses the tag `latest`, which moves; pin a version, such as "+quote(reference.FamiliarName(named)+":<version>"))
	}
}

// copyFrom checks COPY --from against the stages: a later or the current
// stage is an error, and a plain name that is no stage becomes an image
// pull, which is likely a typo.
func (c *dockerChecker) copyFrom(in *dockerfile.Instruction) {
	if fl := in.Flag("from"); fl != nil && fl.HasValue {
		c.checkStageRef(in, fl.Value, fl.ValueSpan)
	}
}

// mountFrom checks the from= option of RUN --mount like COPY --from.
func (c *dockerChecker) mountFrom(in *dockerfile.Instruction, fl *dockerfile.Flag) {
	for _, opt := range dockerfile.MountOptions(in, fl) {
		if opt.Key == "from" {
			c.checkStageRef(in, opt.Value, opt.ValueSpan)
		}
	}
}

func (c *dockerChecker) checkStageRef(in *dockerfile.Instruction, name string, span position.Span) {
	if name == "" || strings.Contains(name, "$") || in.Stage < 0 {
		return
	}
	if index, err := strconv.Atoi(name); err == nil {
		if index >= in.Stage {
			c.ownRule(&dfRuleCopyFromLaterStage, span, "stage "+quote(name)+" is not built before this stage; --from can only name an earlier stage, 0 to "+strconv.Itoa(in.Stage-1))
		}
		return
	}
	if st := c.df.StageNamed(name); st != nil {
		if st.Index >= in.Stage {
			c.ownRule(&dfRuleCopyFromLaterStage, span, "stage "+quote(name)+" is defined at or after this stage; --from can only name an earlier stage")
		}
		return
	}
	if strings.ContainsAny(name, "/:.@") {
		return // an image reference
	}
	var earlier []string
	for _, st := range c.df.Stages[:in.Stage] {
		if st.Name != "" {
			earlier = append(earlier, st.Name)
		}
	}
	msg := "no stage is named " + quote(name) + ", so buildkit pulls an image called " + quote(name)
	var fixes []*Fix
	if match, _ := suggest.Search(name, earlier, false); match != "" {
		msg += "; did you mean the stage " + quote(match) + "?"
		fixes = append(fixes, c.edit("Change to "+match, span, match))
	}
	c.ownRule(&dfRuleCopyFromUnknownStage, span, msg, fixes...)
}

// addLocalFile reports ADD of local files that are not archives: COPY
// does the same with no surprises.
func (c *dockerChecker) addLocalFile(in *dockerfile.Instruction) {
	if in.Keyword != "ADD" || len(in.Heredocs) > 0 || len(in.Args) < 2 {
		return
	}
	for _, fl := range in.Flags {
		if fl.Name != "chown" && fl.Name != "chmod" && fl.Name != "link" && fl.Name != "exclude" {
			return // a flag that only ADD has
		}
	}
	for _, src := range in.Args[:len(in.Args)-1] {
		if isRemoteSource(src.Value) || isArchive(src.Value) {
			return
		}
	}
	fix := c.edit("Change ADD to COPY", in.KeywordSpan, "COPY")
	if c.text(in.KeywordSpan) != strings.ToUpper(c.text(in.KeywordSpan)) {
		fix = c.edit("Change ADD to COPY", in.KeywordSpan, "copy")
	}
	c.ownRule(&dfRuleAddLocalFile, in.KeywordSpan, "ADD copies local files like COPY but also extracts archives and fetches URLs; use COPY for "+quote(in.Args[0].Value), fix)
}

func isRemoteSource(src string) bool {
	for _, prefix := range []string{"http://", "https://", "git@", "git://", "ssh://"} {
		if strings.HasPrefix(src, prefix) {
			return true
		}
	}
	return false
}

func isArchive(src string) bool {
	lower := strings.ToLower(src)
	for _, ext := range []string{".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz", ".bz2", ".xz", ".zst"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// contextSources reports COPY and ADD sources that do not exist in any
// build context of the Dockerfile.
func (c *dockerChecker) contextSources(in *dockerfile.Instruction) {
	if in.Flag("from") != nil || len(in.Args) < 2 {
		return
	}
	contexts := c.buildContexts()
	if len(contexts) == 0 {
		return
	}
	for _, src := range dockerfile.Sources(in) {
		if strings.Contains(src.Value, "$") || isRemoteSource(src.Value) || c.existsInContext(contexts, src.Value) {
			continue
		}
		c.ownRule(&dfRuleMissingContextFile, src.Span, quote(src.Value)+" does not exist in the build context "+quote(contextName(contexts[0]))+"; the build fails with \"not found\"")
	}
}

// copiedScript reports an ENTRYPOINT or CMD program that a COPY or ADD of
// the stage puts in the image from a source that is missing in the build
// context.
func (c *dockerChecker) copiedScript(in *dockerfile.Instruction) {
	if len(in.Args) == 0 {
		return
	}
	script := in.Args[0]
	src := dockerfile.CopiedSource(c.df, in, script.Value)
	if src == "" || strings.ContainsAny(src, "$*?[") || isRemoteSource(src) {
		return
	}
	contexts := c.buildContexts()
	if len(contexts) == 0 || c.existsInContext(contexts, src) {
		return
	}
	c.ownRule(&dfRuleMissingContextFile, script.Span, quote(script.Value)+" comes from "+quote(src)+", which does not exist in the build context "+quote(contextName(contexts[0])))
}

func (c *dockerChecker) existsInContext(contexts []string, src string) bool {
	for _, dir := range contexts {
		path := filepath.Join(dir, filepath.FromSlash(src))
		if strings.ContainsAny(src, "*?[") {
			if matches, err := filepath.Glob(path); err != nil || len(matches) > 0 {
				return true
			}
			continue
		}
		if _, err := os.Stat(path); err == nil {
			return true
		}
		if c.snap.File(position.URIFromPath(path)) != nil {
			return true
		}
	}
	return false
}

// contextName returns a short name of a build context folder for messages.
func contextName(dir string) string {
	return filepath.Base(dir) + string(filepath.Separator)
}

// execForm reports arguments that look like an exec form but are not valid
// JSON, because buildkit then runs them as a shell command. The fix writes
// them with double quotes when that makes valid JSON.
func (c *dockerChecker) execForm(in *dockerfile.Instruction) {
	args := in.ArgsText()
	if in.JSONForm || !strings.HasPrefix(args, "[") || !strings.HasSuffix(args, "]") {
		return
	}
	msg := quote(args) + " is not a valid JSON array, so it runs as a shell command; the exec form takes double-quoted strings, such as [\"nginx\", \"-g\", \"daemon off;\"]"
	var fixes []*Fix
	if fixed, ok := doubleQuoted(args); ok {
		fixes = append(fixes, c.edit("Use double quotes", in.ArgsSpan(), fixed))
	}
	c.ownRule(&dfRuleInvalidExecForm, in.ArgsSpan(), msg, fixes...)
}

// doubleQuoted rewrites a single-quoted array such as ['a', 'b'] with
// double quotes and reports whether the result is a JSON array of strings.
func doubleQuoted(args string) (string, bool) {
	var b strings.Builder
	inSingle := false
	for _, r := range args {
		switch {
		case r == '\'':
			inSingle = !inSingle
			b.WriteByte('"')
		case inSingle && r == '"':
			b.WriteString(`\"`)
		default:
			b.WriteRune(r)
		}
	}
	var values []string
	if err := json.Unmarshal([]byte(b.String()), &values); err != nil {
		return "", false
	}
	return b.String(), true
}
