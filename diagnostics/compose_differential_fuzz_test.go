package diagnostics_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose"
	"github.com/stackls/stackls/diagnostics"
	"github.com/stackls/stackls/internal/testws"
	"gopkg.in/yaml.v3"
)

// differentialSeeds are valid compose files that the fuzz target mutates.
// Each one loads without error in compose-go and in stackls, with the
// files of differentialSideFiles next to it.
var differentialSeeds = []string{
	`name: shop
services:
  web:
    build:
      context: ./app
      dockerfile: Dockerfile
      target: runtime
      args:
        VERSION: ${TAG:-1.0}
    ports:
      - "8080:80"
      - target: 443
        published: "8443"
        protocol: tcp
    depends_on:
      db:
        condition: service_healthy
        restart: true
    environment:
      - APP_ENV=production
      - DB_HOST=db
    networks:
      - front
      - back
  db:
    image: mariadb:${DB_VERSION:-11}
    environment:
      MARIADB_DATABASE: shop
      MARIADB_PASSWORD_FILE: /run/secrets/db_password
    secrets:
      - db_password
    volumes:
      - db-data:/var/lib/mysql
    healthcheck:
      test: ["CMD", "healthcheck.sh", "--connect"]
      interval: 10s
      timeout: 5s
      retries: 3
    networks:
      back:
        aliases:
          - database
networks:
  front: {}
  back:
    driver: bridge
volumes:
  db-data:
secrets:
  db_password:
    file: ./db_password.txt
`,
	`services:
  api:
    image: "${REGISTRY:-docker.io}/acme/api:${TAG}"
    env_file:
      - app.env
    command: ["serve", "--port", "${PORT:-8000}"]
    ports:
      - "127.0.0.1:${PORT:-8000}:8000"
    profiles: ["api", "full"]
    restart: unless-stopped
  worker:
    image: acme/worker
    depends_on:
      - api
    profiles:
      - full
    deploy:
      replicas: 2
      resources:
        limits:
          memory: 256M
`,
	`services:
  proxy:
    image: nginx:1.27
    volumes:
      - type: bind
        source: ./app
        target: /usr/share/nginx/html
        read_only: true
      - cache:/var/cache/nginx
    ports:
      - 80:80
    healthcheck:
      test: curl -f http://localhost/ || exit 1
      start_period: 30s
    labels:
      com.example.role: proxy
    logging:
      driver: json-file
      options:
        max-size: 10m
volumes:
  cache:
    driver: local
`,
	`x-common: &common
  restart: always
  environment:
    TZ: ${TZ-UTC}
services:
  cron:
    <<: *common
    image: alpine:3.20
    entrypoint: ["/bin/sh", "-c"]
    command:
      - echo $${HOME}
    configs:
      - source: crontab
        target: /etc/crontabs/root
  queue:
    <<: *common
    image: redis:7
    expose:
      - "6379"
    ulimits:
      nofile:
        soft: 1024
        hard: 2048
configs:
  crontab:
    file: ./app/crontab
`,
}

// differentialSideFiles are written next to the compose file, so the
// loader finds the build context, env_file, secret and config file that
// the seeds name.
var differentialSideFiles = map[string]string{
	".env":            "TAG=2.1\nDB_VERSION=11.4\nPORT=8000\nREGISTRY=ghcr.io\n",
	"app.env":         "LOG_LEVEL=info\n",
	"db_password.txt": "secret\n",
	"app/Dockerfile":  "FROM alpine:3.20 AS runtime\nCMD [\"true\"]\n",
	"app/crontab":     "* * * * * true\n",
}

