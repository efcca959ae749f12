package dockerfile

import "testing"

func TestParseImageRef(t *testing.T) {
	tests := []struct {
		image string
		ok    bool
		want  ImageRef
		page  string
	}{
		{"nginx:1.27", true, ImageRef{Registry: "docker.io", Repository: "library/nginx", Tag: "1.27"}, "https://hub.docker.com/_/nginx"},
		{"bitnami/redis:7.2", true, ImageRef{Registry: "docker.io", Repository: "bitnami/redis", Tag: "7.2"}, "https://hub.docker.com/r/bitnami/redis"},
		{"ghcr.io/acme-labs/tool:2.0", true, ImageRef{Registry: "ghcr.io", Repository: "acme-labs/tool", Tag: "2.0"}, "https://ghcr.io/acme-labs/tool"},
		{"localhost:5000/team/app:dev", true, ImageRef{Registry: "localhost:5000", Repository: "team/app", Tag: "dev"}, ""},
		{"localhost/team/app", true, ImageRef{Registry: "localhost", Repository: "team/app"}, ""},
		{"registry.internal.test/app", true, ImageRef{Registry: "registry.internal.test", Repository: "app"}, ""},
		{"mcr.microsoft.com", false, ImageRef{}, ""},
		{"docker.io/library/postgres:16", true, ImageRef{Registry: "docker.io", Repository: "library/postgres", Tag: "16"}, "https://hub.docker.com/_/postgres"},
		{"${REGISTRY:-localhost}/team/app", false, ImageRef{}, ""},
		{"alpine@sha256:abc", true, ImageRef{Registry: "docker.io", Repository: "library/alpine", Digest: "sha256:abc"}, "https://hub.docker.com/_/alpine"},
		{"quay.io/prometheus/node-exporter:v1.8.0@sha256:abc", true, ImageRef{Registry: "quay.io", Repository: "prometheus/node-exporter", Tag: "v1.8.0", Digest: "sha256:abc"}, "https://quay.io/repository/prometheus/node-exporter"},
		{"", false, ImageRef{}, ""},
	}
	for _, tt := range tests {
		got, ok := ParseImageRef(tt.image)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseImageRef(%q) = %+v, %v; want %+v, %v", tt.image, got, ok, tt.want, tt.ok)
			continue
		}
		if ok && got.PageURL() != tt.page {
			t.Errorf("PageURL of %q = %q, want %q", tt.image, got.PageURL(), tt.page)
		}
	}
}
