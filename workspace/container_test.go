package workspace_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// containerArchive is a project that a Makefile drives, with two services
// built from one Dockerfile's stages that run one shared script, an
// override file, secrets, ports and a bind-mounted config file.
const containerArchive = `
-- Makefile --
COMPOSE = docker compose -f compose.yaml -f compose.override.yaml
«up»up:
	$(COMPOSE) up -d
«web»web:
	$(COMPOSE) run --rm web
logs:
	$(COMPOSE) logs api
-- .env --
DB_NAME=shop
API_TOKEN=s3cr3t
-- compose.yaml --
services:
  api:
    build:
      context: app
      target: api
      args:
        RELEASE: "2.0"
    env_file: [api.env, missing.env]
    environment:
      DB_URL: postgres://db/${DB_NAME}
      «tokenkey»API_TOKEN:
      MODE: api
    secrets:
      - db_password
      - source: tls_key
        target: server.key
    ports: ["127.0.0.1:8080:80/tcp"]
    expose: ["9000-9002"]
  worker:
    build:
      context: app
      target: worker
    entrypoint: ["/usr/local/bin/start.sh", "--worker"]
    depends_on: [api]
    volumes:
      - ./worker.conf:/etc/worker.conf:ro
  web:
    image: nginx:1.27
    depends_on: [worker]
    ports: ["${WEB_PORT}:80"]
secrets:
  «secretdecl»db_password:
    file: ./secrets/db_password.txt
  tls_key:
    environment: TLS_KEY
-- compose.override.yaml --
services:
  api:
    environment:
      «mode»MODE: debug
    command: ["serve", "--port", "80"]
-- api.env --
«envfile»MODE=file
LOG_LEVEL='${NOT_EXPANDED}'
HOST_NAME=${DB_NAME}-api
-- worker.conf --
db = ${DB_NAME}
-- secrets/db_password.txt --
hunter2
-- app/Dockerfile --
FROM debian:bookworm-slim AS base
ENV «imageenv»MODE=image LANG=C.UTF-8
ARG RELEASE=1.0
WORKDIR /srv
COPY start.sh /usr/local/bin/start.sh
EXPOSE 80

FROM base AS api
ENTRYPOINT ["start.sh"]
CMD ["serve"]

FROM base AS worker
COPY worker.py ./worker.py
CMD ["python", "worker.py"]
-- app/start.sh --
#!/bin/sh
exec "$@"
-- app/worker.py --
print("work")
`

// describeContainer renders the parts of a container that the tests
// compare, one fact per line.
func describeContainer(ws *testws.WS, c *workspace.Container) string {
	rel := func(uri position.URI) string {
		r, _ := filepath.Rel(ws.Root, uri.Path())
		return filepath.ToSlash(r)
	}
	var lines []string
	add := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	add("stage %d %q base %s workdir %s", c.Stage, c.StageName, c.BaseImage, c.Workdir())
	for _, s := range c.Starters {
		add("starter make %s via %q", s.Target(), s.Via)
	}
	for _, f := range c.Files {
		add("file %s at %s mount=%v", rel(f.URI), f.Path, f.Mount != nil)
	}
	for i, p := range []*workspace.Process{c.Entrypoint, c.Command} {
		if p != nil {
			add("%s %q script %s direct=%v compose=%v", []string{"entrypoint", "command"}[i], p.Words, rel(p.Script), p.Direct, p.Compose != nil)
		}
	}
	for _, s := range c.Secrets {
		decl := "undeclared"
		if s.Decl != nil {
			decl = "declared"
		}
		add("secret %s at %s %s file %s", s.Name, s.Path, decl, rel(s.File))
	}
	for _, p := range c.Ports {
		add("port %d-%d %s", p.From, p.To, p.Kind)
	}
	add("ports complete %v", c.PortsComplete)
	return strings.Join(lines, "\n")
}

