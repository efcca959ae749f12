package workspace

import (
	"bytes"
	"sort"
	"strings"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
)

// HostToken is a word in a host position of a file, such as "mariadb" in
// "nc -z mariadb 3306", whether or not a service has that name.
type HostToken struct {
	Name string
	Span position.Span // the host name only
	Port string        // the port after "host:", or "" when none
}

// hostTokens returns the File's host tokens in source order, scanning the
// File on first use. Only scripts, config files, .env files and compose
// files have host positions.
func (f *File) hostTokens() []*HostToken {
	f.hostsOnce.Do(func() {
		if f.Skipped != "" {
			return
		}
		var found []*HostToken
		switch f.Kind {
		case KindShell:
			found = scanShell(f.Shell())
		case KindConfig:
			found = scanConfig(f.Content, 0, len(f.Content))
		case KindDotEnv:
			for _, e := range f.DotEnv().Entries {
				found = append(found, scanValue(f.Content, e.Key, e.ValueSpan)...)
			}
		case KindCompose:
			found = scanComposeEnvironment(f.Compose())
		}
		f.hosts = sortTokens(found)
	})
	return f.hosts
}

// sortTokens sorts tokens by offset and drops those found twice.
func sortTokens(tokens []*HostToken) []*HostToken {
	sort.SliceStable(tokens, func(i, j int) bool { return tokens[i].Span.Start < tokens[j].Span.Start })
	out := tokens[:0]
	for i, t := range tokens {
		if i == 0 || t.Span != tokens[i-1].Span {
			out = append(out, t)
		}
	}
	return out
}

// tokenHost returns the host token that tok names by its form. When bare
// is set, a host name alone counts too. It returns nil when tok names no
// host.
func tokenHost(tok textToken, bare bool) *HostToken {
	if host, offset, port, ok := hostForm(tok.text); ok {
		start := tok.start + offset
		return &HostToken{Name: host, Span: position.Span{Start: start, End: start + len(host)}, Port: port}
	}
	if bare && isHostname(tok.text) {
		return &HostToken{Name: tok.text, Span: position.Span{Start: tok.start, End: tok.start + len(tok.text)}}
	}
	return nil
}

// scanValue returns the hosts in the value of a variable called key, such
// as an environment entry: host forms always, a bare name when key names a
// host.
func scanValue(content []byte, key string, span position.Span) []*HostToken {
	if !span.Valid() || span.End > len(content) {
		return nil
	}
	var found []*HostToken
	for _, tok := range splitTokens(string(content[span.Start:span.End]), span.Start) {
		bare := isHostKey(key) && tok.key == ""
		if tok.key != "" {
			bare = isHostKey(tok.key)
		}
		if h := tokenHost(tok, bare); h != nil {
			found = append(found, h)
		}
	}
	return found
}

// scanComposeEnvironment returns the hosts in the environment values of
// every service of a compose file.
func scanComposeEnvironment(model *compose.File) []*HostToken {
	var found []*HostToken
	for _, svc := range model.Services {
		for _, kv := range svc.Environment {
			if kv.HasValue {
				found = append(found, scanValue(model.Content, kv.Key, kv.ValueSpan)...)
			}
		}
	}
	return found
}

// scanConfig returns the hosts of a config file's lines between offsets
// from and to. Comment lines, and the rest of a line after a "#" that
// follows a blank, are skipped.
func scanConfig(content []byte, from, to int) []*HostToken {
	var found []*HostToken
	for start := from; start < to; {
		end := bytes.IndexByte(content[start:to], '\n')
		if end < 0 {
			end = to
		} else {
			end += start
		}
		line := stripComment(string(content[start:end]))
		found = append(found, scanLine(line, start)...)
		start = end + 1
	}
	return found
}

// stripComment returns line without its comment: a whole line that starts
// with "#", ";" or "//", or a "#" after a blank and what follows.
func stripComment(line string) string {
	trimmed := strings.TrimLeft(line, " \t")
	if strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, ";") || strings.HasPrefix(trimmed, "//") {
		return ""
	}
	for i := 1; i < len(line); i++ {
		if line[i] == '#' && (line[i-1] == ' ' || line[i-1] == '\t') {
			return line[:i]
		}
	}
	return line
}

// scanLine returns the hosts of one config line that starts at offset
// base: host forms, and a bare name whose key (before "=") or previous
// token names a host.
func scanLine(line string, base int) []*HostToken {
	var found []*HostToken
	previous := ""
	for _, tok := range splitTokens(line, base) {
		bare := isHostKey(previous)
		if tok.key != "" {
			bare = isHostKey(tok.key)
		}
		if h := tokenHost(tok, bare); h != nil {
			found = append(found, h)
		}
		if tok.text != ":" && tok.text != "=>" {
			previous = tok.text
		}
	}
	return found
}

// scanShell returns the hosts of a script: in the arguments of its
// commands, in the values of its assignments and in its here-documents,
// which often write a config file.
func scanShell(model *shell.File) []*HostToken {
	var found []*HostToken
	for _, cmd := range model.Commands {
		found = append(found, scanCommand(model.Content, cmd)...)
	}
	for _, def := range model.VarDefs {
		if def.Value != nil && !def.HasDefault {
			found = append(found, scanValue(model.Content, def.Name, def.Value.Span)...)
		}
	}
	for _, doc := range model.Heredocs {
		found = append(found, scanConfig(model.Content, doc.Body.Start, doc.Body.End)...)
	}
	return found
}
