package completion

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/internal/testws"
)

func init() {
	project.LookupEnv = func(string) (string, bool) { return "", false }
}

const completionArchive = `
-- .env --
TAG=1.27
DB_PASSWORD=hunter2
-- app/Dockerfile --
ARG BASE=alpine
FROM ${BASE} AS build
ARG VERSION
FROM build AS final
-- compose.yaml --
services:
  web:
    image: nginx:${«var»}
    rest«restart»
    pull_policy: «pull»
    depends_on:
      - «dep»
    networks: 
      - «net»
    volumes:
      - «vol»
    ports:
      - published: 80
        «portkey»
  api:
    image: x
    restart: «restartValue»
    depends_on:
      «depkey»
    build:
      context: ./app
      target: «target»
      args:
        «arg»
    extends:
      file: ./common/base.yaml
      service: «ext»
  db:
    image: postgres
    depends_on:
      api:
        condition: «cond»
«top»
networks:
  front:
volumes:
  data:
-- common/base.yaml --
services:
  runner:
    image: alpine
`

func TestComposeCompletion(t *testing.T) {
	ws := testws.New(t, completionArchive)
	tests := []struct {
		marker   string
		contains []string // labels that must be offered
		excludes []string // labels that must not be offered
		exact    bool     // contains is the whole list, in order
	}{
		{marker: "var", contains: []string{"TAG", "DB_PASSWORD"}, exact: true},
		{marker: "restart", contains: []string{"restart", "read_only", "healthcheck"}, excludes: []string{"image", "depends_on", "services"}},
		{marker: "pull", contains: []string{"always", "missing", "never", "build"}},
		{marker: "dep", contains: []string{"api", "db"}, exact: true},
		{marker: "net", contains: []string{"front"}, exact: true},
		{marker: "vol", contains: []string{"data"}, exact: true},
		{marker: "portkey", contains: []string{"target", "protocol", "host_ip"}, excludes: []string{"published", "image"}},
		{marker: "restartValue", contains: []string{"no", "always", "on-failure", "unless-stopped"}, exact: true},
		{marker: "depkey", contains: []string{"web", "db"}, exact: true},
		{marker: "target", contains: []string{"build", "final"}, exact: true},
		{marker: "arg", contains: []string{"BASE", "VERSION"}, exact: true},
		{marker: "ext", contains: []string{"runner"}, exact: true},
		{marker: "cond", contains: []string{"service_completed_successfully", "service_healthy", "service_started"}, exact: true},
		{marker: "top", contains: []string{"configs", "include", "name", "secrets"}, excludes: []string{"services", "networks", "volumes"}},
	}
	for _, tt := range tests {
		t.Run(tt.marker, func(t *testing.T) {
			uri, offset := ws.Marker(tt.marker)
			list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if list == nil {
				t.Fatalf("no completion at «%s»", tt.marker)
			}
			var labels []string
			got := map[string]bool{}
			for _, item := range list.Items {
				labels = append(labels, item.Label)
				got[item.Label] = true
			}
			if tt.exact && strings.Join(labels, " ") != strings.Join(tt.contains, " ") {
				t.Errorf("completion at «%s» = %v, want exactly %v", tt.marker, labels, tt.contains)
			}
			for _, want := range tt.contains {
				if !got[want] {
					t.Errorf("completion at «%s» lacks %q: %v", tt.marker, want, labels)
				}
			}
			for _, bad := range tt.excludes {
				if got[bad] {
					t.Errorf("completion at «%s» offers %q", tt.marker, bad)
				}
			}
		})
	}
}

func TestComposeCompletionEdits(t *testing.T) {
	ws := testws.New(t, completionArchive)
	uri, offset := ws.Marker("restart")
	list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{})
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("compose.yaml")
	for _, item := range list.Items {
		if item.Label != "restart" {
			continue
		}
		if got := string(content[item.Edit.Span.Start:item.Edit.Span.End]); got != "rest" {
			t.Errorf("restart replaces %q, want %q", got, "rest")
		}
		if item.Edit.NewText != "restart: " {
			t.Errorf("restart inserts %q", item.Edit.NewText)
		}
		if !strings.Contains(item.Documentation, "Restart policy") {
			t.Errorf("restart documentation = %q", item.Documentation)
		}
	}
	uri, offset = ws.Marker("var")
	list, _ = Complete(context.Background(), ws.Snapshot(), uri, offset, Options{})
	for _, item := range list.Items {
		if strings.Contains(item.Detail, "hunter2") {
			t.Errorf("completion shows the value of %s: %q", item.Label, item.Detail)
		}
	}
}