// composeDifferentialKnownDifferences are the mutated files where our error
// verdict may differ from compose-go's loader, each with its reason.
var composeDifferentialKnownDifferences = []struct {
	name    string
	reason  string
	applies func(c *differentialResult) bool
}{
	{
		name:   "empty file",
		reason: "compose-go rejects a file that is blank or an empty mapping (`{}`) as an empty compose file; stackls does not flag a file that is being written",
		applies: func(c *differentialResult) bool {
			return c.loadErr != nil && len(c.ours) == 0 &&
				(isBlankYAML(c.content) || strings.Contains(c.loadErr.Error(), "empty compose file"))
		},
	},
	{
		// NOTE: this entry is a stackls gap, not a deliberate difference.
		// Remove it when the cast check exists.
		name: "interpolated value not cast",
		reason: "compose-go casts the interpolated string of a boolean or number field (read_only, replicas, ...) " +
			"and rejects `2.1` for a boolean; the schema allows any string there and stackls does not yet apply compose-go's cast table",
		applies: func(c *differentialResult) bool {
			return c.loadErr != nil && len(c.ours) == 0 && strings.Contains(c.loadErr.Error(), "failed to cast to expected type")
		},
	},
	{
		name: "image from an unset variable",
		reason: "an `image` that is only an unset variable reads as empty to compose-go, which then finds no image; " +
			"the shell that runs docker compose may set the variable, so stackls warns UnsetVariable instead of an error",
		applies: func(c *differentialResult) bool {
			return c.loadErr != nil && len(c.ours) == 0 && unsetVariableImage(c.content, c.loadErr)
		},
	},
	{
		name: "value from an unset variable",
		reason: "a value written with a variable that is not set reads as the rest of its text to compose-go, such as `1` for a duration `1${A}` " +
			"or nothing for a port or a volume `${A}`, which it rejects; the shell that runs docker compose may set the variable, " +
			"so stackls checks such a value only when every variable has a value and warns UnsetVariable otherwise. " +
			"NOTE: this entry also covers any other compose-go error in a file where stackls warns UnsetVariable",
		applies: func(c *differentialResult) bool {
			return c.loadErr != nil && len(c.ours) == 0 && c.unsetVariable
		},
	},
	{
		name: "service behind a profile",
		reason: "compose-go checks only the services of the active profiles, and the test activates none; " +
			"stackls checks every service, because `docker compose --profile NAME` fails on the same error",
		applies: func(c *differentialResult) bool {
			return c.loadErr == nil && allInProfiledServices(c.content, c.ours)
		},
	},
	{
		// NOTE: this entry is a stackls gap, not a deliberate difference.
		name: "interpolated reference name",
		reason: "stackls skips a service, volume, network, secret or config reference written with `${...}`, " +
			"so it misses one that interpolates to an undefined name; compose-go checks the interpolated name",
		applies: func(c *differentialResult) bool {
			return c.loadErr != nil && len(c.ours) == 0 && strings.Contains(c.loadErr.Error(), " refers to undefined ")
		},
	},
}

// composeGoVerdictRecovered is composeGoVerdict that returns the value of
// a panic in compose-go's loader apart. compose-go v2.16.2 panics, for
// example, on a long-syntax volume whose target is a number.
func composeGoVerdictRecovered(path string) (err error, crashed any) {
	defer func() {
		crashed = recover()
	}()
	return composeGoVerdict(path), nil
}

// allInProfiledServices reports whether each diagnostic lies inside a
// service that has `profiles`.
func allInProfiledServices(content []byte, diags []*diagnostics.Diagnostic) bool {
	model := compose.Parse(content)
	for _, d := range diags {
		inside := false
		for _, svc := range model.Services {
			if svc.Span.Start <= d.Span.Start && d.Span.End <= svc.Span.End && compose.Lookup(svc.Node, "profiles") != nil {
				inside = true
			}
		}
		if !inside {
			return false
		}
	}
	return true
}

// unsetVariableImage reports whether loadErr is about a service without
// an image whose `image` value is written with a variable.
func unsetVariableImage(content []byte, loadErr error) bool {
	name, found := strings.CutPrefix(loadErr.Error(), "service \"")
	name, _, cut := strings.Cut(name, "\" has neither an image nor a build context")
	if !found || !cut {
		return false
	}
	var file struct {
		Services map[string]struct {
			Image any `yaml:"image"`
		} `yaml:"services"`
	}
	if yaml.Unmarshal(content, &file) != nil {
		return false
	}
	image, ok := file.Services[name].Image.(string)
	return ok && strings.Contains(image, "$")
}

