package hover

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/workspace"
)

// serviceCard returns a short Markdown card for each definition of a
// service: its name, image or build context and Dockerfile, ports,
// networks and where it is defined, as a path relative to its workspace
// folder and a 1-based line. Cards of several definitions are separated by
// rules.
func serviceCard(snap *workspace.Snapshot, defs []*workspace.ServiceDef) string {
	cards := make([]string, 0, len(defs))
	for _, def := range defs {
		cards = append(cards, oneServiceCard(snap, def))
	}
	return strings.Join(cards, "\n\n---\n\n")
}

func oneServiceCard(snap *workspace.Snapshot, def *workspace.ServiceDef) string {
	svc := def.Service
	var b strings.Builder
	fmt.Fprintf(&b, "**service `%s`** defined at `%s`", svc.Name, definedAt(snap, def))
	if def.Project != nil && def.Project.Name != "" {
		fmt.Fprintf(&b, " (project `%s`)", def.Project.Name)
	}
	b.WriteString("\n")

	if svc.Image != nil {
		fmt.Fprintf(&b, "\n- image: `%s`", svc.Image.Value)
	}
	if svc.Build != nil {
		b.WriteString("\n- build: " + buildLine(snap, def))
	}
	if svc.ContainerName != nil {
		fmt.Fprintf(&b, "\n- container name: `%s`", svc.ContainerName.Value)
	}
	if svc.Hostname != nil {
		fmt.Fprintf(&b, "\n- hostname: `%s`", svc.Hostname.Value)
	}
	if len(svc.Ports) > 0 {
		b.WriteString("\n- ports: " + codeList(svc.Ports))
	}
	if len(svc.Expose) > 0 {
		b.WriteString("\n- expose: " + codeList(svc.Expose))
	}
	if len(svc.Networks) > 0 {
		b.WriteString("\n- networks: " + codeList(svc.Networks))
	} else {
		b.WriteString("\n- networks: `default`")
	}
	if len(svc.Aliases) > 0 {
		b.WriteString("\n- aliases: " + codeList(svc.Aliases))
	}
	return b.String()
}

// buildLine describes a service's build: the context and the Dockerfile,
// as paths relative to the workspace folder, and the target stage.
func buildLine(snap *workspace.Snapshot, def *workspace.ServiceDef) string {
	build := def.Service.Build
	var parts []string
	switch {
	case def.Context != "":
		parts = append(parts, fmt.Sprintf("context `%s`", relativePath(snap, def.Context)))
	case build.Context != nil:
		parts = append(parts, fmt.Sprintf("context `%s`", build.Context.Value))
	}
	if def.Dockerfile != "" {
		parts = append(parts, fmt.Sprintf("Dockerfile `%s`", relativePath(snap, def.Dockerfile.Path())))
	}
	if build.Target != nil {
		parts = append(parts, fmt.Sprintf("stage `%s`", build.Target.Value))
	}
	if len(parts) == 0 {
		return "`.`"
	}
	return strings.Join(parts, ", ")
}

// definedAt returns "path:line" of a service's key, with the path relative
// to its workspace folder and the line 1-based.
func definedAt(snap *workspace.Snapshot, def *workspace.ServiceDef) string {
	where := relativePath(snap, def.URI.Path())
	if f := snap.File(def.URI); f != nil {
		where += fmt.Sprintf(":%d", f.Mapper().OffsetLine(def.Service.KeySpan.Start)+1)
	}
	return where
}

// relativePath returns an OS path relative to the workspace folder that
// holds it, with forward slashes; the path itself when no folder does.
func relativePath(snap *workspace.Snapshot, path string) string {
	best := ""
	for _, folder := range snap.Folders() {
		rel, err := filepath.Rel(folder, path)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		if best == "" || len(rel) < len(best) {
			best = rel
		}
	}
	if best == "" {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(best)
}

// codeList returns the scalars' values as a comma-separated list of code
// spans.
func codeList(list []*compose.Scalar) string {
	values := make([]string, len(list))
	for i, s := range list {
		values[i] = "`" + s.Value + "`"
	}
	return strings.Join(values, ", ")
}
