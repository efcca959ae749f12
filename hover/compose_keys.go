package hover

import (
	"fmt"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/compose/schema"
)

// keyHover returns the compose-spec documentation of the key under the
// cursor, or of the key whose value is under it: the schema's description,
// the allowed values and types, and a link to the Compose reference. It
// returns nil where the schema describes nothing.
func keyHover(model *compose.File, cur *compose.Cursor) *Result {
	path := cur.SchemaPath()
	for len(path) > 0 && path[len(path)-1] == "[]" {
		path = path[:len(path)-1]
	}
	if len(path) == 0 {
		return nil
	}
	key := path[len(path)-1]
	span := model.NodeSpan(cur.Node)
	if strings.HasPrefix(key, "x-") {
		return &Result{Markdown: fmt.Sprintf("**`%s`** — extension field\n\nCompose ignores keys that start with `x-`; they hold values to reuse through YAML anchors.\n\n[Compose reference](%s)", key, schema.DocURL([]string{"x-"})), Span: span}
	}
	node := schema.At(path)
	if node.Empty() || len(path) == 2 && isSectionName(path[0]) {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**`%s`** — %s", key, schema.Owner(path[:len(path)-1]))
	if desc := node.Description(); desc != "" {
		b.WriteString("\n\n" + desc)
	}
	if values := schema.AllowedValues(path, node); len(values) > 0 {
		b.WriteString("\n\nAllowed values: " + codeJoin(values))
	}
	if types := node.Types(); len(types) > 0 {
		b.WriteString("\n\nType: " + schema.TypeNames(types))
	}
	fmt.Fprintf(&b, "\n\n[Compose reference](%s)", schema.DocURL(path))
	return &Result{Markdown: b.String(), Span: span}
}

// isSectionName reports whether key is a top-level section whose keys are
// names chosen by the user, such as services.
func isSectionName(key string) bool {
	switch key {
	case "services", "networks", "volumes", "secrets", "configs", "models", "jobs":
		return true
	}
	return false
}

func codeJoin(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, ", ")
}
