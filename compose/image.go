package compose

import "strings"

// ImageName is an image reference split the way the distribution
// reference rules split it.
type ImageName struct {
	Registry   string // "docker.io" for Docker Hub
	Repository string // path on the registry; "library/nginx" for an official image
	Tag        string // "" when none
	Digest     string // "sha256:..." or ""
	// RepositoryLen is the length in bytes of the part of the written
	// reference before its tag or digest.
	RepositoryLen int
}

// ParseImage splits an image reference such as "nginx:1.27",
// "localhost:5000/team/app:dev" or "ghcr.io/org/tool@sha256:...". The
// first "/"-separated component is a registry host when it holds "." or
// ":" or is "localhost"; otherwise the image is on Docker Hub, under
// "library/" for a single-component name. It returns false for a value
// that names no repository, such as "mcr.microsoft.com", or holds "$".
func ParseImage(ref string) (ImageName, bool) {
	if ref == "" || strings.ContainsAny(ref, "$ \t") {
		return ImageName{}, false
	}
	var img ImageName
	name := ref
	if i := strings.IndexByte(name, '@'); i >= 0 {
		img.Digest = name[i+1:]
		name = name[:i]
	}
	if i := strings.LastIndexByte(name, ':'); i > strings.LastIndexByte(name, '/') {
		img.Tag = name[i+1:]
		name = name[:i]
	}
	img.RepositoryLen = len(name)
	first, rest, hasSlash := strings.Cut(name, "/")
	switch {
	case hasSlash && (strings.ContainsAny(first, ".:") || first == "localhost"):
		img.Registry, img.Repository = first, rest
	case !hasSlash && (strings.ContainsAny(first, ".") || first == "localhost"):
		return ImageName{}, false // a registry host alone
	default:
		img.Registry, img.Repository = "docker.io", name
	}
	if img.Registry == "docker.io" || img.Registry == "index.docker.io" || img.Registry == "registry-1.docker.io" {
		img.Registry = "docker.io"
		if !strings.Contains(img.Repository, "/") {
			img.Repository = "library/" + img.Repository
		}
	}
	if img.Repository == "" || strings.HasSuffix(img.Repository, "/") {
		return ImageName{}, false
	}
	return img, true
}

// WebURL returns the page of the image's repository on its registry's
// website, or "" when the registry has no known public page.
func (img ImageName) WebURL() string {
	switch img.Registry {
	case "docker.io":
		if official, ok := strings.CutPrefix(img.Repository, "library/"); ok {
			return "https://hub.docker.com/_/" + official
		}
		return "https://hub.docker.com/r/" + img.Repository
	case "ghcr.io":
		return "https://ghcr.io/" + img.Repository
	case "quay.io":
		return "https://quay.io/repository/" + img.Repository
	case "mcr.microsoft.com":
		return "https://mcr.microsoft.com/artifact/mar/" + img.Repository
	case "public.ecr.aws":
		return "https://gallery.ecr.aws/" + img.Repository
	}
	return ""
}
