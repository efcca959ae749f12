package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// planted is a compose file with five problems: an unknown key, a string
// where a list belongs, an undefined service, a duplicate key and a bad
// indentation. Parse itself finds the last two.
const planted = `# five planted problems
services:
  web:
    build: ./web
    restrat: always
    ports: "8443:443"
    depends_on:
      - cache
    container_name: web
    container_name: web2
    networks:
      - front
  db:
    image: mariadb:11
    environment:
      MYSQL_DATABASE: wp
   volumes:
      - db_data:/var/lib/mysql
    networks:
      - front

volumes:
  db_data:

networks:
  front:
`

const mergeKeys = `x-common: &common
  restart: unless-stopped
  volumes:
    - logs:/var/log/app
x-limits: &limits
  mem_limit: 256m
services:
  web:
    image: nginx:1.27
    <<: *common
    <<: *limits
  api:
    image: nginx:1.27
    <<: [*common, *limits]
    volumes:
      - data:/srv
volumes:
  logs:
  data:
`

const fullService = `name: demo
version: "3.8"
include:
  - ./infra/compose.yaml
  - path: [a.yaml, b.yaml]
    project_directory: .
    env_file: x.env
services:
  app:
    image: "registry.test/app:${TAG:-latest}"
    build:
      context: ./app
      dockerfile: Dockerfile.dev
      target: dev
      args:
        - VERSION=1.2
        - DEBUG
    container_name: app-1
    hostname: apphost
    depends_on:
      db:
        condition: service_healthy
    links: ["db:database"]
    volumes_from: ["db:ro", "container:other"]
    network_mode: "service:db"
    extends:
      file: base.yaml
      service: base
    networks:
      front:
        aliases: [web, www]
    volumes:
      - data:/data
      - ./src:/src
      - type: volume
        source: cache
        target: /cache
    secrets: [token, {source: cert}]
    configs:
      - source: conf
    ports:
      - "8080:80"
      - published: 8443
        target: 443
    expose: ["9000"]
    environment:
      MODE: prod
      EMPTY:
    env_file:
      - .env.app
      - path: .env.local
        required: false
    entrypoint: ["/bin/sh", "-c"]
    command: echo hello
  db:
    image: postgres:16
networks:
  front:
    external: true
volumes:
  data:
  cache:
secrets:
  token:
    file: ./token.txt
  cert:
    environment: CERT
configs:
  conf:
    file: ./conf.ini
`

// text returns the source text of a Scalar, or "<nil>".
func text(f *File, s *Scalar) string {
	if s == nil {
		return "<nil>"
	}
	return string(f.Content[s.Span.Start:s.Span.End])
}

func texts(f *File, list []*Scalar) string {
	var parts []string
	for _, s := range list {
		parts = append(parts, text(f, s))
	}
	return strings.Join(parts, "|")
}

