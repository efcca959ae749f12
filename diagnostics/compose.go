package diagnostics

import (
	"context"
	"fmt"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/interp"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/compose/schema"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
	"gopkg.in/yaml.v3"
)

// composeCheck holds what the compose checks of one file share.
type composeCheck struct {
	snap  *workspace.Snapshot
	file  *workspace.File
	model *compose.File
	proj  *project.Project
	diags []*Diagnostic

	portCache map[*compose.Scalar][]hostPort // publishedPorts results, by ports entry
	refs      map[string][]interp.Ref        // interp.Refs results, by scalar value
}

func (c *composeCheck) add(d *Diagnostic) { c.diags = append(c.diags, d) }

// composeDiagnostics returns the diagnostics of a compose file: YAML
// syntax, the compose-spec schema, references between services and
// resources, interpolation, and the files and Dockerfiles it names.
func composeDiagnostics(ctx context.Context, snap *workspace.Snapshot, f *workspace.File) []*Diagnostic {
	model := f.Compose()
	if model == nil {
		return nil
	}
	c := &composeCheck{snap: snap, file: f, model: model, proj: project.Of(snap, f.URI)}
	if c.proj == nil {
		return nil
	}
	if model.HasInvalidUTF8() {
		// Compose rejects such a file as a whole, so only the YAML errors,
		// the invalid bytes first, are worth fixing until it is UTF-8.
		c.syntax()
		return c.diags
	}
	steps := []func(){
		c.syntax,
		c.trailingText,
		c.mergeKeys,
		c.version,
		c.schema,
		c.references,
		c.dependsOnCycles,
		c.containerNames,
		c.ports,
		c.volumeStrings,
		c.variables,
		c.builds,
		c.files,
		c.includeCycles,
		c.imageOrBuild,
		c.healthcheckTests,
		c.mountTargets,
		c.portTargets,
		c.resourceSources,
		c.durations,
		c.byteSizes,
		c.restartPolicies,
		c.commandLines,
		c.exposeFloats,
		c.profiledDependencies,
	}
	for _, step := range steps {
		if giveWay(ctx); ctx.Err() != nil {
			return nil
		}
		step()
	}
	return c.diags
}

// syntax reports the YAML errors the parser found.
func (c *composeCheck) syntax() {
	for _, e := range c.model.Errors {
		rule := composeRuleYAMLSyntax
		switch e.Code {
		case compose.CodeTab:
			rule = composeRuleYAMLTabIndent
		case compose.CodeDuplicateKey:
			rule = composeRuleDuplicateKey
		case compose.CodeUnknownAlias:
			rule = composeRuleUnknownAnchor
		}
		d := rule.diag(e.Span, "%s", e.Message)
		if e.Related != nil {
			d.Related = []Related{{Location: position.Location{URI: c.file.URI, Span: *e.Related}, Message: "first defined here"}}
		}
		c.add(d)
	}
}

// schema reports violations of the compose-spec schema.
func (c *composeCheck) schema() {
	problems, err := schema.Check(c.model, c.proj.LookupFunc())
	if err != nil {
		c.add(composeRuleSchemaViolation.diag(position.Span{}, "the compose-spec schema could not be loaded: %v", err))
		return
	}
	for _, p := range problems {
		rule := composeRuleSchemaViolation
		switch p.Kind {
		case schema.KindUnknownProperty:
			rule = composeRuleUnknownProperty
		case schema.KindType:
			rule = composeRuleInvalidType
		case schema.KindValue:
			rule = composeRuleInvalidValue
		case schema.KindRequired:
			rule = composeRuleMissingProperty
		}
		d := rule.diag(p.Span, "%s", p.Message)
		if p.Suggestion != "" {
			d.Fixes = []*Fix{c.replaceFix(p.Span, p.Suggestion)}
		}
		c.add(d)
	}
}

// replaceFix returns a quick fix that replaces span with a suggested name.
func (c *composeCheck) replaceFix(span position.Span, name string) *Fix {
	return &Fix{
		Title:     fmt.Sprintf("Change to `%s`", name),
		Edits:     map[position.URI][]position.TextEdit{c.file.URI: {{Span: span, NewText: name}}},
		Preferred: true,
	}
}

