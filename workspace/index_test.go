package workspace_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// stackArchive is a workspace whose compose file, env files, Dockerfile and
// copied files have names that show no kind: only the links between them
// tell what they are.
const stackArchive = `
-- Makefile --
COMPOSE := docker compose -f deploy/stack.yml --env-file deploy/prod.env

up:
	$(COMPOSE) up -d
-- deploy/stack.yml --
services:
  web:
    build:
      context: ../web
      dockerfile: build/web.docker
    env_file: web.vars
    depends_on:
      - cache
  cache:
    image: redis:7
-- deploy/prod.env --
TAG=1
-- deploy/web.vars --
CACHE_HOST=cache
-- web/build/web.docker --
FROM nginx:1.27
WORKDIR /srv
COPY conf/site.tmpl /etc/nginx/templates/
COPY tools/start bin/start
ENTRYPOINT ["/srv/bin/start"]
-- web/conf/site.tmpl --
location / { proxy_pass http://cache:6379; }
-- web/tools/start --
set -e
exec "$@"
-- web/tools/helper --
#!/bin/sh
echo helper
-- web/notes.txt --
not linked
-- node_modules/pkg/compose.yaml --
services: {}
-- vendor/docker-compose.yml --
services: {}
-- .git/compose.yaml --
services: {}
`

func TestIndexDiscoveryKinds(t *testing.T) {
	ws := testws.New(t, stackArchive)
	snap := ws.Snapshot()
	want := map[string]workspace.Kind{
		"Makefile":             workspace.KindMakefile,
		"deploy/stack.yml":     workspace.KindCompose,
		"deploy/prod.env":      workspace.KindDotEnv,
		"deploy/web.vars":      workspace.KindDotEnv,
		"web/build/web.docker": workspace.KindDockerfile,
		"web/conf/site.tmpl":   workspace.KindConfig,
		"web/tools/start":      workspace.KindShell,
		"web/tools/helper":     workspace.KindShell,
	}
	for rel, kind := range want {
		f := snap.File(ws.URI(rel))
		if f == nil {
			t.Errorf("%s is not in the snapshot, want kind %v", rel, kind)
			continue
		}
		if f.Kind != kind {
			t.Errorf("%s has kind %v, want %v", rel, f.Kind, kind)
		}
	}
	for _, rel := range []string{"web/notes.txt", "node_modules/pkg/compose.yaml", "vendor/docker-compose.yml", ".git/compose.yaml"} {
		if f := snap.File(ws.URI(rel)); f != nil {
			t.Errorf("%s is in the snapshot as %v, want it left out", rel, f.Kind)
		}
	}
	if got := len(snap.Files()); got != len(want) {
		t.Errorf("snapshot holds %d files, want %d", got, len(want))
	}
}

func TestIndexProjectFromMakefile(t *testing.T) {
	ws := testws.New(t, stackArchive)
	ix := ws.Snapshot().Index()
	projects := ix.Projects()
	if len(projects) != 1 {
		t.Fatalf("got %d projects, want 1", len(projects))
	}
	p := projects[0]
	if p.Makefile != ws.URI("Makefile") {
		t.Errorf("project Makefile = %s, want the root Makefile", p.Makefile)
	}
	if len(p.ComposeFiles) != 1 || p.ComposeFiles[0] != ws.URI("deploy/stack.yml") {
		t.Errorf("ComposeFiles = %v, want deploy/stack.yml", p.ComposeFiles)
	}
	if len(p.EnvFiles) != 1 || p.EnvFiles[0] != ws.URI("deploy/prod.env") {
		t.Errorf("EnvFiles = %v, want deploy/prod.env", p.EnvFiles)
	}
	if p.Name != "deploy" {
		t.Errorf("Name = %q, want the folder's name %q", p.Name, "deploy")
	}
	if len(p.Services) != 2 {
		t.Fatalf("got %d services, want 2", len(p.Services))
	}

	web := ix.Services("web")
	if len(web) != 1 {
		t.Fatalf("Services(web) = %d definitions, want 1", len(web))
	}
	if web[0].Dockerfile != ws.URI("web/build/web.docker") {
		t.Errorf("web Dockerfile = %s", web[0].Dockerfile)
	}
	if web[0].Context != ws.Path("web") {
		t.Errorf("web Context = %s, want %s", web[0].Context, ws.Path("web"))
	}
	if len(web[0].EnvFiles) != 1 || web[0].EnvFiles[0] != ws.URI("deploy/web.vars") {
		t.Errorf("web EnvFiles = %v", web[0].EnvFiles)
	}
	if got := ix.BuildContexts(ws.URI("web/build/web.docker")); len(got) != 1 || got[0] != ws.Path("web") {
		t.Errorf("BuildContexts = %v, want [%s]", got, ws.Path("web"))
	}
}

