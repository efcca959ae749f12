package workspace

import (
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/shell"
)

// networkCommands take a host as a bare argument: "nc -z mariadb 3306".
var networkCommands = map[string]bool{
	"nc": true, "ncat": true, "netcat": true, "nc.openbsd": true, "nc.traditional": true,
	"ping": true, "ping6": true, "telnet": true, "nslookup": true, "dig": true, "host": true,
	"getent": true, "curl": true, "wget": true, "ssh": true, "traceroute": true,
	"wait-for-it": true, "wait-for-it.sh": true, "wait-for": true,
}

// commandWrappers run the command that follows them; "exec nc -z db 1"
// runs nc.
var commandWrappers = map[string]bool{
	"exec": true, "command": true, "nohup": true, "sudo": true, "env": true,
	"time": true, "nice": true, "busybox": true, "timeout": true,
}

// scanCommand returns the hosts in the arguments of one simple command.
func scanCommand(content []byte, cmd *shell.Command) []*HostToken {
	if cmd.Name == nil {
		return nil
	}
	words := append([]*shell.Word{cmd.Name}, cmd.Args...)
	network, first := effectiveCommand(words)

	var found []*HostToken
	previous := "" // the option before the word, such as "-h"
	for i := first + 1; i < len(words); i++ {
		w := words[i]
		if w.Literal == "--" && !w.Dynamic {
			network = false // the command that wait-for-it and the like run
		}
		raw := string(content[w.Span.Start:w.Span.End])
		option := strings.HasPrefix(w.Literal, "-")
		for _, tok := range splitTokens(raw, w.Span.Start) {
			bare := isHostKey(previous) || (network && !option && tok.key == "")
			if tok.key != "" {
				bare = isHostKey(tok.key)
			}
			if h := tokenHost(tok, bare); h != nil {
				found = append(found, h)
			}
		}
		previous = ""
		if option && !w.Dynamic {
			previous = w.Literal
		}
	}
	return found
}

// effectiveCommand returns whether the command that words run, after
// wrappers such as exec and timeout, is a network command, and the index
// of its name in words. getent's database argument is skipped too.
func effectiveCommand(words []*shell.Word) (network bool, index int) {
	for index < len(words) {
		name := filepath.Base(words[index].Literal)
		switch {
		case words[index].Dynamic:
			return false, index
		case commandWrappers[name], strings.HasPrefix(name, "-"), strings.Contains(name, "="), isNumber(name):
			index++
			continue
		case name == "getent":
			return true, index + 1
		}
		return networkCommands[name], index
	}
	return false, index
}

// isNumber reports whether s is a number or a duration such as "5s", the
// first argument of timeout.
func isNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' && s[i] != 's' {
			return false
		}
	}
	return true
}
