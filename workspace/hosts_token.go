package workspace

import (
	"strings"
)

// A host use is recognised from its form, never from the text around it:
//
//   - a URL's host: "mariadb" in "mysql://user@mariadb:3306/db";
//   - host:port, where the port is digits or a variable: "mariadb:3306";
//   - a bare name after a key that names a host: "-h mariadb",
//     "--host=mariadb", "DB_HOST=mariadb", "server mariadb;" in an nginx
//     upstream, "define('DB_HOST', 'mariadb')" in PHP;
//   - in a script, a bare argument of a network command: "nc -z mariadb".
//
// Words are split on blanks, quotes and punctuation first, so a name inside
// another word, a path or a comment is never a host use.

// textToken is one piece of text between separators.
type textToken struct {
	text  string
	start int    // byte offset of text in the file
	key   string // for "key=value", the key before "="; "" otherwise
}

// tokenSeparators end a token everywhere except inside "${...}" or "$(...)".
const tokenSeparators = " \t\r\n\"'`,;()<>|{}[]"

// splitTokens splits text, which starts at byte offset base of its file,
// into tokens. "key=value" gives the token "key" and the token "value" with
// key set; a "$" expansion stays inside its token.
func splitTokens(text string, base int) []textToken {
	var tokens []textToken
	for i := 0; i < len(text); {
		if strings.IndexByte(tokenSeparators, text[i]) >= 0 {
			i++
			continue
		}
		end := tokenEnd(text, i)
		tokens = appendKeyValue(tokens, text[i:end], base+i)
		i = end
	}
	return tokens
}

// tokenEnd returns the end of the token that starts at i.
func tokenEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c == '$' && i+1 < len(text) && (text[i+1] == '{' || text[i+1] == '(') {
			i = closingBracket(text, i+1)
			continue
		}
		if strings.IndexByte(tokenSeparators, c) >= 0 {
			return i
		}
		i++
	}
	return i
}

// closingBracket returns the offset just past the bracket that closes the
// one at open, or len(text) when it is not closed.
func closingBracket(text string, open int) int {
	closing := byte('}')
	if text[open] == '(' {
		closing = ')'
	}
	depth := 0
	for i := open; i < len(text); i++ {
		switch text[i] {
		case text[open]:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return i + 1
			}
		case '\n':
			return i
		}
	}
	return len(text)
}

// appendKeyValue appends a token, split at its first "=" outside an
// expansion into a key token and a value token.
func appendKeyValue(tokens []textToken, text string, start int) []textToken {
	eq := strings.IndexByte(text, '=')
	if dollar := strings.IndexByte(text, '$'); dollar >= 0 && dollar < eq {
		eq = -1 // "${A:=x}" is an expansion, not a key
	}
	if eq < 0 {
		return append(tokens, textToken{text: text, start: start})
	}
	if eq > 0 {
		tokens = append(tokens, textToken{text: text[:eq], start: start})
	}
	if eq+1 < len(text) {
		tokens = append(tokens, textToken{text: text[eq+1:], start: start + eq + 1, key: text[:eq]})
	}
	return tokens
}

// hostForm returns the host that a token names by its form, a URL or
// host:port, with the host's offset in the token and the port ("" when
// none). It returns ok false when the token has neither form.
func hostForm(text string) (host string, offset int, port string, ok bool) {
	if i := strings.Index(text, "://"); i > 0 && isScheme(text[:i]) {
		offset = i + 3
		authority := text[offset:]
		if j := strings.IndexAny(authority, "/?#"); j >= 0 {
			authority = authority[:j]
		}
		if at := strings.LastIndexByte(authority, '@'); at >= 0 {
			offset += at + 1
			authority = authority[at+1:]
		}
		host, port, _ = strings.Cut(authority, ":")
		return host, offset, port, isHostname(host) && (port == "" || isPort(port))
	}
	host, rest, found := strings.Cut(text, ":")
	if !found || !isHostname(host) {
		return "", 0, "", false
	}
	port, _, _ = strings.Cut(rest, "/")
	if !isPort(port) {
		return "", 0, "", false
	}
	return host, 0, port, true
}

// isScheme reports whether s is a URL scheme such as "http" or "mysql+tcp".
func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}

// isPort reports whether s is a port number or a variable holding one.
func isPort(s string) bool {
	if strings.HasPrefix(s, "$") {
		return len(s) > 1
	}
	if s == "" || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isHostname reports whether s can be a container's host name: letters,
// digits, "-", "_" and ".", with at least one letter, starting and ending
// with a letter or digit. Numbers and IP addresses are not host names.
func isHostname(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	hasLetter := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
			hasLetter = true
		case c >= '0' && c <= '9', c == '_':
		case c == '-' || c == '.':
			if i == 0 || i == len(s)-1 {
				return false
			}
		default:
			return false
		}
	}
	return hasLetter
}

// exactHostKeys are keys, flags and directives whose value is a host.
var exactHostKeys = map[string]bool{
	"H": true, "HOST": true, "HOSTS": true, "HOSTNAME": true, "SERVER": true, "SERVERS": true,
	"ADDR": true, "ADDRESS": true, "BACKEND": true, "ENDPOINT": true, "CONNECT": true,
	"REMOTE": true, "PEER": true,
	// nginx directives that take an address
	"PROXY_PASS": true, "FASTCGI_PASS": true, "UWSGI_PASS": true, "SCGI_PASS": true,
	"GRPC_PASS": true, "MEMCACHED_PASS": true,
}

// hostKeySuffixes end the names of variables and options that hold a host,
// such as WORDPRESS_DB_HOST, --dbhost or REDIS_SERVER.
var hostKeySuffixes = []string{"HOST", "HOSTS", "HOSTNAME", "_SERVER", "_SERVERS", "_ADDR", "_ADDRESS", "_UPSTREAM", "_BACKEND", "_ENDPOINT"}

// isHostKey reports whether a key, flag or directive names a host. Dashes,
// "$", ":" and case do not count, so "-h", "--host", "DB_HOST", "db-host:"
// and "$dbhost" name a host, and "server_name" does not.
func isHostKey(key string) bool {
	k := strings.ToUpper(strings.Trim(key, "-:$ \t"))
	k = strings.NewReplacer("-", "_", ".", "_").Replace(k)
	if k == "" || k == "LOCALHOST" {
		return false
	}
	if exactHostKeys[k] {
		return true
	}
	for _, suffix := range hostKeySuffixes {
		if strings.HasSuffix(k, suffix) {
			return true
		}
	}
	return false
}
