package position

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// URI is a normalized "file://" URI that names one file. It is normalized
// once, when it enters stackls, so two URIs for the same file compare equal.
type URI string

// URIFromPath returns the file URI of an OS path. A relative path is made
// absolute against the current directory.
func URIFromPath(path string) URI {
	if filepath.Separator == '/' && len(path) > 0 && path[0] == '/' {
		if clean := filepath.Clean(path); isPlainPath(clean) {
			return URI(fileScheme + clean) // the string url.URL.String gives for such a path
		}
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	path = filepath.ToSlash(filepath.Clean(path))
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // Windows drive letter: file:///C:/x
	}
	u := url.URL{Scheme: "file", Path: path}
	return URI(u.String())
}

// ParseURI normalizes a URI received from a client. File URIs are decoded
// and re-encoded so that percent-encoding and drive letter case agree; other
// schemes are returned unchanged.
func ParseURI(raw string) (URI, error) {
	if !strings.HasPrefix(raw, "file:") {
		return URI(raw), nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid URI %q: %w", raw, err)
	}
	path := u.Path
	if len(path) >= 3 && path[0] == '/' && path[2] == ':' {
		path = "/" + strings.ToUpper(path[1:2]) + path[2:]
	}
	return URI((&url.URL{Scheme: "file", Path: path}).String()), nil
}

// Path returns the OS path of a file URI, or "" for another scheme.
func (u URI) Path() string {
	if rest, ok := strings.CutPrefix(string(u), fileScheme); ok && len(rest) > 0 && rest[0] == '/' && isPlainPath(rest) {
		return osPath(rest) // the path url.Parse finds in such a URI
	}
	parsed, err := url.Parse(string(u))
	if err != nil || parsed.Scheme != "file" {
		return ""
	}
	return osPath(parsed.Path)
}

// osPath returns the OS path of the slash-separated path of a file URI.
func osPath(path string) string {
	if len(path) >= 3 && path[0] == '/' && path[2] == ':' {
		path = path[1:] // "/C:/x" is "C:/x" on Windows
	}
	return filepath.FromSlash(path)
}

// fileScheme is the prefix of a file URI with an empty host.
const fileScheme = "file://"

// isPlainPath reports whether every byte of a slash-separated path is one
// that net/url neither escapes in a path nor treats as a delimiter or an
// escape: ASCII letters and digits and "-_.~$&+,/:;=@". Path and
// URIFromPath skip net/url for such paths, which are most of them, since
// parsing showed up in profiles of the index.
func isPlainPath(path string) bool {
	for i := 0; i < len(path); i++ {
		if !plainPathByte[path[i]] {
			return false
		}
	}
	return true
}

// plainPathByte marks the bytes that isPlainPath accepts.
var plainPathByte = func() (table [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		table[c], table[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		table[c] = true
	}
	for _, c := range []byte("-_.~$&+,/:;=@") {
		table[c] = true
	}
	return table
}()

// Base returns the last element of the URI's path.
func (u URI) Base() string { return filepath.Base(u.Path()) }

// Dir returns the OS path of the folder that holds the file.
func (u URI) Dir() string { return filepath.Dir(u.Path()) }
