package diagnostics_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

// qaArchive holds patterns of public projects: a standalone image whose
// variables come from "docker run -e", an apache entrypoint that sources
// Debian's envvars, a wrapper that ends by sourcing the upstream
// entrypoint, a service with a missing env_file, a service defined in two
// projects, and a monitor that bind-mounts the host's root.
const qaArchive = `
-- postgres/Dockerfile --
FROM debian:bookworm-slim
COPY --chmod=755 docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
-- postgres/docker-entrypoint.sh --
#!/usr/bin/env bash
echo "$POSTGRES_PASSWORD"
exec "$@"
-- compose.yaml --
name: shop
services:
  web:
    build: web
    env_file: [web.env]
  app:
    build: app
    environment:
      DB_HOST: db
  monitor:
    image: alpine:3.20
    volumes:
      - /:/rootfs:ro
      - /var/run/docker.sock:/var/run/docker.sock
-- staging/compose.yaml --
name: staging
services:
  app:
    build: ../app
-- web/Dockerfile --
FROM debian:bookworm-slim
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
CMD ["apache2", "-DFOREGROUND"]
-- web/run.sh --
#!/bin/sh
mkdir -p "$APACHE_LOG_DIR"
echo "$«token»APP_TOKEN"
. /etc/apache2/envvars
echo "$FROM_ENVVARS"
. /usr/local/bin/docker-php-entrypoint
-- app/Dockerfile --
FROM debian:bookworm-slim
COPY --chmod=755 run.sh /run.sh
ENTRYPOINT ["/run.sh"]
-- app/run.sh --
#!/bin/sh
nc -z db 5432 || echo "$«host»DB_HOST"
exec "$@"
`

func TestContainerModelQAOverLSP(t *testing.T) {
	c := lsptest.New(t, qaArchive)
	tests := []struct {
		path   string
		word   string // the text the one diagnostic covers; "" for none
		part   string
		absent string // a text the message must not hold
	}{
		{"postgres/docker-entrypoint.sh", "", "", ""},
		{"web/run.sh", "APP_TOKEN", "the env_file `web.env` that may set it is missing", "`env_file` or Dockerfile"},
		{"app/run.sh", "DB_HOST", "is set for service `app` of project `shop` but not for service `app` of project `staging`", "`app` and `app`"},
	}
	for _, tt := range tests {
		c.Open(tt.path)
		got := c.Diagnostics(tt.path)
		if tt.word == "" {
			if len(got) != 0 {
				t.Errorf("diagnostics of %s = %v, want none", tt.path, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Code != "UndefinedVariable" {
			t.Errorf("diagnostics of %s = %v, want one UndefinedVariable", tt.path, got)
			continue
		}
		content := c.Content(tt.path)
		if text := string(content[got[0].Span.Start:got[0].Span.End]); text != tt.word {
			t.Errorf("%s: diagnostic covers %q, want %q", tt.path, text, tt.word)
		}
		if !strings.Contains(got[0].Message, tt.part) || strings.Contains(got[0].Message, tt.absent) {
			t.Errorf("%s: message %q, want it to hold %q and not %q", tt.path, got[0].Message, tt.part, tt.absent)
		}
	}

	// The host's root mounted in monitor does not make monitor run app's
	// script: hover on its variable names app's containers only.
	c.Open("app/run.sh")
	hover := c.Hover("host")
	if hover == nil || strings.Contains(hover.Markdown, "monitor") {
		t.Errorf("hover on DB_HOST = %+v, want no line for monitor", hover)
	}
}
