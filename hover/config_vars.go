package hover

import (
	"strings"

	"github.com/stackls/stackls/workspace"
)

// configVarHover returns the hover at offset in a config file that
// containers hold. For an envsubst-style "${NAME}" it shows where each
// container sets the variable, with its value. For a "/run/secrets/NAME"
// path it shows the secret. It returns nil elsewhere.
func configVarHover(snap *workspace.Snapshot, f *workspace.File, offset int) *Result {
	if ref := workspace.SecretRefAt(f.Content, offset); ref != nil {
		return secretHover(snap, f, ref)
	}
	ref := workspace.TemplateRefAt(f.Content, offset)
	if ref == nil {
		return nil
	}
	containers := workspace.ContainersOf(snap, f.URI)
	var b strings.Builder
	b.WriteString("**`" + ref.Name + "`** in an envsubst-style template\n")
	lines := containerVarLines(snap, containers, ref.Name)
	if len(containers) == 0 {
		lines = append(lines, "no container of the workspace holds this file")
	}
	for _, line := range lines {
		b.WriteString("\n- " + line)
	}
	return &Result{Markdown: b.String(), Span: ref.Span}
}