// TestComposeCompletionCases covers the cases of odd input: a file of one
// space, an extends service after "service: " with a trailing space, and
// CRLF line ends.
func TestComposeCompletionCases(t *testing.T) {
	tests := []struct {
		name, archive string
		crlf          bool
		want          string // a label that must be offered
		exact         string // when set, the whole list
	}{
		{name: "one space", archive: "-- compose.yaml --\n «m»", want: "services"},
		{name: "empty", archive: "-- compose.yaml --\n«m»", want: "services"},
		{name: "extends after trailing space", archive: `
-- compose.yaml --
include:
  - ./infra/compose.infra.yaml
services:
  web:
    image: nginx:1.27
  job:
    extends:
      file: ./common/compose.base.yaml
      service: «m»
  job2:
    extends: web
-- infra/compose.infra.yaml --
services:
  cache:
    image: redis
-- common/compose.base.yaml --
services:
  runner:
    image: alpine:3.20
`, exact: "runner"},
		{name: "CRLF", crlf: true, archive: "-- compose.yaml --\nservices:\n  web:\n    image: x\n  db:\n    depends_on:\n      - «m»\n", exact: "web"},
		{name: "depends_on leaves out the services listed", archive: "-- compose.yaml --\nservices:\n  web: {image: x}\n  cache: {image: x}\n  queue: {image: x}\n  app:\n    image: x\n    depends_on:\n      - web\n      - «m»\n      - queue\n", exact: "cache"},
		{name: "the item being retyped stays", archive: "-- compose.yaml --\nservices:\n  web: {image: x}\n  cache: {image: x}\n  app:\n    image: x\n    links:\n      - web\n      - cache«m»\n", exact: "cache"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []testws.Option
			if tt.crlf {
				opts = append(opts, testws.WithCRLF("compose.yaml"))
			}
			ws := testws.New(t, tt.archive, opts...)
			uri, offset := ws.Marker("m")
			list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{})
			if err != nil || list == nil {
				t.Fatalf("completion = %v, %v", list, err)
			}
			var labels []string
			for _, item := range list.Items {
				labels = append(labels, item.Label)
			}
			joined := strings.Join(labels, " ")
			if tt.exact != "" && joined != tt.exact {
				t.Errorf("labels = %q, want %q", joined, tt.exact)
			}
			if tt.want != "" && !strings.Contains(" "+joined+" ", " "+tt.want+" ") {
				t.Errorf("labels %q lack %q", joined, tt.want)
			}
		})
	}
}

func TestDotEnvCompletion(t *testing.T) {
	ws := testws.New(t, `
-- .env --
TAG=1.27
«key»
EMPTY=«value»
-- compose.yaml --
services:
  web:
    image: nginx:${TAG}
    environment:
      A: ${DB_HOST:-db}
      B: ${API_KEY}
`)
	uri, offset := ws.Marker("key")
	list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{})
	if err != nil || list == nil {
		t.Fatalf("completion = %v, %v", list, err)
	}
	var labels []string
	for _, item := range list.Items {
		labels = append(labels, item.Label)
	}
	if got := strings.Join(labels[:2], " "); got != "DB_HOST API_KEY" {
		t.Errorf("first labels = %q, want the unset variables %q", got, "DB_HOST API_KEY")
	}
	if strings.Contains(strings.Join(labels, " "), "TAG") {
		t.Errorf("labels offer TAG, which is already set: %v", labels)
	}
	if !strings.Contains(strings.Join(labels, " "), "COMPOSE_PROJECT_NAME") {
		t.Errorf("labels lack COMPOSE_PROJECT_NAME: %v", labels)
	}
	uri, offset = ws.Marker("value")
	if list, _ := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{}); list != nil {
		t.Errorf("completion in a value = %v, want none", list.Items)
	}
}
