package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// writeBenchWorkspace writes projects folders, each with a Makefile, a
// compose file of services services that each build from a Dockerfile
// copying an entrypoint script and a config file, which use the next
// service as a host.
func writeBenchWorkspace(tb testing.TB, root string, projects, services int) {
	tb.Helper()
	write := func(rel, content string) {
		full := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for p := 0; p < projects; p++ {
		dir := fmt.Sprintf("p%03d", p)
		write(dir+"/Makefile", "COMPOSE := docker compose -f srcs/stack.yml\n\nup:\n\t$(COMPOSE) up -d\n")
		var compose strings.Builder
		compose.WriteString("services:\n")
		for s := 0; s < services; s++ {
			next := fmt.Sprintf("svc%02d", (s+1)%services)
			fmt.Fprintf(&compose, "  svc%02d:\n    build: svc%02d\n    environment:\n      UPSTREAM_HOST: %s:8080\n    depends_on: [%s]\n", s, s, next, next)
			base := fmt.Sprintf("%s/srcs/svc%02d/", dir, s)
			write(base+"Dockerfile", "FROM alpine:3.20\nCOPY tools/entrypoint.sh /usr/local/bin/entrypoint.sh\nCOPY conf/app.conf /etc/app/app.conf\nENTRYPOINT [\"/usr/local/bin/entrypoint.sh\"]\nCMD [\"app\"]\n")
			write(base+"tools/entrypoint.sh", fmt.Sprintf("#!/bin/sh\nset -eu\nuntil nc -z %s 8080; do sleep 1; done\ncurl -fsS http://%s:8080/health\nexec \"$@\"\n", next, next))
			write(base+"conf/app.conf", fmt.Sprintf("upstream backend {\n    server %s:8080;\n}\n", next))
		}
		write(dir+"/srcs/stack.yml", compose.String())
		write(dir+"/srcs/.env", "TAG=1\n")
		write(dir+"/docs/notes.txt", "not indexed\n")
	}
}

// BenchmarkIndexBuild measures, on 20 projects of 10 services (about 660
// files), the first indexing of the folders and the update of the index
// after one edit of a script.
func BenchmarkIndexBuild(b *testing.B) {
	root := b.TempDir()
	writeBenchWorkspace(b, root, 20, 10)

	b.Run("AddFolders", func(b *testing.B) {
		for b.Loop() {
			if _, err := NewSession().AddFolders(context.Background(), []string{root}); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("RebuildAfterEdit", func(b *testing.B) {
		session := NewSession()
		if _, err := session.AddFolders(context.Background(), []string{root}); err != nil {
			b.Fatal(err)
		}
		uri := position.URIFromPath(filepath.Join(root, "p000", "srcs", "svc00", "tools", "entrypoint.sh"))
		content, err := os.ReadFile(uri.Path())
		if err != nil {
			b.Fatal(err)
		}
		session.Open(uri, "shellscript", 1, content)
		version := int32(1)
		for b.Loop() {
			version++
			snap, err := session.Change(uri, version, []position.Change{{Text: string(content) + "\n"}}, position.UTF16)
			if err != nil {
				b.Fatal(err)
			}
			if len(snap.Index().HostUses("svc01")) == 0 {
				b.Fatal("no host uses of svc01")
			}
		}
	})
}