// differentialResult is one compose file with both verdicts.
type differentialResult struct {
	content []byte
	loadErr error
	ours    []*diagnostics.Diagnostic
	// unsetVariable is set when stackls warned UnsetVariable.
	unsetVariable bool
}

// isBlankYAML reports whether a file holds only comments and blank lines.
func isBlankYAML(content []byte) bool {
	for _, line := range strings.Split(string(content), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && line != "---" && !strings.HasPrefix(line, "#") {
			return false
		}
	}
	return true
}

// differentialRegressionDir holds compose files saved from fuzz runs; each
// starts with a comment saying what it checks.
const differentialRegressionDir = "testdata/compose-differential"

func loadDifferentialRegressions(f *testing.F) []string {
	paths, err := filepath.Glob(filepath.Join(differentialRegressionDir, "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	sort.Strings(paths)
	var docs []string
	for _, path := range paths {
		content, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		docs = append(docs, string(content))
	}
	return docs
}

// FuzzComposeDifferential mutates valid compose files and requires that
// stackls reports an error-severity diagnostic exactly when compose-go's
// loader rejects the file, except for composeDifferentialKnownDifferences.
// The input is a document index (built-in seeds first, then the files of
// differentialRegressionDir), a mutation program read three bytes at a
// time by mutateCompose, and a word that some mutations insert.
func FuzzComposeDifferential(f *testing.F) {
	docs := append(append([]string{}, differentialSeeds...), loadDifferentialRegressions(f)...)
	for i := range docs {
		f.Add(uint8(i), []byte{}, "")
	}
	for op := range byte(mutationCount) {
		f.Add(uint8(op)%uint8(len(differentialSeeds)), []byte{op, 7 * op, op}, "imgae")
	}
	f.Fuzz(func(t *testing.T, doc uint8, program []byte, word string) {
		if len(program) > 3*maxMutations || len(word) > 64 {
			t.Skip("input larger than the mutations need")
		}
		content, ok := mutateCompose(docs[int(doc)%len(docs)], program, word)
		if !ok {
			t.Skip("mutation did not produce a file")
		}
		checkComposeDifferential(t, content)
	})
}

// checkComposeDifferential writes content as compose.yaml into a test
// workspace with differentialSideFiles and compares the two verdicts.
func checkComposeDifferential(t *testing.T, content []byte) {
	var archive strings.Builder
	archive.WriteString("-- compose.yaml --\n")
	archive.Write(content)
	if len(content) > 0 && content[len(content)-1] != '\n' {
		archive.WriteString("\n")
	}
	names := make([]string, 0, len(differentialSideFiles))
	for name := range differentialSideFiles {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&archive, "-- %s --\n%s", name, differentialSideFiles[name])
	}
	files, _, err := testws.Parse(archive.String())
	if err != nil || !bytes.Equal(bytes.TrimSuffix(files["compose.yaml"], []byte("\n")), bytes.TrimSuffix(content, []byte("\n"))) {
		t.Skip("content cannot be written as a test archive")
	}
	ws := testws.New(t, archive.String())
	content = ws.Content("compose.yaml")

	snap := ws.Open("compose.yaml", "dockercompose")
	loadErr, crashed := composeGoVerdictRecovered(ws.Path("compose.yaml"))
	if crashed != nil {
		// The reference has no verdict; stackls must still check the file.
		diagnostics.File(context.Background(), snap, ws.URI("compose.yaml"))
		t.Skipf("compose-go panicked on this file: %v", crashed)
	}
	result := &differentialResult{content: content, loadErr: loadErr}
	for _, d := range diagnostics.File(context.Background(), snap, ws.URI("compose.yaml")) {
		if d.Severity == diagnostics.Error && buildTimeRules[d.Code] == "" {
			result.ours = append(result.ours, d)
		}
		if d.Code == "UnsetVariable" {
			result.unsetVariable = true
		}
	}
	if (result.loadErr != nil) == (len(result.ours) > 0) {
		return
	}
	for _, known := range composeDifferentialKnownDifferences {
		if known.applies(result) {
			t.Logf("known difference %q: %s", known.name, known.reason)
			return
		}
	}
	var ours []string
	for _, d := range result.ours {
		ours = append(ours, fmt.Sprintf("%s at %d-%d %q: %s", d.Code, d.Span.Start, d.Span.End, content[d.Span.Start:d.Span.End], d.Message))
	}
	t.Errorf("verdicts differ on\n%s\ncompose-go: %v\nstackls errors: %q", content, result.loadErr, ours)
}

// Mutations that mutateCompose applies. Each reads a target byte, which
// picks a node or line, and a parameter byte, which picks a variant.
const (
	mutationDelete = iota
	mutationDuplicate
	mutationRetype
	mutationMisspell
	mutationInterpolate
	mutationReindent
	mutationCount
)

const maxMutations = 4

// mutateCompose applies a mutation program to a compose document: the
// tree mutations to its yaml.v3 node tree, then the textual ones to the
// encoded text. A document that is not valid YAML (a saved regression)
// receives the textual mutations only.
func mutateCompose(doc string, program []byte, word string) ([]byte, bool) {
	if len(program) < 3 {
		return []byte(doc), true
	}
	var root yaml.Node
	text := []byte(doc)
	var reindents [][2]byte
	if err := yaml.Unmarshal([]byte(doc), &root); err == nil && root.Kind == yaml.DocumentNode {
		for i := 0; i+2 < len(program); i += 3 {
			op, target, param := program[i]%mutationCount, program[i+1], program[i+2]
			if op == mutationReindent {
				reindents = append(reindents, [2]byte{target, param})
				continue
			}
			mutateTree(&root, op, target, param, word)
		}
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(&root); err != nil {
			return nil, false
		}
		text = buf.Bytes()
	} else {
		for i := 0; i+2 < len(program); i += 3 {
			reindents = append(reindents, [2]byte{program[i+1], program[i+2]})
		}
	}
	for _, r := range reindents {
		text = reindentLine(text, r[0], r[1])
	}
	return text, true
}

// nodeSlot is a place in a mapping or sequence: for a mapping, index is
// the key's position in Content and the value follows it.
type nodeSlot struct {
	parent *yaml.Node
	index  int
}

// collectSlots lists the mapping entries and sequence items under n in
// document order, skipping aliases so a mutation never edits an anchor
// through its alias.
func collectSlots(n *yaml.Node, mappings, sequences bool, out []nodeSlot) []nodeSlot {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			out = collectSlots(c, mappings, sequences, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if mappings {
				out = append(out, nodeSlot{n, i})
			}
			out = collectSlots(n.Content[i+1], mappings, sequences, out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if sequences {
				out = append(out, nodeSlot{n, i})
			}
			out = collectSlots(c, mappings, sequences, out)
		}
	}
	return out
}

// valueOf returns the node a slot holds: a mapping entry's value or a
// sequence item.
func (s nodeSlot) valueOf() *yaml.Node {
	if s.parent.Kind == yaml.MappingNode {
		return s.parent.Content[s.index+1]
	}
	return s.parent.Content[s.index]
}

func (s nodeSlot) setValue(n *yaml.Node) {
	if s.parent.Kind == yaml.MappingNode {
		s.parent.Content[s.index+1] = n
		return
	}
	s.parent.Content[s.index] = n
}

func mutateTree(root *yaml.Node, op, target, param byte, word string) {
	slots := collectSlots(root, op != mutationMisspell, op != mutationMisspell && op != mutationDuplicate, nil)
	if len(slots) == 0 {
		return
	}
	slot := slots[int(target)%len(slots)]
	switch op {
	case mutationDelete:
		width := 1
		if slot.parent.Kind == yaml.MappingNode {
			width = 2
		}
		slot.parent.Content = append(slot.parent.Content[:slot.index], slot.parent.Content[slot.index+width:]...)
	case mutationDuplicate:
		entry := []*yaml.Node{copyNode(slot.parent.Content[slot.index]), copyNode(slot.parent.Content[slot.index+1])}
		if param%2 == 1 && entry[1].Kind == yaml.ScalarNode {
			entry[1].Value += "2"
		}
		tail := append(entry, slot.parent.Content[slot.index+2:]...)
		slot.parent.Content = append(slot.parent.Content[:slot.index+2], tail...)
	case mutationRetype:
		slot.setValue(retypeNode(slot.valueOf(), param, word))
	case mutationMisspell:
		key := slot.parent.Content[slot.index]
		key.Value = misspell(key.Value, param, word)
	case mutationInterpolate:
		if v := slot.valueOf(); v.Kind == yaml.ScalarNode {
			v.Value = interpolate(v.Value, param, word)
			v.Tag, v.Style = "!!str", 0
		}
	}
}

func copyNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Anchor = ""
	c.Content = nil
	for _, child := range n.Content {
		c.Content = append(c.Content, copyNode(child))
	}
	return &c
}

