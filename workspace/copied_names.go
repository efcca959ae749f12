package workspace

import (
	"path/filepath"
	"strings"
)

// notConfigExtensions are the extensions of files that a folder copy such
// as "COPY . ." takes along but that are never config files of the
// container: binaries, source code, documents, web assets and lock files.
// Their "${NAME}" and host-like words belong to their own language.
var notConfigExtensions = map[string]bool{
	// binaries and archives
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".ico": true, ".webp": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".zip": true, ".gz": true, ".tgz": true, ".tar": true, ".bz2": true, ".xz": true, ".7z": true,
	".jar": true, ".war": true, ".class": true, ".so": true, ".a": true, ".o": true,
	".dll": true, ".exe": true, ".pdf": true, ".mp3": true, ".mp4": true, ".pyc": true,
	".db": true, ".sqlite": true, ".bin": true, ".crt": true, ".key": true, ".pem": true,
	".wasm": true, ".map": true, ".log": true, ".csv": true, ".tsv": true,
	// documents and web assets
	".md": true, ".markdown": true, ".rst": true, ".adoc": true, ".txt": true,
	".html": true, ".htm": true, ".css": true, ".scss": true, ".sass": true, ".less": true, ".svg": true,
	// source code and project files
	".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true, ".tsx": true,
	".vue": true, ".svelte": true, ".py": true, ".pyi": true, ".ipynb": true,
	".go": true, ".mod": true, ".sum": true, ".rs": true, ".java": true, ".kt": true, ".kts": true,
	".scala": true, ".groovy": true, ".gradle": true, ".rb": true, ".erb": true,
	".c": true, ".h": true, ".cc": true, ".cpp": true, ".hpp": true,
	".cs": true, ".cshtml": true, ".razor": true, ".csproj": true, ".sln": true, ".fs": true,
	".swift": true, ".dart": true, ".ex": true, ".exs": true, ".erl": true, ".hs": true,
	".clj": true, ".pl": true, ".r": true, ".jl": true, ".lua": true, ".ftl": true, ".ftlh": true,
	".lock": true,
}

// notConfigNames are base names, lower-cased, of project files without a
// telling extension that are never config files of the container.
var notConfigNames = map[string]bool{
	"license": true, "licence": true, "notice": true, "authors": true, "copying": true,
	"changelog": true, "readme": true, "codeowners": true,
	"gemfile": true, "rakefile": true, "pipfile": true, "procfile": true,
	"vagrantfile": true, "jenkinsfile": true, "package-lock.json": true, "pnpm-lock.yaml": true,
}

// maybeCopiedConfig reports whether a copied file with this base name may
// be a config file of the container. Dot files such as ".gitignore" and
// ".editorconfig" configure the project's tools, not the container.
func maybeCopiedConfig(base string) bool {
	lower := strings.ToLower(base)
	if strings.HasPrefix(lower, ".") || notConfigNames[lower] {
		return false
	}
	return !notConfigExtensions[filepath.Ext(lower)]
}