func TestParseServiceFields(t *testing.T) {
	f := Parse([]byte(fullService))
	if len(f.Errors) != 0 {
		t.Fatalf("unexpected errors: %+v", f.Errors[0])
	}
	if len(f.Services) != 2 {
		t.Fatalf("got %d services, want 2", len(f.Services))
	}
	app := f.Services[0]
	checks := []struct{ field, got, want string }{
		{"name", text(f, f.Name), "demo"},
		{"version", text(f, f.Version), `"3.8"`},
		{"includes", texts(f, f.Includes), "./infra/compose.yaml|a.yaml|b.yaml"},
		{"include project_directory", text(f, f.IncludeEntries[1].ProjectDirectory), "."},
		{"include env_file", texts(f, f.IncludeEntries[1].EnvFiles), "x.env"},
		{"service key", string(f.Content[app.KeySpan.Start:app.KeySpan.End]), "app"},
		{"image", text(f, app.Image), `"registry.test/app:${TAG:-latest}"`},
		{"build.context", text(f, app.Build.Context), "./app"},
		{"build.dockerfile", text(f, app.Build.Dockerfile), "Dockerfile.dev"},
		{"build.target", text(f, app.Build.Target), "dev"},
		{"container_name", text(f, app.ContainerName), "app-1"},
		{"hostname", text(f, app.Hostname), "apphost"},
		{"depends_on", texts(f, app.DependsOn), "db"},
		{"links", texts(f, app.Links), "db"},
		{"volumes_from", texts(f, app.VolumesFrom), "db"},
		{"network_mode", text(f, app.NetworkMode), "db"},
		{"extends.service", text(f, app.Extends.Service), "base"},
		{"extends.file", text(f, app.Extends.File), "base.yaml"},
		{"networks", texts(f, app.Networks), "front"},
		{"aliases", texts(f, app.Aliases), "web|www"},
		{"volumes", texts(f, app.Volumes), "data:/data|./src:/src"},
		{"volume refs", texts(f, app.VolumeRefs), "data|cache"},
		{"secrets", texts(f, app.Secrets), "token|cert"},
		{"configs", texts(f, app.Configs), "conf"},
		{"ports", texts(f, app.Ports), "\"8080:80\"|published: 8443\n        target: 443"},
		{"expose", texts(f, app.Expose), `"9000"`},
		{"env_file", texts(f, app.EnvFiles), ".env.app|.env.local"},
		{"entrypoint", texts(f, app.Entrypoint), `"/bin/sh"|"-c"`},
		{"command", texts(f, app.Command), "echo hello"},
		{"network external", boolText(f.Networks[0].External), "true"},
		{"secret file", text(f, f.Secrets[0].File), "./token.txt"},
		{"config file", text(f, f.Configs[0].File), "./conf.ini"},
		{"volume names", resourceNames(f.Volumes), "data|cache"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if app.Ports[1].Value != "8443:443" {
		t.Errorf("long port value = %q, want %q", app.Ports[1].Value, "8443:443")
	}
	args := app.Build.Args
	if len(args) != 2 || args[0].Key != "VERSION" || args[0].Value != "1.2" || !args[0].HasValue || args[1].Key != "DEBUG" || args[1].HasValue {
		t.Errorf("build args = %+v %+v", args[0], args[1])
	}
	if got := string(f.Content[args[0].ValueSpan.Start:args[0].ValueSpan.End]); got != "1.2" {
		t.Errorf("build arg value span holds %q", got)
	}
	env := app.Environment
	if len(env) != 2 || env[0].Key != "MODE" || env[0].Value != "prod" || env[1].HasValue {
		t.Errorf("environment = %+v %+v", env[0], env[1])
	}
	checkFileSpans(t, f)
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func resourceNames(list []*Resource) string {
	var names []string
	for _, r := range list {
		names = append(names, r.Name)
	}
	return strings.Join(names, "|")
}

func TestParseMergeKeys(t *testing.T) {
	f := Parse([]byte(mergeKeys))
	if len(f.Errors) != 0 {
		t.Fatalf("merge keys must not be errors, got %+v", f.Errors[0])
	}
	web, api := f.Services[0], f.Services[1]
	if got := texts(f, web.VolumeRefs); got != "logs" {
		t.Errorf("web volume refs = %q, want the merged %q", got, "logs")
	}
	if got := texts(f, api.VolumeRefs); got != "data" {
		t.Errorf("api volume refs = %q, want only the local %q", got, "data")
	}
	if got := Lookup(api.Node, "mem_limit"); got == nil || got.Value != "256m" {
		t.Errorf("api mem_limit = %v, want 256m from the list merge", got)
	}
	if got := Lookup(api.Node, "restart"); got == nil || got.Value != "unless-stopped" {
		t.Errorf("api restart = %v, want unless-stopped", got)
	}
	var anchors, aliases []string
	for _, a := range f.Anchors {
		anchors = append(anchors, a.Name+"@"+string(f.Content[a.Span.Start:a.Span.End]))
	}
	for _, a := range f.Aliases {
		aliases = append(aliases, a.Name+"@"+string(f.Content[a.Span.Start:a.Span.End]))
		if a.Target == nil {
			t.Errorf("alias %s has no target", a.Name)
		}
	}
	if got := strings.Join(anchors, " "); got != "common@common limits@limits" {
		t.Errorf("anchors = %q", got)
	}
	if got := strings.Join(aliases, " "); got != "common@common limits@limits common@common limits@limits" {
		t.Errorf("aliases = %q", got)
	}
	checkFileSpans(t, f)
}

func TestParseResetTag(t *testing.T) {
	f := Parse([]byte("services:\n  app:\n    image: !reset\n    ports: !reset []\n    command: !override [a]\n"))
	if len(f.Errors) != 0 {
		t.Fatalf("unexpected error %+v", f.Errors[0])
	}
	app := f.Services[0]
	if app.Image != nil || app.Ports != nil {
		t.Errorf("reset fields must be absent: image %v ports %v", app.Image, app.Ports)
	}
	if got := texts(f, app.Command); got != "a" {
		t.Errorf("override command = %q, want %q", got, "a")
	}
	checkFileSpans(t, f)
}

// TestParseSpansBeforeToken checks the adapter with a BOM, CRLF, a tab in
// a value and non-ASCII runes before the token.
func TestParseSpansBeforeToken(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"BOM", "\ufeffservices:\n  web:\n    image: «nginx»\n", "nginx"},
		{"CRLF", "services:\r\n  web:\r\n    image: «nginx»\r\n", "nginx"},
		{"non-ASCII", "x-é: \"ü😀\"\nservices:\n  web:\n    labels: {é😀: ü}\n    image: «nginx»\n", "nginx"},
		{"non-ASCII same line", "services:\n  web:\n    labels: [\"é😀\", «x»]\n", "x"},
		{"tab in value", "services:\n  web:\n    command: \"a\tb\"\n    image: «nginx»\n", "nginx"},
		{"quoted with escape", "services:\n  web:\n    command: \"a\\\"b\"\n    image: «'it''s'»\n", "'it''s'"},
		{"multi-line plain", "services:\n  web:\n    command: one\n      two\n    image: «nginx»\n", "nginx"},
		{"block scalar", "services:\n  web:\n    command: |\n      one\n\n      two\n    image: «nginx»\n", "nginx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.content, "«")
			content := strings.Replace(strings.Replace(tt.content, "«", "", 1), "»", "", 1)
			f := Parse([]byte(content))
			if len(f.Errors) != 0 {
				t.Fatalf("unexpected error %+v", f.Errors[0])
			}
			var found bool
			for n, span := range f.spans {
				if n.Kind == yaml.ScalarNode && span.Start == start {
					found = true
					if got := content[span.Start:span.End]; got != tt.want {
						t.Errorf("node at %d spans %q, want %q", start, got, tt.want)
					}
				}
			}
			if !found {
				t.Errorf("no scalar node starts at byte %d of %q", start, content)
			}
			checkFileSpans(t, f)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []string // "code@text" for each error, in order
	}{
		{"planted", planted, []string{CodeSyntax + "@volumes", CodeDuplicateKey + "@container_name"}},
		{"tab indentation", "services:\n\tweb:\n    image: x\n", []string{CodeTab + "@\t"}},
		{"unterminated quote", "services:\n  web:\n    image: \"nginx\n    ports: []\n", []string{CodeSyntax + "@\""}},
		{"unclosed flow", "services:\n  web:\n    ports: [1, 2\n  db:\n    image: x\n", []string{CodeSyntax + "@["}},
		{"mapping in plain value", "services:\n  web:\n    image: a: b\n", []string{CodeSyntax + "@:"}},
		{"key more indented", "services:\n  web:\n    image: x\n      ports: 1\n", []string{CodeSyntax + "@ports"}},
		{"unknown anchor", "services:\n  web: *nope\n", []string{CodeUnknownAlias + "@nope"}},
		{"two merge keys are not duplicates", mergeKeys, nil},
		{"empty", "", nil},
		{"one space", " ", nil},
		{"comment only", "# nothing\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.content))
			var got []string
			for _, e := range f.Errors {
				got = append(got, e.Code+"@"+tt.content[e.Span.Start:e.Span.End])
			}
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("input:\n%s\ngot errors  %q\nwant errors %q", tt.content, got, tt.want)
				for _, e := range f.Errors {
					t.Logf("  %s", e.Message)
				}
			}
			checkFileSpans(t, f)
		})
	}
}

