package workspace_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// loadExample indexes a folder of examples/ as the server does.
func loadExample(t *testing.T, name string) (*workspace.Snapshot, string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := workspace.NewSession().AddFolders(context.Background(), []string{root})
	if err != nil {
		t.Fatal(err)
	}
	return snap, root
}

// exampleReferences lists, per service, its references with the
// declaration in URI and offset order: "path:line:text", lines 1-based.
var exampleReferences = map[string]map[string][]string{
	"inception": {
		"nginx": {"srcs/docker-compose.yml:4:nginx"},
		"wordpress": {
			"srcs/docker-compose.yml:18:wordpress",
			"srcs/docker-compose.yml:21:wordpress",
			"srcs/requirements/nginx/conf/wordpress.conf.template:22:wordpress",
		},
		"mariadb": {
			"srcs/.env:11:mariadb",
			"srcs/docker-compose.yml:30:mariadb",
			"srcs/docker-compose.yml:34:mariadb",
			"srcs/requirements/wordpress/tools/entrypoint.sh:7:mariadb",
			"srcs/requirements/wordpress/tools/entrypoint.sh:16:mariadb",
		},
	},
	"python-client-server": {
		"python_server": {
			"client/entrypoint:7:python_server",
			"compose.yaml:3:python_server",
			"compose.yaml:14:python_server",
		},
		"python_client": {"compose.yaml:10:python_client"},
	},
}

func TestExampleReferences(t *testing.T) {
	for example, services := range exampleReferences {
		snap, root := loadExample(t, example)
		ix := snap.Index()
		for service, want := range services {
			defs := ix.Services(service)
			if len(defs) != 1 {
				t.Errorf("%s: Services(%s) = %d definitions, want 1", example, service, len(defs))
				continue
			}
			var got []string
			for _, loc := range ix.References(snap, defs[0], true) {
				f := snap.File(loc.URI)
				rel, _ := filepath.Rel(root, loc.URI.Path())
				line := f.Mapper().OffsetLine(loc.Span.Start) + 1
				got = append(got, filepath.ToSlash(rel)+":"+itoa(line)+":"+string(f.Content[loc.Span.Start:loc.Span.End]))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s: references of %s:\ngot\n  %s\nwant\n  %s", example, service, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestExampleIndex(t *testing.T) {
	snap, root := loadExample(t, "inception")
	ix := snap.Index()
	projects := ix.Projects()
	if len(projects) != 1 || projects[0].Makefile != uriOf(root, "Makefile") || projects[0].Name != "inception" {
		t.Fatalf("projects = %+v, want one project named inception from the Makefile", projects)
	}
	for _, service := range []string{"nginx", "wordpress", "mariadb"} {
		def := ix.Services(service)[0]
		dir := filepath.Join(root, "srcs", "requirements", service)
		if def.Context != dir || def.Dockerfile != uriOf(dir, "Dockerfile") {
			t.Errorf("%s: context %s, Dockerfile %s", service, def.Context, def.Dockerfile)
		}
		entry := uriOf(dir, "tools/entrypoint.sh")
		if defs := ix.FileServices(entry); len(defs) != 1 || defs[0] != def {
			t.Errorf("%s: FileServices(entrypoint.sh) = %v", service, defs)
		}
		var run bool
		for _, img := range ix.CopiedAs(entry) {
			run = run || len(img.RunBy) > 0
		}
		if !run {
			t.Errorf("%s: entrypoint.sh is not run by ENTRYPOINT", service)
		}
	}
	template := snap.File(uriOf(root, "srcs/requirements/nginx/conf/wordpress.conf.template"))
	if template == nil || template.Kind != workspace.KindConfig {
		t.Errorf("the nginx template is not a config file: %+v", template)
	}
	for _, f := range snap.Files() {
		for _, use := range ix.HostCandidates(f.URI) {
			if len(use.Defs) == 0 && use.Name != "rsa" {
				t.Errorf("%s: host %q at %v resolves to no service", f.URI.Base(), use.Name, use.Location.Span)
			}
		}
	}
}

func uriOf(dir, rel string) position.URI {
	return position.URIFromPath(filepath.Join(dir, filepath.FromSlash(rel)))
}
