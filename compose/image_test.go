package compose

import "testing"

func TestParseImage(t *testing.T) {
	tests := []struct {
		in, registry, repository, url string
		ok                            bool
	}{
		{"nginx:1.27", "docker.io", "library/nginx", "https://hub.docker.com/_/nginx", true},
		{"bitnami/redis:7.2", "docker.io", "bitnami/redis", "https://hub.docker.com/r/bitnami/redis", true},
		{"ghcr.io/acme-labs/tool:2.0", "ghcr.io", "acme-labs/tool", "https://ghcr.io/acme-labs/tool", true},
		{"localhost:5000/team/app:dev", "localhost:5000", "team/app", "", true},
		{"localhost/team/app", "localhost", "team/app", "", true},
		{"registry.internal.test/app", "registry.internal.test", "app", "", true},
		{"mcr.microsoft.com", "", "", "", false},
		{"docker.io/library/postgres:16", "docker.io", "library/postgres", "https://hub.docker.com/_/postgres", true},
		{"nginx@sha256:0123", "docker.io", "library/nginx", "https://hub.docker.com/_/nginx", true},
		{"${REGISTRY:-localhost}/team/app", "", "", "", false},
		{"", "", "", "", false},
	}
	for _, tt := range tests {
		img, ok := ParseImage(tt.in)
		if ok != tt.ok || img.Registry != tt.registry || img.Repository != tt.repository || img.WebURL() != tt.url {
			t.Errorf("ParseImage(%q) = %+v %v (url %q), want %s %s %q %v", tt.in, img, ok, img.WebURL(), tt.registry, tt.repository, tt.url, tt.ok)
		}
	}
}