func TestParsePlantedKeepsModel(t *testing.T) {
	f := Parse([]byte(planted))
	if len(f.Services) != 2 || f.Services[0].Name != "web" || f.Services[1].Name != "db" {
		t.Fatalf("services not modelled after a syntax error: %d", len(f.Services))
	}
	if got := texts(f, f.Services[0].DependsOn); got != "cache" {
		t.Errorf("web depends_on = %q, want cache", got)
	}
	if len(f.Volumes) != 1 || len(f.Networks) != 1 {
		t.Errorf("top-level volumes %d, networks %d; want 1 and 1", len(f.Volumes), len(f.Networks))
	}
}

// checkFileSpans walks every node and model Span of f and checks that each
// lies inside the content and holds the text it models.
func checkFileSpans(t *testing.T, f *File) {
	t.Helper()
	n := len(f.Content)
	for node, span := range f.spans {
		if span.Start < 0 || span.Start > span.End || span.End > n {
			t.Fatalf("node %q (line %d): span %v outside content of %d bytes", node.Value, node.Line, span, n)
		}
		if node.Kind != yaml.ScalarNode || node.Tag == "!!null" || strings.ContainsAny(node.Value, "\n\r") {
			continue
		}
		src := string(f.Content[span.Start:span.End])
		switch {
		case node.Style&yaml.DoubleQuotedStyle != 0:
			if len(src) < 2 || src[0] != '"' || src[len(src)-1] != '"' {
				t.Errorf("double-quoted %q spans %q", node.Value, src)
			}
		case node.Style&yaml.SingleQuotedStyle != 0:
			if len(src) < 2 || src[0] != '\'' || src[len(src)-1] != '\'' {
				t.Errorf("single-quoted %q spans %q", node.Value, src)
			}
		case node.Style == 0 && !strings.ContainsAny(src, "\n\r\u0085\u2028\u2029") && src != node.Value &&
			len(f.Errors) == 0: // after a syntax error the tree is read from a repaired copy (tabs as spaces, bad tokens blanked)
			t.Errorf("plain %q spans %q", node.Value, src)
		}
	}
	check := func(what string, s *Scalar) {
		if s != nil && (s.Span.Start < 0 || s.Span.Start > s.Span.End || s.Span.End > n) {
			t.Fatalf("%s %q: span %v outside content of %d bytes", what, s.Value, s.Span, n)
		}
	}
	for _, svc := range f.Services {
		check("service", &Scalar{Value: svc.Name, Span: svc.KeySpan})
		check("service body", &Scalar{Value: svc.Name, Span: svc.Span})
		for _, list := range [][]*Scalar{svc.DependsOn, svc.Links, svc.VolumesFrom, svc.Networks, svc.Volumes, svc.VolumeRefs, svc.Secrets, svc.Configs, svc.Ports, svc.Expose, svc.EnvFiles, svc.Entrypoint, svc.Command, svc.Aliases} {
			for _, s := range list {
				check(svc.Name, s)
			}
		}
		for _, kv := range svc.Environment {
			check("environment key", &Scalar{Value: kv.Key, Span: kv.KeySpan})
			check("environment value", &Scalar{Value: kv.Value, Span: kv.ValueSpan})
		}
	}
	for _, e := range f.Errors {
		check("error", &Scalar{Value: e.Message, Span: e.Span})
	}
	for _, a := range f.Anchors {
		if got := string(f.Content[a.Span.Start:a.Span.End]); got != a.Name {
			t.Errorf("anchor %q spans %q", a.Name, got)
		}
	}
	for _, a := range f.Aliases {
		if got := string(f.Content[a.Span.Start:a.Span.End]); got != a.Name {
			t.Errorf("alias %q spans %q", a.Name, got)
		}
	}
}

