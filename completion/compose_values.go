package completion

import (
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/dockerfile"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// names proposes the names that a value at path refers to, or returns nil
// when path holds no reference.
func (c *composeCompleter) names(path []string) []*Item {
	if len(path) < 3 || path[0] != "services" {
		return nil
	}
	tail := strings.Join(path[2:], "/")
	switch tail {
	case "depends_on/[]", "links/[]", "volumes_from/[]":
		return c.serviceItems(c.unlisted(tail, c.proj.ServiceNames()))
	case "extends":
		return c.serviceItems(c.proj.ServiceNames())
	case "extends/service":
		if names := c.extendsFileServices(); names != nil {
			return c.serviceItems(names)
		}
		return c.serviceItems(c.proj.ServiceNames())
	case "network_mode":
		items := []*Item{c.valueItem("host", KindValue, ""), c.valueItem("none", KindValue, ""), c.valueItem("bridge", KindValue, "")}
		for _, name := range c.proj.ServiceNames() {
			if name != c.currentService() {
				items = append(items, c.valueItem("service:"+name, KindReference, "share the network of a service"))
			}
		}
		return items
	case "networks/[]":
		return c.resourceItems(project.Networks, "network", "")
	case "volumes/[]":
		return c.resourceItems(project.Volumes, "named volume", ":")
	case "volumes/[]/source":
		return c.resourceItems(project.Volumes, "named volume", "")
	case "secrets/[]", "secrets/[]/source":
		return c.resourceItems(project.Secrets, "secret", "")
	case "configs/[]", "configs/[]/source":
		return c.resourceItems(project.Configs, "config", "")
	case "build/target":
		return c.stageItems()
	case "build/args/[]":
		return c.argItems("=")
	}
	return nil
}

// unlisted returns names without those that the service's list at tail
// (depends_on, links or volumes_from) holds already, other than the item
// at the cursor.
func (c *composeCompleter) unlisted(tail string, names []string) []string {
	svc := c.serviceModel()
	if svc == nil {
		return names
	}
	var listed []*compose.Scalar
	switch tail {
	case "depends_on/[]":
		listed = svc.DependsOn
	case "links/[]":
		listed = svc.Links
	case "volumes_from/[]":
		listed = svc.VolumesFrom
	}
	listedNames := map[string]bool{}
	for _, s := range listed {
		if s.Span.Start <= c.cc.word.Start && c.cc.word.Start <= s.Span.End {
			continue // the item being typed
		}
		listedNames[s.Value] = true
	}
	out := make([]string, 0, len(names))
	for _, name := range names {
		if !listedNames[name] {
			out = append(out, name)
		}
	}
	return out
}

// keyNames proposes names for a key at path in mappings whose keys are
// references: depends_on and networks in mapping form, and build.args.
// It returns nil elsewhere.
func (c *composeCompleter) keyNames(path []string) []*Item {
	if len(path) < 3 || path[0] != "services" {
		return nil
	}
	var items []*Item
	switch strings.Join(path[2:], "/") {
	case "depends_on":
		items = c.serviceItems(c.proj.ServiceNames())
	case "networks":
		items = c.resourceItems(project.Networks, "network", "")
	case "build/args":
		items = c.argItems("")
	default:
		return nil
	}
	kept := []*Item{}
	for _, item := range items {
		if !c.cc.siblings[item.Label] {
			item.Edit.NewText += ": "
			kept = append(kept, item)
		}
	}
	return kept
}

// buildDockerfile returns the Dockerfile that the build section of the
// service being edited points at, or nil.
func (c *composeCompleter) buildDockerfile() *dockerfile.File {
	svc := c.serviceModel()
	if svc == nil {
		return nil
	}
	b := project.BuildOf(c.file.URI, svc, c.proj.LookupFunc())
	if b == nil || b.Dockerfile == "" {
		return nil
	}
	return project.LoadDockerfile(c.snap, b.Dockerfile)
}

// stageItems proposes the named stages of the service's Dockerfile.
func (c *composeCompleter) stageItems() []*Item {
	df := c.buildDockerfile()
	items := []*Item{}
	if df == nil {
		return items
	}
	for _, stage := range df.Stages {
		if stage.Name != "" {
			items = append(items, c.valueItem(stage.Name, KindReference, "stage FROM "+stage.Image))
		}
	}
	return items
}

// argItems proposes the ARG names of the service's Dockerfile.
func (c *composeCompleter) argItems(suffix string) []*Item {
	df := c.buildDockerfile()
	items := []*Item{}
	if df == nil {
		return items
	}
	seen := map[string]bool{}
	for _, v := range df.Vars {
		if v.Env || seen[v.Name] {
			continue
		}
		seen[v.Name] = true
		detail := "ARG " + v.Name
		if v.HasValue {
			detail += "=" + v.Value
		}
		item := c.valueItem(v.Name, KindVariable, detail)
		item.Edit.NewText = v.Name + suffix
		items = append(items, item)
	}
	return items
}

// variableCompletion proposes the project's variables when the cursor
// follows an unclosed "${" on its line; nil otherwise.
func variableCompletion(proj *project.Project, content []byte, offset int) *List {
	start, _ := lineBounds(content, offset)
	prefix := string(content[start:offset])
	open := strings.LastIndex(prefix, "${")
	if open < 0 || strings.Contains(prefix[open:], "}") {
		return nil
	}
	partial := prefix[open+2:]
	for _, c := range partial {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return &List{Items: []*Item{}} // past the name, in a default or message
		}
	}
	word := position.Span{Start: start + open + 2, End: offset}
	items := []*Item{}
	for _, name := range proj.VarNames() {
		v := proj.Lookup(name)
		detail := "set in " + v.Source
		if !workspace.LooksSecret(name) {
			detail = v.Value + " (" + v.Source + ")"
		}
		items = append(items, &Item{Label: name, Kind: KindVariable, Detail: detail, Edit: &position.TextEdit{Span: word, NewText: name}})
	}
	for _, name := range usedVariables(proj) {
		if proj.Lookup(name).Set {
			continue
		}
		items = append(items, &Item{Label: name, Kind: KindVariable, Detail: "not set; used in the compose files", Edit: &position.TextEdit{Span: word, NewText: name}})
	}
	return &List{Items: items}
}

// usedVariables returns the names of the variables the project's compose
// files reference, sorted, without duplicates.
func usedVariables(proj *project.Project) []string {
	seen := map[string]bool{}
	var names []string
	for _, pf := range proj.Files {
		for _, name := range pf.Compose.ContentVariables() {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	return names
}
