package diagnostics

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/shell"
	"github.com/stackls/stackls/workspace"
)

// portCommands take a port as the argument after the host: "nc -z db 5432".
var portCommands = map[string]bool{
	"nc": true, "ncat": true, "netcat": true, "nc.openbsd": true, "nc.traditional": true, "telnet": true,
}

// lowerPortFlag lists the clients whose "-p" is the port; for mysql and
// mariadb clients "-p" is the password and "-P" the port.
var lowerPortFlag = map[string]bool{"psql": true, "pg_isready": true, "redis-cli": true, "pg_dump": true}

// hostPortDiagnostics returns a warning for each use of a service as a
// host with a port in the file f, when the service declares ports and
// none of them is that one. model is the script's model, nil for a config
// file, where only "host:port" gives a port.
func hostPortDiagnostics(snap *workspace.Snapshot, f *workspace.File, model *shell.File) []*Diagnostic {
	var diags []*Diagnostic
	for _, use := range snap.Index().HostCandidates(f.URI) {
		if len(use.Defs) == 0 {
			continue
		}
		port, span, ok := usePort(f.Content, model, use)
		if !ok {
			continue
		}
		for _, def := range use.Defs {
			if d := portDiagnostic(f.URI, snap, def, port, span); d != nil {
				diags = append(diags, d)
				break
			}
		}
	}
	return diags
}

// portDiagnostic returns the warning for a connection to port of the
// service def, or nil when its container declares that port or stackls
// cannot know its ports.
func portDiagnostic(uri position.URI, snap *workspace.Snapshot, def *workspace.ServiceDef, port int, span position.Span) *Diagnostic {
	ct := workspace.ContainerOf(snap, def)
	if ct == nil || !ct.PortsComplete || len(ct.Ports) == 0 || ct.HasPort(port) {
		return nil
	}
	var declared []string
	var related []Related
	seen := map[string]bool{}
	for _, p := range ct.Ports {
		text := strconv.Itoa(p.From)
		if p.To != p.From {
			text += "-" + strconv.Itoa(p.To)
		}
		if !seen[text] {
			seen[text] = true
			declared = append(declared, text)
		}
		if p.Location.URI != "" {
			related = append(related, Related{Location: p.Location, Message: "declared by " + p.Kind})
		}
	}
	sort.Strings(declared)
	d := ruleAt(ruleHostPortNotExposed, span, fmt.Sprintf("service %s does not publish or expose port %d; it declares %s",
		quote(def.Service.Name), port, strings.Join(quoteAll(declared), ", ")))
	d.Related = related
	if len(declared) == 1 && !strings.Contains(declared[0], "-") {
		d.Fixes = []*Fix{{Title: "Change to " + quote(declared[0]), Preferred: true, Edits: map[position.URI][]position.TextEdit{uri: {{Span: span, NewText: declared[0]}}}}}
	}
	return d
}

// usePort returns the port that a host use connects to and its Span:
// "db:5432", "nc -z db 5432", "-P 3306" or "--port=3306" in the same
// command. ok is false when there is no port or it is a variable.
func usePort(content []byte, model *shell.File, use *workspace.HostUse) (int, position.Span, bool) {
	hostEnd := use.Location.Span.End
	if use.Port != "" {
		start := hostEnd + 1
		if n, err := strconv.Atoi(use.Port); err == nil && start+len(use.Port) <= len(content) && string(content[start:start+len(use.Port)]) == use.Port {
			return n, position.Span{Start: start, End: start + len(use.Port)}, true
		}
		return 0, position.Span{}, false
	}
	if model == nil {
		return 0, position.Span{}, false
	}
	cmd := commandAt(model, use.Location.Span)
	if cmd == nil {
		return 0, position.Span{}, false
	}
	return commandPort(content, cmd, use.Location.Span)
}

// commandAt returns the innermost command whose words hold span.
func commandAt(model *shell.File, span position.Span) *shell.Command {
	var found *shell.Command
	for _, cmd := range model.Commands {
		if cmd.Span.Start <= span.Start && span.End <= cmd.Span.End {
			if found == nil || cmd.Span.Len() < found.Span.Len() {
				found = cmd
			}
		}
	}
	return found
}

// commandPort finds the port argument of a command that connects to the
// host at hostSpan.
func commandPort(content []byte, cmd *shell.Command, hostSpan position.Span) (int, position.Span, bool) {
	words := append([]*shell.Word{cmd.Name}, cmd.Args...)
	program := ""
	for i, w := range words {
		if w == nil || w.Dynamic {
			continue
		}
		name := path.Base(w.Literal)
		if program == "" && !strings.HasPrefix(name, "-") && name != "exec" && name != "timeout" && name != "command" {
			program = name
		}
		next := func() (int, position.Span, bool) {
			if i+1 < len(words) {
				return literalPort(words[i+1])
			}
			return 0, position.Span{}, false
		}
		switch {
		case w.Span.Start <= hostSpan.Start && hostSpan.End <= w.Span.End && portCommands[program]:
			return next()
		case w.Literal == "--port" || w.Literal == "-P" || w.Literal == "-p" && lowerPortFlag[program]:
			return next()
		case strings.HasPrefix(w.Literal, "--port="):
			raw := string(content[w.Span.Start:w.Span.End])
			value := strings.TrimPrefix(w.Literal, "--port=")
			if n, err := strconv.Atoi(value); err == nil && strings.HasSuffix(raw, value) {
				return n, position.Span{Start: w.Span.End - len(value), End: w.Span.End}, true
			}
		}
	}
	return 0, position.Span{}, false
}

// literalPort reads a word that is a port number as written.
func literalPort(w *shell.Word) (int, position.Span, bool) {
	if w == nil || w.Dynamic || w.Span.Len() != len(w.Literal) {
		return 0, position.Span{}, false
	}
	n, err := strconv.Atoi(w.Literal)
	if err != nil || n <= 0 || n > 65535 {
		return 0, position.Span{}, false
	}
	return n, w.Span, true
}