func TestContainerChain(t *testing.T) {
	ws := testws.New(t, containerArchive)
	snap := ws.Snapshot()
	want := map[string][]string{
		"api": {
			`stage 1 "api" base debian:bookworm-slim workdir /srv`,
			`starter make up via ""`,
			`starter make web via "web"`,
			`file app/start.sh at /usr/local/bin/start.sh mount=false`,
			`entrypoint ["start.sh"] script app/start.sh direct=true compose=false`,
			`command ["serve" "--port" "80"] script  direct=false compose=true`,
			`secret db_password at /run/secrets/db_password declared file secrets/db_password.txt`,
			`secret tls_key at /run/secrets/server.key declared file `,
			`port 80-80 ports`,
			`port 9000-9002 expose`,
			`port 80-80 EXPOSE`,
			`ports complete true`,
		},
		"worker": {
			`stage 2 "worker" base debian:bookworm-slim workdir /srv`,
			`starter make up via ""`,
			`starter make web via "web"`,
			`file app/start.sh at /usr/local/bin/start.sh mount=false`,
			`file app/worker.py at /srv/worker.py mount=false`,
			`file worker.conf at /etc/worker.conf mount=true`,
			`entrypoint ["/usr/local/bin/start.sh" "--worker"] script app/start.sh direct=true compose=true`,
			`port 80-80 EXPOSE`,
			`ports complete true`,
		},
		"web": {
			`stage -1 "" base nginx:1.27 workdir /`,
			`starter make up via ""`,
			`starter make web via ""`,
			`port 80-80 ports`,
			`port 80-80 image`,
			`ports complete true`,
		},
	}
	for name, lines := range want {
		defs := snap.Index().Services(name)
		if len(defs) == 0 {
			t.Fatalf("no service %s", name)
		}
		c := workspace.ContainerOf(snap, defs[0])
		if c == nil {
			t.Fatalf("no container for %s", name)
		}
		if got := describeContainer(ws, c); got != strings.Join(lines, "\n") {
			t.Errorf("container %s\ngot\n  %s\nwant\n  %s", name, strings.ReplaceAll(got, "\n", "\n  "), strings.Join(lines, "\n  "))
		}
	}
}

func TestContainerEnv(t *testing.T) {
	ws := testws.New(t, containerArchive)
	snap := ws.Snapshot()
	api := workspace.ContainerOf(snap, snap.Index().Services("api")[0])
	tests := []struct {
		name, value string
		known       bool
		source      workspace.EnvSource
		at          string // marker of Location, "" to skip
		overrides   int
		from        int
	}{
		{"MODE", "debug", true, workspace.SourceEnvironment, "mode", 3, 0},
		{"LANG", "C.UTF-8", true, workspace.SourceImageEnv, "", 0, 0},
		{"DB_URL", "postgres://db/shop", true, workspace.SourceEnvironment, "", 0, 1},
		{"API_TOKEN", "s3cr3t", true, workspace.SourceEnvironment, "tokenkey", 0, 1},
		{"LOG_LEVEL", "${NOT_EXPANDED}", true, workspace.SourceEnvFile, "", 0, 0},
		{"HOST_NAME", "shop-api", true, workspace.SourceEnvFile, "", 0, 1},
	}
	for _, tt := range tests {
		v := api.Lookup(tt.name)
		if v == nil {
			t.Errorf("%s is not set", tt.name)
			continue
		}
		if v.Value != tt.value || v.Known != tt.known || v.Source != tt.source || len(v.Overrides) != tt.overrides || len(v.From) != tt.from {
			t.Errorf("%s = %q known=%v %s overrides=%d from=%d, want %q known=%v %s overrides=%d from=%d",
				tt.name, v.Value, v.Known, v.Source, len(v.Overrides), len(v.From), tt.value, tt.known, tt.source, tt.overrides, tt.from)
		}
		if tt.at != "" {
			uri, offset := ws.Marker(tt.at)
			if v.Location.URI != uri || v.Location.Span.Start != offset || v.Location.Span.Len() != len(tt.name) {
				t.Errorf("%s location = %v, want «%s»", tt.name, v.Location, tt.at)
			}
		}
	}
	mode := api.Lookup("MODE")
	wantOrder := []workspace.EnvSource{workspace.SourceEnvironment, workspace.SourceEnvFile, workspace.SourceImageEnv}
	for i, o := range mode.Overrides {
		if o.Source != wantOrder[i] {
			t.Errorf("MODE override %d is %s, want %s", i, o.Source, wantOrder[i])
		}
	}
	if arg := api.BuildArg("RELEASE"); arg == nil || arg.Value != "2.0" || api.Lookup("RELEASE") != nil {
		t.Errorf("RELEASE build arg = %+v, runtime %+v; want the compose value 2.0 at build time only", arg, api.Lookup("RELEASE"))
	}
	worker := workspace.ContainerOf(snap, snap.Index().Services("worker")[0])
	if worker.Lookup("API_TOKEN") != nil || worker.Lookup("MODE").Value != "image" {
		t.Errorf("worker env leaks api's: API_TOKEN=%v MODE=%v", worker.Lookup("API_TOKEN"), worker.Lookup("MODE"))
	}
}