func TestIndexImageFiles(t *testing.T) {
	ws := testws.New(t, stackArchive)
	ix := ws.Snapshot().Index()
	files := ix.ImageFiles(ws.URI("web/build/web.docker"))
	type copied struct {
		source, path string
		run          bool
	}
	want := []copied{
		{"web/conf/site.tmpl", "/etc/nginx/templates/site.tmpl", false},
		{"web/tools/start", "/srv/bin/start", true},
	}
	if len(files) != len(want) {
		t.Fatalf("got %d image files, want %d", len(files), len(want))
	}
	for i, w := range want {
		got := files[i]
		if got.Source != ws.URI(w.source) || got.Path != w.path || (len(got.RunBy) > 0) != w.run {
			t.Errorf("image file %d = %s -> %s run by %d, want %s -> %s run %v", i, got.Source, got.Path, len(got.RunBy), w.source, w.path, w.run)
		}
	}
	if defs := ix.FileServices(ws.URI("web/tools/start")); len(defs) != 1 || defs[0].Service.Name != "web" {
		t.Errorf("FileServices(start) = %v, want web", defs)
	}
	if img := ix.ImageFileAt(ws.URI("web/build/web.docker"), 0, "/srv/bin/start"); img == nil || img.Source != ws.URI("web/tools/start") {
		t.Errorf("ImageFileAt(/srv/bin/start) = %+v", img)
	}
}

func TestIndexStandaloneDockerfile(t *testing.T) {
	// A Dockerfile that no compose file builds copies from its own folder.
	ws := testws.New(t, `
-- Dockerfile --
FROM alpine:3.20
COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh
COPY conf/ /etc/app/
COPY *.ini /etc/app/
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
-- docker/entrypoint.sh --
#!/bin/sh
exec "$@"
-- conf/app.settings --
upstream = api:80
-- conf/nested/more.settings --
x = 1
-- a.ini --
[x]
`)
	ix := ws.Snapshot().Index()
	if got := ix.BuildContexts(ws.URI("Dockerfile")); len(got) != 1 || got[0] != ws.Root {
		t.Errorf("BuildContexts = %v, want [%s]", got, ws.Root)
	}
	var paths []string
	for _, img := range ix.ImageFiles(ws.URI("Dockerfile")) {
		paths = append(paths, img.Path)
	}
	want := "/usr/local/bin/entrypoint.sh /etc/app/app.settings /etc/app/nested/more.settings /etc/app/a.ini"
	if strings.Join(paths, " ") != want {
		t.Errorf("image paths = %v\nwant %s", paths, want)
	}
	if f := ws.Snapshot().File(ws.URI("conf/nested/more.settings")); f == nil || f.Kind != workspace.KindConfig {
		t.Errorf("a file copied with its folder is not a config file: %+v", f)
	}
}

