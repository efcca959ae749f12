package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/stackls/stackls/bench/internal/runner"
)

// Names of the servers that the bench finds by itself.
const (
	stacklsName    = "stackls"
	dockerfileName = "dockerfile-language-server-nodejs"
	composeName    = "compose-language-service"
	dockerLSName   = "docker-language-server"
)

// defaultPeersDir returns where bench/install-peers.sh installs the peers.
func defaultPeersDir() string {
	cache, err := os.UserCacheDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "stackls-bench", "peers")
	}
	return filepath.Join(cache, "stackls-bench", "peers")
}

// findPeers returns the peer servers that are installed in peersDir or,
// for docker-language-server, on PATH.
func findPeers(peersDir string) []runner.Server {
	var peers []runner.Server
	bin := filepath.Join(peersDir, "node_modules", ".bin")
	if path := filepath.Join(bin, "docker-langserver"); isExecutable(path) {
		peers = append(peers, runner.Server{
			Name: dockerfileName, Version: npmVersion(peersDir, "dockerfile-language-server-nodejs"),
			Argv: []string{path, "--stdio"}, Kinds: []runner.Kind{runner.KindDockerfile},
		})
	}
	if path := filepath.Join(bin, "docker-compose-langserver"); isExecutable(path) {
		peers = append(peers, runner.Server{
			Name: composeName, Version: npmVersion(peersDir, "@microsoft/compose-language-service"),
			Argv: []string{path, "--stdio"}, Kinds: []runner.Kind{runner.KindCompose},
		})
	}
	if path, err := exec.LookPath(dockerLSName); err == nil {
		peers = append(peers, runner.Server{
			Name: dockerLSName, Argv: []string{path, "start"},
			Kinds: []runner.Kind{runner.KindDockerfile, runner.KindCompose},
		})
	}
	return peers
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir() && info.Mode()&0o111 != 0
}

// npmVersion reads the version of an installed npm package, or "".
func npmVersion(dir, pkg string) string {
	data, err := os.ReadFile(filepath.Join(dir, "node_modules", filepath.FromSlash(pkg), "package.json"))
	if err != nil {
		return ""
	}
	var manifest struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(data, &manifest) != nil {
		return ""
	}
	return manifest.Version
}

// buildStackls builds ./cmd/stackls of the current module into dir the
// way releases are built (static, without cgo, symbols stripped) and
// returns the server's argv.
func buildStackls(dir string) ([]string, error) {
	bin := filepath.Join(dir, "stackls")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "./cmd/stackls")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build ./cmd/stackls (run the bench from the repository root, or pass -stackls): %w", err)
	}
	return []string{bin, "serve"}, nil
}

// stacklsVersion runs "stackls version" and returns its first line.
func stacklsVersion(argv []string) string {
	out, err := exec.Command(argv[0], "version").Output()
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line
}

// parseServerFlag parses "NAME[:KIND,KIND]=CMD ARG...". Without kinds the
// server runs every scenario.
func parseServerFlag(value string) (runner.Server, error) {
	head, command, ok := strings.Cut(value, "=")
	argv := strings.Fields(command)
	if !ok || len(argv) == 0 || head == "" {
		return runner.Server{}, fmt.Errorf("invalid -server %q: want NAME[:KIND,KIND]=COMMAND ARGS", value)
	}
	name, kindList, hasKinds := strings.Cut(head, ":")
	srv := runner.Server{Name: name, Argv: argv, Kinds: runner.Kinds}
	if hasKinds {
		kinds, err := parseKinds(kindList)
		if err != nil {
			return srv, err
		}
		srv.Kinds = kinds
	}
	return srv, nil
}

// parseKinds parses a comma-separated list of scenario names.
func parseKinds(list string) ([]runner.Kind, error) {
	var kinds []runner.Kind
	for _, name := range strings.Split(list, ",") {
		kind := runner.Kind(strings.TrimSpace(name))
		valid := false
		for _, k := range runner.Kinds {
			valid = valid || k == kind
		}
		if !valid {
			return nil, fmt.Errorf("unknown scenario %q: want dockerfile, compose or workspace", name)
		}
		kinds = append(kinds, kind)
	}
	return kinds, nil
}
