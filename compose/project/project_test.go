package project

import (
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/workspace"
)

func init() {
	LookupEnv = func(string) (string, bool) { return "", false }
}

const projectArchive = "-- Makefile --\nup:\n\tdocker compose -f srcs/compose.yaml -f extra/more.yml --env-file srcs/prod.env up\n" + `
-- srcs/compose.yaml --
include:
  - ../infra/infra.yaml
services:
  web:
    image: nginx
-- srcs/compose.override.yaml --
services:
  web:
    ports: ["80:80"]
-- extra/more.yml --
services:
  extra:
    image: busybox
-- infra/infra.yaml --
services:
  cache:
    image: redis
-- srcs/prod.env --
TAG=prod
-- srcs/.env --
TAG=dev
-- infra/.env --
ONLY_INFRA=1
`

func TestProjectFiles(t *testing.T) {
	ws := testws.New(t, projectArchive)
	tests := []struct {
		file, want string
	}{
		{"srcs/compose.yaml", "extra/more.yml:makefile infra/infra.yaml:makefile srcs/compose.override.yaml:sibling srcs/compose.yaml:main"},
		{"infra/infra.yaml", "extra/more.yml:makefile infra/infra.yaml:main srcs/compose.yaml:makefile"},
	}
	for _, tt := range tests {
		p := Of(ws.Snapshot(), ws.URI(tt.file))
		if p == nil {
			t.Fatalf("no project for %s", tt.file)
		}
		var got []string
		for _, f := range p.Files {
			got = append(got, strings.TrimPrefix(f.URI.Path(), ws.Root+"/")+":"+f.Role)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("files of %s = %q, want %q", tt.file, strings.Join(got, " "), tt.want)
		}
	}
}

func TestProjectIncludeWithoutMakefile(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
include: [sub/sub.yaml]
-- .env --
A=root
-- sub/sub.yaml --
services: {}
-- sub/.env --
A=sub
B=sub
`)
	p := Of(ws.Snapshot(), ws.URI("sub/sub.yaml"))
	if v := p.Lookup("A"); v.Value != "root" {
		t.Errorf("A in the included file = %+v, want the includer's value", v)
	}
	if v := p.Lookup("B"); v.Value != "sub" {
		t.Errorf("B in the included file = %+v, want its own .env's value", v)
	}
}

func TestProjectVariables(t *testing.T) {
	ws := testws.New(t, projectArchive)
	tests := []struct {
		file, name, value, source string
		set                       bool
	}{
		{"srcs/compose.yaml", "TAG", "prod", "prod.env:1", true},
		{"infra/infra.yaml", "ONLY_INFRA", "1", ".env:1", true},
		{"infra/infra.yaml", "TAG", "prod", "prod.env:1", true},
		{"srcs/compose.yaml", "NOPE", "", "", false},
	}
	for _, tt := range tests {
		v := Of(ws.Snapshot(), ws.URI(tt.file)).Lookup(tt.name)
		if v.Value != tt.value || v.Source != tt.source || v.Set != tt.set {
			t.Errorf("%s in %s = %+v, want %q from %q (set %v)", tt.name, tt.file, v, tt.value, tt.source, tt.set)
		}
	}
	for name, secret := range map[string]bool{"DB_PASSWORD": true, "api_key": true, "GH_TOKEN": true, "TAG": false, "MONKEY_ISLAND": true} {
		if workspace.LooksSecret(name) != secret {
			t.Errorf("LooksSecret(%q) = %v", name, !secret)
		}
	}
}
