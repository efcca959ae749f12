package position

import (
	"net/url"
	"path/filepath"
	"testing"
)

// slowURIFromPath and slowPath are URIFromPath and URI.Path through
// net/url only, the reference for their fast paths.
func slowURIFromPath(path string) URI {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	path = filepath.ToSlash(filepath.Clean(path))
	u := url.URL{Scheme: "file", Path: path}
	return URI(u.String())
}

func slowPath(u URI) string {
	parsed, err := url.Parse(string(u))
	if err != nil || parsed.Scheme != "file" {
		return ""
	}
	return osPath(parsed.Path)
}

func TestPlainPathsMatchNetURL(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("the fast paths apply to slash-separated OS paths only")
	}
	paths := []string{
		"/", "/a", "/a/b.sh", "/a//b/../c/./d", "/srv/app-1_x.~/Dockerfile",
		"/a/$HOME&x+y,z;k=v@h:1", "/a b/c", "/é/x", "/a%20b", "/a?b", "/a#b",
		"/a/(x)!*'", "/tab\there", "/a/", "/.env", "/C:/x",
	}
	for _, p := range paths {
		if got, want := URIFromPath(p), slowURIFromPath(p); got != want {
			t.Errorf("URIFromPath(%q) = %q, want %q", p, got, want)
		}
	}
	uris := []URI{
		"file:///a/b", "file:///a%20b", "file:////x", "file:///C:/x", "file://host/x",
		"file:///a?q", "file:///a#f", "untitled:1", "file:", "file://", "file:///",
		"FILE:///a", "file:///a/$&+,;=:@~", "file:///a/(b)",
	}
	for _, u := range uris {
		if got, want := u.Path(), slowPath(u); got != want {
			t.Errorf("URI(%q).Path() = %q, want %q", u, got, want)
		}
	}
	for _, p := range paths {
		u := URIFromPath(p)
		if got, want := u.Path(), slowPath(u); got != want {
			t.Errorf("round trip of %q: Path() = %q, want %q", p, got, want)
		}
	}
}

func BenchmarkURIPath(b *testing.B) {
	uri := URIFromPath("/home/user/src/stacks/stack-042/audit-worker-0006/entrypoint.sh")
	b.ReportAllocs()
	for b.Loop() {
		if uri.Path() == "" {
			b.Fatal("no path")
		}
	}
}

func BenchmarkURIFromPath(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		URIFromPath("/home/user/src/stacks/stack-042/audit-worker-0006/entrypoint.sh")
	}
}
