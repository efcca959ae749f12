package dockerfile

import (
	"strings"
)

// ImageRef is an image reference split as the distribution reference
// grammar does. The first "/"-separated part is a registry host when it
// contains "." or ":" or is "localhost". Otherwise the image is on Docker
// Hub.
type ImageRef struct {
	Registry   string // "docker.io" for Docker Hub
	Repository string // the path, with "library/" for official Hub images
	Tag        string // "" when none
	Digest     string // "sha256:..."; "" when none
}

// ParseImageRef splits an image reference. It reports false for a value
// with no repository, such as a bare registry host, or with unexpanded
// variables.
func ParseImageRef(image string) (ImageRef, bool) {
	if image == "" || strings.ContainsAny(image, "${} \t") {
		return ImageRef{}, false
	}
	var ref ImageRef
	rest := image
	if at := strings.IndexByte(rest, '@'); at >= 0 {
		ref.Digest, rest = rest[at+1:], rest[:at]
	}
	if colon := strings.LastIndexByte(rest, ':'); colon > strings.LastIndexByte(rest, '/') {
		ref.Tag, rest = rest[colon+1:], rest[:colon]
	}
	first, path, hasPath := strings.Cut(rest, "/")
	if hasPath && (strings.ContainsAny(first, ".:") || first == "localhost") {
		ref.Registry, ref.Repository = first, path
	} else {
		ref.Registry, ref.Repository = "docker.io", rest
	}
	if ref.Registry == "index.docker.io" || ref.Registry == "registry-1.docker.io" {
		ref.Registry = "docker.io"
	}
	if ref.Repository == "" || strings.ContainsAny(first, ".:") && !hasPath {
		return ImageRef{}, false
	}
	if ref.Registry == "docker.io" && !strings.Contains(ref.Repository, "/") {
		ref.Repository = "library/" + ref.Repository
	}
	return ref, true
}

// PageURL returns the web page of the image's repository on a registry
// that has one (Docker Hub, GitHub, Quay, Microsoft), or "".
func (r ImageRef) PageURL() string {
	switch r.Registry {
	case "docker.io":
		if name, ok := strings.CutPrefix(r.Repository, "library/"); ok {
			return "https://hub.docker.com/_/" + name
		}
		return "https://hub.docker.com/r/" + r.Repository
	case "ghcr.io":
		return "https://ghcr.io/" + r.Repository
	case "quay.io":
		return "https://quay.io/repository/" + r.Repository
	case "mcr.microsoft.com":
		return "https://mcr.microsoft.com/artifact/mar/" + r.Repository
	}
	return ""
}

// String returns the reference in familiar form: Docker Hub images without
// "docker.io/" and "library/".
func (r ImageRef) String() string {
	s := r.Repository
	if r.Registry == "docker.io" {
		s = strings.TrimPrefix(s, "library/")
	} else {
		s = r.Registry + "/" + s
	}
	if r.Tag != "" {
		s += ":" + r.Tag
	}
	if r.Digest != "" {
		s += "@" + r.Digest
	}
	return s
}