// retypeNode returns a node of another type in place of n: a string, a
// number, a boolean, null, a list or a mapping.
func retypeNode(n *yaml.Node, param byte, word string) *yaml.Node {
	scalar := func(tag, value string, style yaml.Style) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Style: style}
	}
	text := n.Value
	if n.Kind != yaml.ScalarNode {
		text = "x"
	}
	switch param % 8 {
	case 0:
		return scalar("!!str", text, yaml.DoubleQuotedStyle)
	case 1:
		return scalar("!!int", strconv.Itoa(int(param)), 0)
	case 2:
		return scalar("!!float", "1.5", 0)
	case 3:
		return scalar("!!bool", "true", 0)
	case 4:
		return scalar("!!null", "null", 0)
	case 5:
		return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{copyNode(n)}}
	case 6:
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{scalar("!!str", text, 0), copyNode(n)}}
	default:
		return scalar("!!str", word, 0)
	}
}

// misspell changes a key the way a typing mistake does.
func misspell(key string, param byte, word string) string {
	if key == "" {
		return word
	}
	i := int(param/8) % len(key)
	switch param % 6 {
	case 0:
		if i+1 < len(key) {
			return key[:i] + key[i+1:i+2] + key[i:i+1] + key[i+2:]
		}
		return key + "s"
	case 1:
		return key[:i] + key[i+1:]
	case 2:
		return key[:i+1] + key[i:]
	case 3:
		return strings.ToUpper(key[:1]) + key[1:]
	case 4:
		return key + "s"
	default:
		return word
	}
}