// seedFiles returns compose-like inputs for the fuzz target: the tables
// above and the compose files of compose-go's test data when present.
func seedFiles(t testing.TB) [][]byte {
	seeds := [][]byte{[]byte(planted), []byte(mergeKeys), []byte(fullService), []byte(""), []byte(" "),
		[]byte("services:\n\tweb:\n"), []byte("a: [1, {b: \"c\n"), []byte("\ufeffservices:\r\n  web:\r\n    image: x\r\n"),
		// interpolated values that the schema must not flag
		[]byte("services:\n  app:\n    image: registry.example.test/app:${APP_TAG:-latest}\n    pull_policy: ${PULL_MODE:-missing}\n    read_only: ${RO_ROOT:-false}\n    ports:\n      - \"${HOST_PORT:-8080}:80\"\n    deploy:\n      replicas: ${REPLICAS:-2}\n"),
		// image references with registries, tags and digests
		[]byte("services:\n  d:\n    image: localhost:5000/team/app:dev\n  f:\n    image: mcr.microsoft.com\n  h:\n    image: ${REGISTRY:-localhost}/team/app\n"),
		// include and extends across files
		[]byte("include:\n  - ./infra/compose.infra.yaml\nservices:\n  job:\n    extends:\n      file: ./common/compose.base.yaml\n      service: \n  job2:\n    extends: cache\n"),
		[]byte("x: &a [*a]\ny: !reset\nz: !override {<<: [*a]}\n"),
		// bytes that are not UTF-8 in a comment, a key, a value and an anchor
		[]byte("# caf\xe9\nservices:\n  w\xe9b: &\xff\n    image: \"\xe9\"\n  db: *\xff\n"),
	}
	if dir := os.Getenv("STACKLS_FUZZ_SEEDS"); dir != "" {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.y*ml"))
		for _, path := range paths {
			if content, err := os.ReadFile(path); err == nil {
				seeds = append(seeds, content)
			}
		}
	}
	return seeds
}

func FuzzParse(f *testing.F) {
	for _, seed := range seedFiles(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		parsed := Parse(content)
		for _, e := range parsed.Errors {
			if strings.HasPrefix(e.Message, "internal error") {
				t.Fatalf("input %q: %s", content, e.Message)
			}
		}
		checkFileSpans(t, parsed)
	})
}