// version reports the obsolete top-level "version" with a fix that
// removes its line.
func (c *composeCheck) version() {
	if c.model.Version == nil || c.model.Root == nil {
		return
	}
	var key *yaml.Node
	for i := 0; i+1 < len(c.model.Root.Content); i += 2 {
		if k := c.model.Root.Content[i]; k.Value == "version" {
			key = k
		}
	}
	if key == nil {
		return
	}
	keySpan := c.model.NodeSpan(key)
	d := composeRuleObsoleteVersion.diag(keySpan, "`version` is obsolete: Compose ignores it and uses the latest specification; remove it")
	d.Tags = []Tag{Unnecessary}
	d.Fixes = []*Fix{{
		Title:     "Remove the obsolete `version`",
		Edits:     map[position.URI][]position.TextEdit{c.file.URI: {{Span: wholeLines(c.model.Content, keySpan.Start, c.model.Version.Span.End)}}},
		Preferred: true,
	}}
	c.add(d)
}

// wholeLines returns the Span of the lines that hold [start, end), line
// break included.
func wholeLines(content []byte, start, end int) position.Span {
	for start > 0 && content[start-1] != '\n' {
		start--
	}
	for end < len(content) && content[end] != '\n' {
		end++
	}
	if end < len(content) {
		end++
	}
	return position.Span{Start: start, End: end}
}

// mergeKeys reports a mapping with more than one "<<" key, which YAML
// forbids as a duplicate key and Compose rejects, with a fix that merges
// them into one list, and a "<<" value that is not a mapping.
func (c *composeCheck) mergeKeys() {
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml.MappingNode {
			var merges []int
			for i := 0; i+1 < len(n.Content); i += 2 {
				if compose.IsMergeKey(n.Content[i]) {
					merges = append(merges, i)
					c.mergeValue(n.Content[i+1])
				}
			}
			if len(merges) > 1 {
				c.reportMergeKeys(n, merges)
			}
		}
		for _, child := range n.Content {
			walk(child)
		}
	}
	if c.model.Root != nil {
		walk(c.model.Root)
	}
}

// mergeValue reports the value of a "<<" key that is not a mapping, an
// alias of one or a list of them, which YAML cannot merge and Compose
// rejects when it loads the file.
func (c *composeCheck) mergeValue(value *yaml.Node) {
	resolved := compose.Resolve(value)
	if resolved == nil {
		return // an unknown or looping alias, reported as such
	}
	switch resolved.Kind {
	case yaml.MappingNode:
		return
	case yaml.SequenceNode:
		for _, item := range resolved.Content {
			if r := compose.Resolve(item); r != nil && r.Kind != yaml.MappingNode {
				c.add(composeRuleInvalidMerge.diag(c.model.NodeSpan(item),
					"a list after the merge key `<<` may contain only mappings or aliases of mappings; Compose rejects this file"))
			}
		}
		return
	}
	c.add(composeRuleInvalidMerge.diag(c.model.NodeSpan(value),
		"the merge key `<<` takes a mapping, an alias of one, or a list of them; Compose rejects this file"))
}

func (c *composeCheck) reportMergeKeys(m *yaml.Node, merges []int) {
	first := m.Content[merges[0]]
	firstSpan := c.model.NodeSpan(first)
	var sources []string
	for _, i := range merges {
		sources = append(sources, mergeSourceText(c.model, m.Content[i+1])...)
	}
	listForm := "[" + strings.Join(sources, ", ") + "]"
	for _, i := range merges[1:] {
		key := m.Content[i]
		d := composeRuleDuplicateMergeKey.diag(c.model.NodeSpan(key),
			"this mapping already has a merge key `<<` on line %d, and Compose rejects a second one; merge them in one list: `<<: %s`",
			c.model.Line(firstSpan.Start)+1, listForm)
		d.Related = []Related{{Location: position.Location{URI: c.file.URI, Span: firstSpan}, Message: "first merge key"}}
		edits := []position.TextEdit{{Span: c.model.NodeSpan(m.Content[merges[0]+1]), NewText: listForm}}
		for _, j := range merges[1:] {
			edits = append(edits, position.TextEdit{Span: wholeLines(c.model.Content, c.model.NodeSpan(m.Content[j]).Start, c.model.NodeSpan(m.Content[j+1]).End)})
		}
		d.Fixes = []*Fix{{Title: fmt.Sprintf("Merge into `<<: %s`", listForm), Edits: map[position.URI][]position.TextEdit{c.file.URI: edits}, Preferred: true}}
		c.add(d)
	}
}

// mergeSourceText returns the source text of each source of a "<<" value:
// one alias, or the items of a list.
func mergeSourceText(f *compose.File, value *yaml.Node) []string {
	if value.Kind == yaml.SequenceNode {
		var out []string
		for _, item := range value.Content {
			out = append(out, mergeSourceText(f, item)...)
		}
		return out
	}
	span := f.NodeSpan(value)
	return []string{string(f.Content[span.Start:span.End])}
}
