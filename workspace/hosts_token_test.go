package workspace

import (
	"fmt"
	"strings"
	"testing"
)

// describeHosts renders tokens as "name@offset:port" for comparison.
func describeHosts(tokens []*HostToken) string {
	parts := make([]string, len(tokens))
	for i, t := range tokens {
		parts[i] = fmt.Sprintf("%s@%d:%s", t.Name, t.Span.Start, t.Port)
	}
	return strings.Join(parts, " ")
}

// expectHosts renders the expected hosts of text, each given as the host
// text, which must occur once, and its port.
func expectHosts(t *testing.T, text string, hosts ...string) string {
	t.Helper()
	var parts []string
	for _, h := range hosts {
		name, port, _ := strings.Cut(h, "|")
		marker := strings.Index(text, "«"+name+"»")
		if marker < 0 {
			t.Fatalf("expected host «%s» is not marked in %q", name, text)
		}
		parts = append(parts, fmt.Sprintf("%s@%d:%s", name, marker-strings.Count(text[:marker], "«")*len("«")-strings.Count(text[:marker], "»")*len("»"), port))
	}
	return strings.Join(parts, " ")
}

// unmark removes «» markers.
func unmark(text string) string {
	return strings.NewReplacer("«", "", "»", "").Replace(text)
}

func TestScanConfig(t *testing.T) {
	tests := []struct {
		name  string
		text  string // hosts marked «name»
		hosts []string
	}{
		{"fastcgi_pass", "location ~ \\.php$ {\n    fastcgi_pass «wordpress»:9000;\n}\n", []string{"wordpress|9000"}},
		{"upstream server lines", "upstream php {\n    server «wordpress»:9000;\n    server «backup»;\n}\n", []string{"wordpress|9000", "backup|"}},
		{"upstream name is not a host", "upstream wordpress {\n}\n", nil},
		{"proxy_pass url", "proxy_pass http://«api»;\n", []string{"api|"}},
		{"proxy_pass url with port and path", "proxy_pass http://«api»:8080/v1/;\n", []string{"api|8080"}},
		{"server_name is not a host", "server_name wordpress;\n", nil},
		{"comment line", "# fastcgi_pass wordpress:9000;\n", nil},
		{"trailing comment", "listen 80; # proxy to wordpress:9000\n", nil},
		{"ini key", "[client]\nhost = «mariadb»\nport = 3306\n", []string{"mariadb|"}},
		{"ini semicolon comment", "; host = mariadb\n", nil},
		{"php define", "define( 'DB_HOST', '«mariadb»' );\n", []string{"mariadb|"}},
		{"php define with port", "define('DB_HOST', '«mariadb»:3306');\n", []string{"mariadb|3306"}},
		{"json", "{\"host\": \"«redis»\", \"port\": 6379}\n", []string{"redis|"}},
		{"yaml", "database:\n  host: «postgres»\n", []string{"postgres|"}},
		{"url with credentials", "dsn = mysql://user:pw@«mariadb»:3306/wp\n", []string{"mariadb|3306"}},
		{"path is not a host", "root /var/www/wordpress;\ninclude /etc/mariadb:3306/x;\n", nil},
		{"inside another word", "set $wordpress_backend 1;\n", nil},
		{"bind address is an address, not a host", "bind-address = 0.0.0.0\n", nil},
		{"variable host", "proxy_pass http://${UPSTREAM}:80;\n", nil},
		{"variable port", "server «app»:${PORT};\n", []string{"app|${PORT}"}},
		{"localhost key", "'root'@'localhost' IDENTIFIED BY 'x';\n", nil},
		{"time is not host:port", "at 10:30\n", nil},
		{"crlf", "fastcgi_pass «wordpress»:9000;\r\nserver «db»;\r\n", []string{"wordpress|9000", "db|"}},
		{"non-ASCII before", "# é\nset $x 'é😀'; fastcgi_pass «wordpress»:9000;\n", []string{"wordpress|9000"}},
		{"tab before", "\tfastcgi_pass\t«wordpress»:9000;\n", []string{"wordpress|9000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := unmark(tt.text)
			got := describeHosts(scanConfig([]byte(content), 0, len(content)))
			if want := expectHosts(t, tt.text, tt.hosts...); got != want {
				t.Errorf("input %q\nwant %q\ngot  %q", content, want, got)
			}
		})
	}
}

