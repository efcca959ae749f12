package dockerfile

import (
	"path"
	"strings"
)

// templateSuffixes are the name endings of files that a generator turns
// into a Dockerfile, such as "Dockerfile.template" (docker-library's
// apply-templates.sh) or "Dockerfile.j2" (Jinja).
var templateSuffixes = []string{".template", ".tmpl", ".tpl", ".j2", ".jinja", ".jinja2", ".erb", ".mustache", ".hbs", ".in"}

// IsTemplateName reports whether a file name marks a Dockerfile template
// rather than a Dockerfile that docker builds.
func IsTemplateName(name string) bool {
	lower := strings.ToLower(path.Base(name))
	for _, suffix := range templateSuffixes {
		if strings.HasSuffix(lower, suffix) {
			return true
		}
	}
	return false
}

// IsTemplate reports whether the file is a template for a Dockerfile: an
// instruction line starts with a Go, jq or Jinja template tag ("{{", "{%")
// or the end of one ("}}", "%}"). docker rejects such a line, so a
// Dockerfile that docker builds never has one.
func (f *File) IsTemplate() bool {
	for _, in := range f.Instructions {
		keyword := string(f.Content[in.KeywordSpan.Start:in.KeywordSpan.End])
		if strings.HasPrefix(keyword, "{{") || strings.HasPrefix(keyword, "{%") ||
			strings.HasSuffix(keyword, "}}") || strings.HasSuffix(keyword, "%}") {
			return true
		}
	}
	return false
}
