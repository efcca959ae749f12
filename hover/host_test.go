package hover

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// hostHoverArchive has one service built from a Dockerfile and used as a
// host by a script that two services run, and one service that two compose
// files define.
const hostHoverArchive = `
-- srcs/docker-compose.yml --
name: shop
services:
  api:
    build:
      context: api
      dockerfile: api.Dockerfile
      target: runtime
    container_name: shop-api
    ports:
      - "8080:80"
    networks: [front, back]
  worker:
    build:
      context: api
      dockerfile: api.Dockerfile
      target: runtime
    networks: [back]
  cache:
    image: redis:7
-- srcs/docker-compose.override.yml --
services:
  cache:
    ports: ["6379:6379"]
-- srcs/api/api.Dockerfile --
FROM python:3.12-alpine AS runtime
COPY start.sh /start.sh
ENTRYPOINT ["/start.sh"]
-- srcs/api/start.sh --
«shebang»#!/bin/sh
nc -z «cache»cache 6379
curl -fsS http://«api»shop-api/health
exec "$@"
`

func TestHostHoverCard(t *testing.T) {
	ws := testws.New(t, hostHoverArchive)
	snap := ws.Snapshot()
	tests := []struct {
		marker, word string
		want         []string // parts the Markdown holds, in order
	}{
		{"api", "shop-api", []string{
			"**service `api`** defined at `srcs/docker-compose.yml:3` (project `shop`)",
			"- build: context `srcs/api`, Dockerfile `srcs/api/api.Dockerfile`, stage `runtime`",
			"- container name: `shop-api`",
			"- ports: `8080:80`",
			"- networks: `front`, `back`",
		}},
		{"cache", "cache", []string{
			"**service `cache`** defined at `srcs/docker-compose.yml:18`",
			"- image: `redis:7`",
			"- networks: `default`",
			"---",
			"**service `cache`** defined at `srcs/docker-compose.override.yml:2`",
			"- ports: `6379:6379`",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.marker, func(t *testing.T) {
			uri, offset := ws.Marker(tt.marker)
			got, err := Hover(context.Background(), snap, uri, offset+1)
			if err != nil || got == nil {
				t.Fatalf("Hover at «%s» = %v, %v", tt.marker, got, err)
			}
			if want := (position.Span{Start: offset, End: offset + len(tt.word)}); got.Span != want {
				t.Errorf("hover Span = %v, want %v", got.Span, want)
			}
			rest := got.Markdown
			for _, part := range tt.want {
				i := strings.Index(rest, part)
				if i < 0 {
					t.Fatalf("hover Markdown lacks %q after the parts before it:\n%s", part, got.Markdown)
				}
				rest = rest[i+len(part):]
			}
		})
	}
}

func TestShebangHoverListsServices(t *testing.T) {
	ws := testws.New(t, hostHoverArchive)
	uri, offset := ws.Marker("shebang")
	got, err := Hover(context.Background(), ws.Snapshot(), uri, offset+2)
	if err != nil || got == nil {
		t.Fatalf("Hover on the shebang = %v, %v", got, err)
	}
	for _, part := range []string{"Runs in the container of `api`, `worker`.", "**service `api`**", "**service `worker`**"} {
		if !strings.Contains(got.Markdown, part) {
			t.Errorf("hover lacks %q:\n%s", part, got.Markdown)
		}
	}
}

func TestHostHoverNothing(t *testing.T) {
	ws := testws.New(t, hostHoverArchive)
	snap := ws.Snapshot()
	uri := ws.URI("srcs/api/start.sh")
	for _, offset := range []int{-1, len(ws.Content("srcs/api/start.sh")) + 1, ws.Find("srcs/api/start.sh", "6379", 1).Start} {
		if got, err := Hover(context.Background(), snap, uri, offset); err != nil || got != nil {
			t.Errorf("Hover at %d = %+v, %v; want nil", offset, got, err)
		}
	}
}