func TestContainersOfSharedScript(t *testing.T) {
	ws := testws.New(t, containerArchive)
	snap := ws.Snapshot()
	got := workspace.ContainersOf(snap, ws.URI("app/start.sh"))
	if len(got) != 2 || got[0].Service != "api" || got[1].Service != "worker" {
		t.Fatalf("containers of start.sh = %v, want api and worker", got)
	}
	if again := workspace.ContainersOf(snap, ws.URI("app/start.sh")); again[0] != got[0] {
		t.Errorf("a second call on one Snapshot built the containers again")
	}
	if mounted := workspace.ContainersOf(snap, ws.URI("worker.conf")); len(mounted) != 1 || mounted[0].Service != "worker" {
		t.Errorf("containers of the bind-mounted worker.conf = %v, want worker", mounted)
	}
	if none := workspace.ContainersOf(snap, ws.URI("Makefile")); none != nil {
		t.Errorf("containers of the Makefile = %v, want none", none)
	}
}

// TestContainerWithoutService checks a Dockerfile that no service builds:
// its container runs the last stage with its folder as the context.
func TestContainerWithoutService(t *testing.T) {
	ws := testws.New(t, `
-- tools/Dockerfile --
FROM alpine:3.20
COPY entrypoint /entrypoint
ENTRYPOINT ["/sbin/tini", "--", "/entrypoint"]
-- tools/entrypoint --
#!/bin/sh
exec "$@"
`)
	got := workspace.ContainersOf(ws.Snapshot(), ws.URI("tools/entrypoint"))
	if len(got) != 1 || got[0].Service != "" || got[0].Name() != "tools/Dockerfile" {
		t.Fatalf("containers = %v, want the image of tools/Dockerfile", got)
	}
	ep := got[0].Entrypoint
	if ep == nil || ep.Script != ws.URI("tools/entrypoint") || !ep.Direct || got[0].Command != nil {
		t.Errorf("entrypoint = %+v, command %+v; want the script, run directly, and no command", ep, got[0].Command)
	}
}

// TestContainerDotEnvSymlinkAndMissing reads a project whose .env is a
// symbolic link, and one that has none.
func TestContainerDotEnvSymlinkAndMissing(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("shared/common.env", "DOMAIN=example.org\n")
	write("linked/compose.yaml", "services:\n  app:\n    image: alpine:3.20\n    environment:\n      DOMAIN: ${DOMAIN}\n")
	write("bare/compose.yaml", "services:\n  app:\n    image: alpine:3.20\n    environment:\n      DOMAIN: ${DOMAIN}\n      FIXED: yes\n")
	if err := os.Symlink(filepath.Join(root, "shared", "common.env"), filepath.Join(root, "linked", ".env")); err != nil {
		t.Skipf("symbolic links are not available: %v", err)
	}
	snap, err := workspace.NewSession().AddFolders(context.Background(), []string{root})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range workspace.Containers(snap) {
		v := c.Lookup("DOMAIN")
		switch c.Project.Dir {
		case filepath.Join(root, "linked"):
			if v == nil || v.Value != "example.org" || !v.Known || len(v.From) != 1 || v.From[0].URI != position.URIFromPath(filepath.Join(root, "linked", ".env")) {
				t.Errorf("DOMAIN through the linked .env = %+v, want example.org read from linked/.env", v)
			}
		case filepath.Join(root, "bare"):
			if v == nil || v.Known || c.Lookup("FIXED").Value != "yes" {
				t.Errorf("DOMAIN without .env = %+v, want set with an unknown value", v)
			}
		default:
			t.Errorf("unexpected container in %s", c.Project.Dir)
		}
	}
}

