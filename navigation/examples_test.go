package navigation

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// exampleHostUses lists each host use of the examples: the file, a text
// around the host that occurs once, the host, and the compose file and
// 1-based line of the service key that definition must reach.
var exampleHostUses = map[string][]struct {
	file, around, host, compose string
	line                        int
}{
	"inception": {
		{"srcs/requirements/wordpress/tools/entrypoint.sh", "nc -z mariadb 3306", "mariadb", "srcs/docker-compose.yml", 34},
		{"srcs/requirements/wordpress/tools/entrypoint.sh", "ping -h mariadb", "mariadb", "srcs/docker-compose.yml", 34},
		{"srcs/requirements/nginx/conf/wordpress.conf.template", "wordpress:9000", "wordpress", "srcs/docker-compose.yml", 21},
		{"srcs/.env", "mariadb:3306", "mariadb", "srcs/docker-compose.yml", 34},
	},
	"python-client-server": {
		{"client/entrypoint", "http://python_server:8000/", "python_server", "compose.yaml", 3},
	},
}

func TestExampleHostDefinitions(t *testing.T) {
	for example, uses := range exampleHostUses {
		root, err := filepath.Abs(filepath.Join("..", "examples", example))
		if err != nil {
			t.Fatal(err)
		}
		snap, err := workspace.NewSession().AddFolders(context.Background(), []string{root})
		if err != nil {
			t.Fatal(err)
		}
		for _, use := range uses {
			path := filepath.Join(root, filepath.FromSlash(use.file))
			content, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Count(string(content), use.around) != 1 {
				t.Fatalf("%s: %q occurs %d times, want once", use.file, use.around, strings.Count(string(content), use.around))
			}
			offset := strings.Index(string(content), use.around) + strings.Index(use.around, use.host)
			got, err := Definition(context.Background(), snap, position.URIFromPath(path), offset+1)
			if err != nil {
				t.Fatal(err)
			}
			composeURI := position.URIFromPath(filepath.Join(root, filepath.FromSlash(use.compose)))
			if len(got) != 1 || got[0].URI != composeURI {
				t.Errorf("%s %s: definition of %s = %v, want %s", example, use.file, use.host, got, use.compose)
				continue
			}
			f := snap.File(composeURI)
			line := f.Mapper().OffsetLine(got[0].Span.Start) + 1
			if text := string(f.Content[got[0].Span.Start:got[0].Span.End]); line != use.line || text != use.host {
				t.Errorf("%s %s: definition of %s at line %d %q, want line %d %q", example, use.file, use.host, line, text, use.line, use.host)
			}
		}
	}
}