// interpolationForms are the ${...} forms a mutation puts into a value:
// defined and undefined variables, every modifier, escapes and the
// malformed forms that compose-go rejects.
var interpolationForms = []string{
	"${TAG}", "${TAG:-x}", "${TAG-x}", "${TAG:+set}", "${TAG+set}",
	"${UNSET}", "${UNSET:-fallback}", "${UNSET:?UNSET is required}", "${UNSET?required}",
	"${TAG:?required}", "$TAG", "$$", "$${TAG}", "${}", "${TAG", "${1TAG}",
	"${UNSET:-${TAG}}", "${UNSET:-${OTHER:-x}}", "${TAG:-}", "$", "${TAG:x}", "${TAG/a/b}",
}

func interpolate(value string, param byte, word string) string {
	form := interpolationForms[int(param/3)%len(interpolationForms)]
	if param/3 >= byte(len(interpolationForms)) && word != "" {
		form = "${" + word + "}"
	}
	switch param % 3 {
	case 0:
		return form
	case 1:
		return form + value
	default:
		return value + form
	}
}

// reindentLine changes the indentation of one line of text: one space
// more or less, a tab in place of the spaces, or no indentation.
func reindentLine(text []byte, target, param byte) []byte {
	lines := strings.SplitAfter(string(text), "\n")
	i := int(target) % len(lines)
	line := lines[i]
	body := strings.TrimLeft(line, " ")
	indent := len(line) - len(body)
	switch param % 4 {
	case 0:
		line = " " + line
	case 1:
		if indent > 0 {
			line = line[1:]
		}
	case 2:
		line = "\t" + body
	default:
		line = body
	}
	lines[i] = line
	return []byte(strings.Join(lines, ""))
}