func TestScanShell(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		hosts []string
	}{
		{"nc", "nc -z «mariadb» 3306\n", []string{"mariadb|"}},
		{"nc with timeout option", "nc -w 3 -z «mariadb» 3306\n", []string{"mariadb|"}},
		{"until loop", "until nc -z «mariadb» 3306; do sleep 1; done\n", []string{"mariadb|"}},
		{"host flag", "mysqladmin ping -h «mariadb» --silent\n", []string{"mariadb|"}},
		{"host option with equals", "wp config create --dbhost=«mariadb»:3306 --dbname=wordpress\n", []string{"mariadb|3306"}},
		{"long host option", "redis-cli --host=«cache» ping\n", []string{"cache|"}},
		{"url", "curl -fsS \"http://«python_server»:8000/\"\n", []string{"python_server|8000"}},
		{"url with credentials", "psql postgres://app:pw@«db»:5432/app\n", []string{"db|5432"}},
		{"host and port word", "wait-for-it «db»:5432 -- echo up\n", []string{"db|5432"}},
		{"assignment", "WORDPRESS_DB_HOST=«mariadb»:3306\n", []string{"mariadb|3306"}},
		{"bare value of a host variable", "export DB_HOST=«mariadb»\n", []string{"mariadb|"}},
		{"bare value of another variable", "DB_NAME=wordpress\n", nil},
		{"exec wrapper", "exec nc -z «mariadb» 3306\n", []string{"mariadb|"}},
		{"getent database", "getent hosts «mariadb»\n", []string{"mariadb|"}},
		{"command name is not a host", "mariadb --user=mysql\n", nil},
		{"package name is not a host", "apt-get install -y mariadb-server mariadb\n", nil},
		{"path is not a host", "mkdir -p /var/lib/mariadb\nls mariadb/conf\n", nil},
		{"comment", "# nc -z mariadb 3306\n", nil},
		{"message", "echo \"mariadb is not up yet\"\n", nil},
		{"variable host", "nc -z \"$DB_HOST\" 3306\ncurl \"http://${API}:80/\"\n", nil},
		{"heredoc config", "cat > /etc/my.cnf <<EOF\n[client]\nhost=«mariadb»\nEOF\n", []string{"mariadb|"}},
		{"command substitution", "ip=$(getent hosts «db» | cut -d' ' -f1)\n", []string{"db|"}},
		{"crlf", "nc -z «mariadb» 3306\r\nmysqladmin ping -h «db»\r\n", []string{"mariadb|", "db|"}},
		{"non-ASCII before", "echo 'é😀' ; nc -z «mariadb» 3306\n", []string{"mariadb|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := unmark(tt.text)
			f := NewFile("file:///x/entrypoint.sh", 0, false, KindShell, []byte(content))
			got := describeHosts(f.hostTokens())
			if want := expectHosts(t, tt.text, tt.hosts...); got != want {
				t.Errorf("input %q\nwant %q\ngot  %q", content, want, got)
			}
		})
	}
}

func TestScanValues(t *testing.T) {
	tests := []struct {
		name  string
		kind  Kind
		text  string
		hosts []string
	}{
		{"dotenv host and port", KindDotEnv, "WORDPRESS_DB_HOST=«mariadb»:3306\n", []string{"mariadb|3306"}},
		{"dotenv bare host", KindDotEnv, "DB_HOST=«mariadb»\nMYSQL_DATABASE=wordpress\n", []string{"mariadb|"}},
		{"dotenv quoted", KindDotEnv, "API_URL=\"http://«api»:8080/\"\n", []string{"api|8080"}},
		{"dotenv comment", KindDotEnv, "# DB_HOST=mariadb\n", nil},
		{"dotenv list", KindDotEnv, "MEMCACHED_SERVERS=«cache1»:11211,«cache2»:11211\n", []string{"cache1|11211", "cache2|11211"}},
		{"compose mapping", KindCompose, "services:\n  wordpress:\n    environment:\n      WORDPRESS_DB_HOST: «mariadb»:3306\n      MYSQL_DATABASE: wordpress\n", []string{"mariadb|3306"}},
		{"compose list", KindCompose, "services:\n  app:\n    environment:\n      - \"DB_HOST=«db»\"\n", []string{"db|"}},
		{"compose service key is not a use", KindCompose, "services:\n  db:\n    image: postgres:16\n    hostname: db\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := unmark(tt.text)
			f := NewFile("file:///x/f", 0, false, tt.kind, []byte(content))
			got := describeHosts(f.hostTokens())
			if want := expectHosts(t, tt.text, tt.hosts...); got != want {
				t.Errorf("input %q\nwant %q\ngot  %q", content, want, got)
			}
		})
	}
}
