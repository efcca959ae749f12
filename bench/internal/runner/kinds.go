package runner

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
)

var dockerfileProbes = map[Method][]pattern{
	Hover: {
		p(`(?m)^(FROM|RUN|COPY|ADD|ENV|ARG|WORKDIR|EXPOSE|ENTRYPOINT|CMD|LABEL|USER|HEALTHCHECK)\b`),
		p(`--from=([\w.-]+)`),
		p(`\$\{(\w+)`),
	},
	Definition: {
		p(`--from=([\w.-]+)`),
		p(`\$\{(\w+)`),
		p(`(?m)^(?:COPY|ADD)\s+(?:--\S+\s+)*([\w][\w./-]*)\s`),
	},
	Completion: {
		p(`(?m)^()\r?\n`), // blank lines: instruction keywords
	},
	References: {
		p(`(?m)^FROM\s+\S+\s+[Aa][Ss]\s+([\w.-]+)`),
		p(`(?m)^ARG\s+(\w+)`),
		p(`--from=([\w.-]+)`),
	},
}

// firstFromLine finds the line after the first FROM, where the edit loop
// inserts a RUN instruction.
var firstFromLine = regexp.MustCompile(`(?m)^FROM[^\n]*\n()`)

func dockerfileScenario(root, path, content string) *Scenario {
	sc := &Scenario{
		Kind: KindDockerfile, Workspace: root, File: path, LanguageID: "dockerfile", Content: content,
		Probes: map[Method][]int{},
	}
	for method, patterns := range dockerfileProbes {
		sc.Probes[method] = probeOffsets(content, patterns, positionsPerPattern)
	}
	sc.EditText = "RUN echo bench-edit\n"
	if m := firstFromLine.FindStringSubmatchIndex(content); m != nil {
		sc.EditOffset = m[2]
	}
	return sc
}

var composeProbes = map[Method][]pattern{
	Hover: {
		p(`(?m)^\s+(image|build|restart|depends_on|environment|networks|volumes|ports|container_name|env_file|healthcheck|logging):`),
		p(`\$\{(\w+)`),
		p(`(?m)^\s+depends_on:[ \t]*\r?\n\s+-\s+([\w.-]+)`),
	},
	Definition: {
		p(`(?m)^\s+depends_on:[ \t]*\r?\n\s+-\s+([\w.-]+)`),
		p(`(?m)^\s+depends_on:[ \t]*\r?\n\s+([\w.-]+):`),
		p(`\$\{(\w+)`),
		p(`(?m)^\s{3,}networks:[ \t]*\r?\n\s+-\s+([\w.-]+)`),
		p(`://([a-z][\w-]*):\d+`),
	},
	Completion: {
		p(`(?m)^()\r?\n`), // blank lines: top-level keys
		p(`(?m)^\s+()restart:`),
		p(`(?m)^\s+restart:[ \t]()`),
		p(`(?m)^\s+()image:`),
	},
}

func composeScenario(root, path, content string) *Scenario {
	sc := &Scenario{
		Kind: KindCompose, Workspace: root, File: path, LanguageID: "dockercompose", Content: content,
		Probes: map[Method][]int{},
	}
	for method, patterns := range composeProbes {
		sc.Probes[method] = probeOffsets(content, patterns, positionsPerPattern)
	}
	services := composeServices(content)
	keys := make([]int, 0, len(services))
	for _, name := range sortedKeys(services) {
		keys = append(keys, services[name])
	}
	slices.Sort(keys)
	sc.Probes[References] = spread(keys, positionsPerPattern)
	sc.Probes[Hover] = append(sc.Probes[Hover], spread(keys, 2)...)

	// Insert an extension key as the first key of the first service.
	if len(keys) > 0 {
		lineEnd := strings.IndexByte(content[keys[0]:], '\n')
		if lineEnd >= 0 {
			next := keys[0] + lineEnd + 1
			indent := len(content[next:]) - len(strings.TrimLeft(content[next:], " "))
			sc.EditOffset = next
			sc.EditText = strings.Repeat(" ", indent) + "x-bench-edit: \"1\"\n"
		}
	}
	if sc.EditText == "" {
		sc.EditText = "# bench edit\n"
	}
	return sc
}

// workspaceScenario opens the script that uses the most service names as
// hosts and probes those uses.
func workspaceScenario(root string, files workspaceFiles, file string) (*Scenario, error) {
	services := map[string]ServiceKey{}
	names := map[string]bool{}
	for _, path := range files.composeFiles {
		content, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read compose file: %w", err)
		}
		for name, offset := range composeServices(string(content)) {
			names[name] = true
			if _, seen := services[name]; !seen {
				services[name] = ServiceKey{File: path, Offset: offset}
			}
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: no compose service", ErrNoFile)
	}

	sc, err := bestOf(files.scripts, file, func(path, content string) *Scenario {
		hosts := hostOffsets(content, names)
		return &Scenario{
			Kind: KindWorkspace, Workspace: root, File: path, LanguageID: "shellscript", Content: content,
			Probes:   map[Method][]int{Hover: spread(hosts, 8), Definition: spread(hosts, 8), References: spread(hosts, 8)},
			Services: services,
		}
	})
	if err != nil {
		return nil, err
	}
	if len(sc.Probes[Definition]) == 0 {
		return nil, fmt.Errorf("%w: no shell script uses a service name as a host", ErrNoFile)
	}

	// Edit: insert a command after the first line (the shebang).
	sc.EditText = "echo bench-edit\n"
	if i := strings.IndexByte(sc.Content, '\n'); i >= 0 {
		sc.EditOffset = i + 1
	}
	return sc, nil
}

// wordAt returns the host-like word that starts at offset.
func wordAt(content string, offset int) string {
	end := offset
	for end < len(content) && hostChar(content[end]) {
		end++
	}
	return content[offset:end]
}