func TestIndexDefaultComposeAndIncludes(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
include:
  - extra/services.yaml
services:
  app:
    image: app:1
-- compose.override.yaml --
services:
  app:
    ports: ["8080:80"]
-- extra/services.yaml --
services:
  db:
    image: postgres:16
-- .env --
A=1
`)
	ix := ws.Snapshot().Index()
	projects := ix.Projects()
	if len(projects) != 1 {
		t.Fatalf("got %d projects, want 1", len(projects))
	}
	p := projects[0]
	want := []position.URI{ws.URI("compose.override.yaml"), ws.URI("compose.yaml"), ws.URI("extra/services.yaml")}
	if len(p.ComposeFiles) != 3 {
		t.Fatalf("ComposeFiles = %v, want %v", p.ComposeFiles, want)
	}
	for _, uri := range want {
		found := false
		for _, have := range p.ComposeFiles {
			found = found || have == uri
		}
		if !found {
			t.Errorf("ComposeFiles %v lack %s", p.ComposeFiles, uri)
		}
	}
	if len(p.EnvFiles) != 1 || p.EnvFiles[0] != ws.URI(".env") {
		t.Errorf("EnvFiles = %v, want .env", p.EnvFiles)
	}
	if len(ix.Services("app")) != 2 {
		t.Errorf("Services(app) = %d definitions, want 2 (file and override)", len(ix.Services("app")))
	}
	if f := ws.Snapshot().File(ws.URI("extra/services.yaml")); f == nil || f.Kind != workspace.KindCompose {
		t.Errorf("an included file is not a compose file: %+v", f)
	}
}

func TestDiscoverLinksLargeAndBinary(t *testing.T) {
	root := t.TempDir()
	write := func(rel string, content []byte) {
		t.Helper()
		full := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("compose.yaml", []byte("services:\n  app:\n    image: app:1\n"))
	write("big/compose.yaml", []byte("services:\n"+strings.Repeat("#", workspace.MaxFileSize)+"\n"))
	write("bin/run", []byte("#!/bin/sh\n\x00\x01"))
	if err := os.Symlink(root, filepath.Join(root, "loop")); err != nil {
		t.Fatal(err)
	}
	write("shared/app.env", []byte("A=1\n"))
	if err := os.Symlink(filepath.Join(root, "shared", "app.env"), filepath.Join(root, ".env")); err != nil {
		t.Fatal(err)
	}

	session := workspace.NewSession()
	snap, err := session.AddFolders(context.Background(), []string{root})
	if err != nil {
		t.Fatal(err)
	}
	if f := snap.File(position.URIFromPath(filepath.Join(root, "compose.yaml"))); f == nil {
		t.Error("compose.yaml is missing")
	}
	big := snap.File(position.URIFromPath(filepath.Join(root, "big", "compose.yaml")))
	if big == nil || big.Skipped == "" {
		t.Errorf("a file over 2 MiB is not marked skipped: %+v", big)
	}
	if f := snap.File(position.URIFromPath(filepath.Join(root, "bin", "run"))); f != nil {
		t.Errorf("a binary file with a shebang is in the snapshot as %v", f.Kind)
	}
	if f := snap.File(position.URIFromPath(filepath.Join(root, "loop", "compose.yaml"))); f != nil {
		t.Error("discovery followed a symbolic link to a folder")
	}
	env := position.URIFromPath(filepath.Join(root, ".env"))
	if f := snap.File(env); f == nil || f.Kind != workspace.KindDotEnv {
		t.Errorf("a .env that is a symbolic link is missing: %+v", f)
	}
	found := false
	for _, p := range snap.Index().Projects() {
		if p.Dir != root {
			continue
		}
		found = true
		if len(p.EnvFiles) != 1 || p.EnvFiles[0] != env {
			t.Errorf("the project of compose.yaml reads %v, want the linked .env", p.EnvFiles)
		}
	}
	if !found {
		t.Errorf("no project in %s", root)
	}
}

func TestIndexEntrypointCopy(t *testing.T) {
	tests := []struct {
		name, archive, imagePath, source   string
		sourceLine, sourceStart, sourceEnd int // 0-based line and UTF-16 columns of the COPY source
		crlf                               []string
	}{
		{"script in a folder", `
-- docker/entrypoint.sh --
#!/bin/sh
exec "$@"
-- Dockerfile --
FROM alpine:3.20
COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
`, "/usr/local/bin/entrypoint.sh", "docker/entrypoint.sh", 1, 5, 25, nil},
		{"script at the root", `
-- entrypoint.sh --
#!/bin/sh
set -e
exec "$@"
-- Dockerfile --
FROM alpine:3.20
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
`, "/entrypoint.sh", "entrypoint.sh", 1, 5, 18, []string{"entrypoint.sh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := testws.New(t, tt.archive, testws.WithCRLF(tt.crlf...))
			ix := ws.Snapshot().Index()
			img := ix.ImageFileAt(ws.URI("Dockerfile"), 0, tt.imagePath)
			if img == nil {
				t.Fatalf("ImageFileAt(%s) = nil", tt.imagePath)
			}
			if img.Source != ws.URI(tt.source) {
				t.Errorf("Source = %s, want %s", img.Source, tt.source)
			}
			rng, err := position.NewMapper(ws.Content("Dockerfile")).SpanRange(img.SourceSpan, position.UTF16)
			if err != nil {
				t.Fatal(err)
			}
			if rng.Start.Line != tt.sourceLine || rng.Start.Character != tt.sourceStart || rng.End.Character != tt.sourceEnd {
				t.Errorf("SourceSpan at %+v, want line %d %d-%d", rng, tt.sourceLine, tt.sourceStart, tt.sourceEnd)
			}
			if len(img.RunBy) != 1 || img.RunBy[0].Keyword != "ENTRYPOINT" {
				t.Errorf("RunBy = %v, want the ENTRYPOINT", img.RunBy)
			}
		})
	}
}
