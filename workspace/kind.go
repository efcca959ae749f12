package workspace

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Kind is the kind of a file, which decides its model and its features.
type Kind int

const (
	// KindUnknown is a file stackls does not model.
	KindUnknown Kind = iota
	// KindDockerfile is a Dockerfile or Containerfile.
	KindDockerfile
	// KindCompose is a compose file.
	KindCompose
	// KindShell is a shell script, such as an entrypoint.
	KindShell
	// KindMakefile is a Makefile.
	KindMakefile
	// KindDotEnv is a ".env" file.
	KindDotEnv
	// KindConfig is a text config file, such as an nginx or MariaDB
	// config, that may name services as hosts.
	KindConfig
)

var kindNames = [...]string{"unknown", "dockerfile", "compose", "shell", "makefile", "dotenv", "config"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// DetectKind decides a file's kind from its OS path, the LSP languageId the
// client sent ("" for a file read from disk) and its content. The name wins
// over a generic languageId such as "yaml" or "plaintext", and a file is a
// Dockerfile only by its name or an explicit "dockerfile" languageId.
func DetectKind(path, languageID string, content []byte) Kind {
	if kind := kindFromName(filepath.Base(path)); kind != KindUnknown {
		return kind
	}
	switch strings.ToLower(languageID) {
	case "dockerfile":
		return KindDockerfile
	case "dockercompose", "yaml.docker-compose":
		return KindCompose
	case "shellscript", "sh", "bash":
		return KindShell
	case "makefile", "make":
		return KindMakefile
	case "dotenv":
		return KindDotEnv
	}
	if isShellShebang(content) {
		return KindShell
	}
	return KindUnknown
}

// kindFromName returns the kind that a base name implies, or KindUnknown.
func kindFromName(base string) Kind {
	lower := strings.ToLower(base)
	ext := filepath.Ext(lower)
	switch {
	case lower == "dockerfile" || lower == "containerfile",
		strings.HasPrefix(lower, "dockerfile.") && ext != ".dockerignore",
		strings.HasPrefix(lower, "containerfile."),
		ext == ".dockerfile" || ext == ".containerfile":
		return KindDockerfile
	case IsComposeName(lower):
		return KindCompose
	case lower == "makefile" || lower == "gnumakefile" || ext == ".mk":
		return KindMakefile
	case lower == ".env" || ext == ".env",
		strings.HasPrefix(lower, ".env.") && !notDotEnvExtensions[ext]:
		return KindDotEnv
	case ext == ".sh" || ext == ".bash" || ext == ".ash" || ext == ".dash":
		return KindShell
	case ext == ".conf" || ext == ".cnf" || ext == ".ini" || ext == ".cfg":
		return KindConfig
	}
	return KindUnknown
}

// notDotEnvExtensions are the extensions that make a ".env.*" name a file
// of another format: a diff of a .env file, an encrypted copy, or a script
// or data file named after the variables it holds.
var notDotEnvExtensions = map[string]bool{
	".patch": true, ".diff": true, ".rej": true,
	".gpg": true, ".asc": true, ".age": true, ".enc": true,
	".sh": true, ".bash": true, ".ps1": true, ".bat": true, ".cmd": true,
	".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".py": true, ".php": true, ".rb": true,
	".json": true, ".yaml": true, ".yml": true, ".toml": true, ".md": true,
}

// IsComposeName reports whether a base name is one that docker compose
// reads by default or by convention: compose.yaml, docker-compose.yml,
// compose.override.yaml, compose.prod.yml and the like.
func IsComposeName(base string) bool {
	lower := strings.ToLower(base)
	ext := filepath.Ext(lower)
	if ext != ".yaml" && ext != ".yml" {
		return false
	}
	stem := strings.TrimSuffix(lower, ext)
	return stem == "compose" || stem == "docker-compose" ||
		strings.HasPrefix(stem, "compose.") || strings.HasPrefix(stem, "docker-compose.")
}

// isShellShebang reports whether content starts with a "#!" line that runs
// a POSIX-family shell.
func isShellShebang(content []byte) bool {
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(content, []byte("#!")) {
		return false
	}
	line := content[2:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	fields := strings.Fields(strings.TrimSpace(string(line)))
	if len(fields) == 0 {
		return false
	}
	interp := filepath.Base(fields[0])
	if interp == "env" {
		interp = ""
		for _, field := range fields[1:] {
			if !strings.HasPrefix(field, "-") {
				interp = filepath.Base(field)
				break
			}
		}
	}
	switch interp {
	case "sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox":
		return true
	}
	return false
}
