package workspace

import "github.com/stackls/stackls/position"

// TemplateRef is an envsubst-style "${NAME}" in a config file that an
// entrypoint fills in from the container's environment, as the nginx
// image's envsubst templates and php-fpm pool files do.
type TemplateRef struct {
	Name string
	Span position.Span // the name only
	Ref  position.Span // from "$" to the closing brace
	// HasDefault is set for "${NAME:-x}" and "${NAME-x}", which some
	// template tools accept and which need no value.
	HasDefault bool
}

// TemplateRefs returns the braced references "${NAME}" of content, in
// order. Bare "$name" is left out: in nginx and many other configs it is
// the program's own variable, not the container's.
func TemplateRefs(content []byte) []TemplateRef {
	var refs []TemplateRef
	for i := 0; i+2 < len(content); i++ {
		if content[i] != '$' || content[i+1] != '{' {
			continue
		}
		if i > 0 && content[i-1] == '$' {
			continue // "$${A}" is an escaped dollar in several template tools
		}
		start := i + 2
		end := start
		for end < len(content) && isNameByte(content[end], end == start) {
			end++
		}
		if end == start || end >= len(content) {
			continue
		}
		close := end
		for close < len(content) && content[close] != '}' && content[close] != '\n' {
			close++
		}
		if close >= len(content) || content[close] != '}' {
			continue
		}
		ref := TemplateRef{Name: string(content[start:end]), Span: position.Span{Start: start, End: end}, Ref: position.Span{Start: i, End: close + 1}}
		switch rest := string(content[end:close]); {
		case rest == "":
		case len(rest) >= 1 && rest[0] == '-', len(rest) >= 2 && rest[:2] == ":-":
			ref.HasDefault = true
		default:
			continue // "${a.b}", "${A/x}" and the like are not envsubst
		}
		refs = append(refs, ref)
		i = close
	}
	return refs
}

// TemplateRefAt returns the template reference whose "${...}" holds
// offset, or nil.
func TemplateRefAt(content []byte, offset int) *TemplateRef {
	for _, ref := range TemplateRefs(content) {
		if ref.Ref.Start <= offset && offset <= ref.Ref.End {
			return &ref
		}
	}
	return nil
}

// isNameByte reports whether b may appear in a variable name; first is set
// for its first byte, which may not be a digit.
func isNameByte(b byte, first bool) bool {
	letter := b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	return letter || !first && b >= '0' && b <= '9'
}
