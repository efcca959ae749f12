package hover_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/hover"
	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/internal/testws"
)

// dotenvHoverArchive is a project whose .env fills in compose references,
// is read whole by one service through env_file, and is passed on under a
// new name by another.
const dotenvHoverArchive = `
-- srcs/.env --
«domain»DOMAIN_NAME=login.42.fr
«dbname»DB_NAME=wordpress
«dbpass»DB_PASSWORD=hunter2
«token»API_TOKEN=abc123
«cred»AWS_CREDENTIALS=s3cr3t
«dup»DUP=first
DUP=second
«inherit»FROM_SHELL
-- srcs/docker-compose.yml --
services:
  mariadb:
    build: mariadb
    env_file: .env
  wordpress:
    image: wordpress:6
    environment:
      - WP_DB=${DB_NAME}
      - DOMAIN_NAME=${DOMAIN_NAME}
      - DB_PASSWORD
-- srcs/mariadb/Dockerfile --
FROM mariadb:11
-- other/.env --
«unused»UNUSED=1
`

func TestDotEnvKeyHover(t *testing.T) {
	ws := testws.New(t, dotenvHoverArchive)
	snap := ws.Open("srcs/.env", "dotenv")
	tests := []struct {
		marker string
		want   []string
		absent []string
	}{
		{"dbname", []string{"**`DB_NAME`** = `wordpress`", "`${DB_NAME}` at `srcs/docker-compose.yml:8`",
			"service `mariadb`, through `env_file` at `srcs/.env:2`", "service `wordpress` as `WP_DB`, through compose `environment` at `srcs/docker-compose.yml:8`"}, nil},
		{"domain", []string{"= `login.42.fr`", "`${DOMAIN_NAME}` at `srcs/docker-compose.yml:9`", "service `wordpress`, through compose `environment`"}, []string{"as `DOMAIN_NAME`"}},
		{"dbpass", []string{"**`DB_PASSWORD`** is set (value hidden", "service `wordpress`, through compose `environment` at `srcs/docker-compose.yml:10`"}, []string{"hunter2"}},
		{"token", []string{"value hidden"}, []string{"abc123"}},
		{"cred", []string{"value hidden"}, []string{"s3cr3t"}},
		{"unused", []string{"No compose file of the workspace reads it"}, []string{"**Interpolated"}},
		{"dup", []string{"= `first`", "Line 7 sets it again"}, nil},
		{"inherit", []string{"takes its value from the environment"}, nil},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		for _, at := range []int{offset, offset + 2} {
			got, err := hover.Hover(context.Background(), snap, uri, at)
			if err != nil || got == nil {
				t.Fatalf("hover «%s»+%d: got %v, %v", tt.marker, at-offset, got, err)
			}
			if got.Span.Start != offset {
				t.Errorf("hover «%s»: Span starts at %d, want %d", tt.marker, got.Span.Start, offset)
			}
			for _, w := range tt.want {
				if !strings.Contains(got.Markdown, w) {
					t.Errorf("hover «%s»: want %q in\n%s", tt.marker, w, got.Markdown)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(got.Markdown, a) {
					t.Errorf("hover «%s»: want no %q in\n%s", tt.marker, a, got.Markdown)
				}
			}
		}
	}
	valueOffset := ws.Find("srcs/.env", "wordpress", 1).Start
	if got, _ := hover.Hover(context.Background(), snap, ws.URI("srcs/.env"), valueOffset+1); got != nil {
		t.Errorf("hover on a plain value: want nil, got %q", got.Markdown)
	}
}

// TestDotEnvKeyHoverOverLSP hovers a .env key through a real server.
func TestDotEnvKeyHoverOverLSP(t *testing.T) {
	c := lsptest.New(t, dotenvHoverArchive)
	c.Open("srcs/.env")
	got := c.Hover("dbname")
	if got == nil {
		t.Fatal("hover on a .env key: got nothing")
	}
	for _, want := range []string{"**`DB_NAME`** = `wordpress`", "`${DB_NAME}` at `srcs/docker-compose.yml:8`", "service `mariadb`"} {
		if !strings.Contains(got.Markdown, want) {
			t.Errorf("hover: want %q in\n%s", want, got.Markdown)
		}
	}
	_, offset := c.WS.Marker("dbname")
	if got.Span.Start != offset || got.Span.Len() != len("DB_NAME") {
		t.Errorf("hover Span = %v, want the key at %d", got.Span, offset)
	}
	if secret := c.Hover("dbpass"); secret == nil || strings.Contains(secret.Markdown, "hunter2") {
		t.Errorf("hover on DB_PASSWORD: want the value hidden, got %+v", secret)
	}
}
