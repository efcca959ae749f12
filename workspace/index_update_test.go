package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/position"
)

// describeIndexHosts prints the host uses of ix per service definition and per
// file, so that two Indexes built differently can be compared.
func describeIndexHosts(ix *Index) string {
	var lines []string
	for _, name := range ix.ServiceNames() {
		for _, def := range ix.Services(name) {
			for _, use := range ix.HostUsesOf(def) {
				lines = append(lines, fmt.Sprintf("def %v: %v %s %s", def.Location(), use.Location, use.Name, use.Port))
			}
		}
	}
	ix.hosts.each(func(uri position.URI, uses []*HostUse) {
		for _, use := range uses {
			lines = append(lines, fmt.Sprintf("file %s: %v %s -> %s (%d defs)", uri, use.Location, use.Name, use.Service, len(use.Defs)))
		}
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// freshIndex builds the Index of snap from scratch.
func freshIndex(snap *Snapshot) *Index {
	ix, _ := deriveIndex(nil, snap, nil)
	return ix
}

func TestUpdatedIndexMatchesFullBuild(t *testing.T) {
	root := t.TempDir()
	writeBenchWorkspace(t, root, 2, 4)
	session := NewSession()
	if _, err := session.AddFolders(context.Background(), []string{root}); err != nil {
		t.Fatal(err)
	}
	script := position.URIFromPath(filepath.Join(root, "p000", "srcs", "svc00", "tools", "entrypoint.sh"))
	config := position.URIFromPath(filepath.Join(root, "p000", "srcs", "svc02", "conf", "app.conf"))
	content, err := os.ReadFile(script.Path())
	if err != nil {
		t.Fatal(err)
	}
	session.Open(script, "shellscript", 1, content)

	edits := []struct {
		name    string
		uri     position.URI
		content string
		fast    bool // whether the new Index keeps the projects of the previous one
	}{
		{"script uses another host", script, "#!/bin/sh\nnc -z svc03 80\ncurl http://svc02:8080/\n", true},
		{"script uses no host", script, "#!/bin/sh\necho hi\n", true},
		{"script uses its host again", script, string(content), true},
		{"config names a host", config, "upstream backend {\n    server svc01:8080;\n    server svc03:81;\n}\n", true},
		{"named config gains a shebang", config, "#!/bin/sh\nnc svc01 1\n", true},
		{"script is emptied", script, "", true},
	}
	for i, edit := range edits {
		prev := session.Snapshot()
		if i == 3 {
			if f := prev.File(edit.uri); f == nil || f.Kind != KindConfig {
				t.Fatalf("%s: want a config file, got %+v", edit.name, f)
			}
			prev = session.Open(edit.uri, "", 1, prev.File(edit.uri).Content)
		}
		version := int32(i + 2)
		snap, err := session.Change(edit.uri, version, []position.Change{{Text: edit.content}}, position.UTF16)
		if err != nil {
			t.Fatal(err)
		}
		if fast := slices.Equal(prev.Index().Projects(), snap.Index().Projects()); fast != edit.fast {
			t.Errorf("%s: kept the projects of the previous Index = %v, want %v", edit.name, fast, edit.fast)
		}
		if got, want := describeIndexHosts(snap.Index()), describeIndexHosts(freshIndex(snap)); got != want {
			t.Errorf("%s: host uses differ from a full build\ngot:\n%s\nwant:\n%s", edit.name, got, want)
		}
	}
}

func TestOneEditApart(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"mariadb", "mariadb", false},
		{"mariadb", "mariabd", true},
		{"mariadb", "mariadc", true},
		{"mariadb", "mariad", true},
		{"mariadb", "xmariadb", true},
		{"mariadb", "maridb", true},
		{"mariadb", "mairadb", true},
		{"mariadb", "mraiadb", true},
		{"mariadb", "marbdia", false},
		{"db", "web", false},
		{"", "a", true},
		{"ab", "ba", true},
		{"abc", "cba", false},
	} {
		if got := oneEditApart(c.a, c.b); got != c.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
