package shell

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/position"
)

// parseShebang reads the "#!" line at the start of content, after a byte
// order mark if there is one; nil when there is none.
func parseShebang(content []byte) *Shebang {
	start := 0
	if bytes.HasPrefix(content, []byte(bom)) {
		start = len(bom)
	}
	if !bytes.HasPrefix(content[start:], []byte("#!")) {
		return nil
	}
	end := start + bytes.IndexByte(content[start:], '\n')
	if end < start {
		end = len(content)
	}
	if end > start && content[end-1] == '\r' {
		end--
	}
	line := string(content[start+2 : end])
	return &Shebang{Interpreter: interpreter(line), Span: position.Span{Start: start, End: end}}
}

// interpreter returns the base name of the program a shebang line runs:
// "bash" for "/bin/bash -e" and for "/usr/bin/env -S bash -e".
func interpreter(line string) string {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return ""
	}
	name := filepath.Base(fields[0])
	if name != "env" {
		return name
	}
	for _, field := range fields[1:] {
		switch {
		case field == "-S" || field == "--split-string":
			continue
		case strings.HasPrefix(field, "-"), strings.Contains(field, "="):
			continue // an env option or a VAR=value setting
		}
		return filepath.Base(field)
	}
	return ""
}

// DetectDialect returns the dialect that a script's shebang names: Bash for
// bash, MirBSD for mksh and ksh, Zsh for zsh, and POSIX for everything
// else (sh, dash, ash, busybox), including no shebang.
func DetectDialect(content []byte) Dialect {
	shebang := parseShebang(content)
	if shebang == nil {
		return POSIX
	}
	return dialectOfInterpreter(shebang.Interpreter)
}

// dialectOfInterpreter maps an interpreter's base name to a Dialect.
func dialectOfInterpreter(name string) Dialect {
	switch strings.TrimSuffix(name, ".exe") {
	case "bash":
		return Bash
	case "mksh", "ksh", "ksh93", "lksh":
		return MirBSD
	case "zsh":
		return Zsh
	}
	return POSIX
}