func TestSecretRefs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{`cat /run/secrets/db_password`, []string{"db_password"}},
		{`"$(cat /run/secrets/db-pass.txt)" /run/secrets/a,/run/secrets/b`, []string{"db-pass.txt", "a", "b"}},
		{`see /run/secrets/token.`, []string{"token"}},
		{`/run/secrets/ $X /run/secrets/$NAME`, nil},
		{`é😀 /run/secrets/é`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, ref := range workspace.SecretRefs([]byte(tt.text)) {
			if tt.text[ref.Span.Start:ref.Span.End] != ref.Name {
				t.Errorf("%q: Span %v holds %q, not %q", tt.text, ref.Span, tt.text[ref.Span.Start:ref.Span.End], ref.Name)
			}
			got = append(got, ref.Name)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("SecretRefs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTemplateRefs(t *testing.T) {
	tests := []struct {
		text string
		want []string // name, with "?" when it has a default
	}{
		{`server_name ${DOMAIN_NAME};`, []string{"DOMAIN_NAME"}},
		{`${A}${B:-x} ${C-y} $uri ${uri}`, []string{"A", "B?", "C?", "uri"}},
		{`$${ESCAPED} ${a.b} ${1} ${} ${OPEN`, nil},
		{"é😀\t${X}", []string{"X"}},
	}
	for _, tt := range tests {
		var got []string
		for _, ref := range workspace.TemplateRefs([]byte(tt.text)) {
			if tt.text[ref.Span.Start:ref.Span.End] != ref.Name || tt.text[ref.Ref.Start:ref.Ref.Start+2] != "${" {
				t.Errorf("%q: Spans %v %v do not match %q", tt.text, ref.Span, ref.Ref, ref.Name)
			}
			name := ref.Name
			if ref.HasDefault {
				name += "?"
			}
			got = append(got, name)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("TemplateRefs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestContainerMountsOutsideWorkspace checks that a bind mount whose
// source lies outside the workspace folders, such as the host's root or
// the Docker socket, puts no workspace file in the container, and that a
// folder mount puts only the files under its source.
func TestContainerMountsOutsideWorkspace(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  monitor:
    image: alpine:3.20
    volumes:
      - /:/rootfs:ro
      - /var/run/docker.sock:/var/run/docker.sock
      - ..:/parent
      - ./conf:/etc/monitor:ro
  app:
    build: app
-- conf/monitor.ini --
interval = 5
-- app/Dockerfile --
FROM alpine:3.20
COPY run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- app/run.sh --
#!/bin/sh
exec "$@"
`)
	snap := ws.Snapshot()
	monitor := workspace.ContainerOf(snap, snap.Index().Services("monitor")[0])
	var files []string
	for _, f := range monitor.Files {
		rel, err := filepath.Rel(ws.Root, f.URI.Path())
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fmt.Sprintf("%s at %s", filepath.ToSlash(rel), f.Path))
	}
	if want := []string{"conf/monitor.ini at /etc/monitor/monitor.ini"}; fmt.Sprint(files) != fmt.Sprint(want) {
		t.Errorf("files of monitor = %q, want %q", files, want)
	}
	got := workspace.ContainersOf(snap, ws.URI("app/run.sh"))
	if len(got) != 1 || got[0].Service != "app" {
		t.Errorf("containers of app/run.sh = %v, want only app", got)
	}
}
