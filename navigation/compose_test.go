package navigation

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/compose/project"
	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

func init() {
	project.LookupEnv = func(string) (string, bool) { return "", false }
}

// case023Archive is a project whose compose.yaml includes an infra file
// that extends a service of a file next to it, with a decoy of the same
// name at the root.
const case023Archive = `
-- compose.yaml --
include:
  - «inc»./infra/compose.infra.yaml
services:
  web:
    image: nginx:1.27
    depends_on:
      - «dep»cache
  job:
    extends:
      file: «extfile»./common/compose.base.yaml
      service: «runnerUse»runner
  job2:
    extends: «ext2»cache
-- infra/compose.infra.yaml --
services:
  «cacheDef»cache:
    extends:
      file: «basefile»./base.yaml
      service: «cachebaseUse»cachebase
-- infra/base.yaml --
services:
  «cachebaseDef»cachebase:
    image: redis:7-alpine
-- base.yaml --
services:
  cachebase:
    image: memcached:1.6
-- common/compose.base.yaml --
services:
  «runnerDef»runner:
    image: alpine:3.20
`

// locText names a Location for test output: "path@line:col+len".
func locText(ws *testws.WS, loc position.Location) string {
	rel := strings.TrimPrefix(loc.URI.Path(), ws.Root+"/")
	content := ws.Content(rel)
	m := position.NewMapper(content)
	pos, err := m.OffsetPosition(loc.Span.Start, position.UTF16)
	if err != nil {
		return fmt.Sprintf("%s@%v", rel, loc.Span)
	}
	return fmt.Sprintf("%s@%d:%d+%d", rel, pos.Line, pos.Character, loc.Span.Len())
}

func locTexts(ws *testws.WS, locs []position.Location) string {
	out := make([]string, len(locs))
	for i, loc := range locs {
		out[i] = locText(ws, loc)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestComposeDefinitionAcrossFiles(t *testing.T) {
	ws := testws.New(t, case023Archive)
	tests := []struct {
		marker, want string
	}{
		{"dep", "infra/compose.infra.yaml@1:2+5"},
		{"ext2", "infra/compose.infra.yaml@1:2+5"},
		{"runnerUse", "common/compose.base.yaml@1:2+6"},
		{"cachebaseUse", "infra/base.yaml@1:2+9"},
		{"basefile", "infra/base.yaml@0:0+0"},
		{"extfile", "common/compose.base.yaml@0:0+0"},
		{"inc", "infra/compose.infra.yaml@0:0+0"},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		locs, err := Definition(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil {
			t.Fatal(err)
		}
		if got := locTexts(ws, locs); got != tt.want {
			t.Errorf("definition at «%s» = %q, want %q", tt.marker, got, tt.want)
		}
	}
}

func TestComposeReferencesAcrossFiles(t *testing.T) {
	ws := testws.New(t, case023Archive)
	uri, offset := ws.Marker("cacheDef")
	locs, err := References(context.Background(), ws.Snapshot(), uri, offset+1, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locTexts(ws, locs), "compose.yaml@12:13+5 compose.yaml@6:8+5"; got != want {
		t.Errorf("references of cache = %q, want %q", got, want)
	}
	locs, _ = References(context.Background(), ws.Snapshot(), uri, offset, true)
	if got, want := locTexts(ws, locs), "compose.yaml@12:13+5 compose.yaml@6:8+5 infra/compose.infra.yaml@1:2+5"; got != want {
		t.Errorf("references of cache with declaration = %q, want %q", got, want)
	}
	snap := ws.Open("infra/base.yaml", "dockercompose")
	uri, offset = ws.Marker("cachebaseDef")
	locs, _ = References(context.Background(), snap, uri, offset, false)
	if got, want := locTexts(ws, locs), "infra/compose.infra.yaml@4:15+9"; got != want {
		t.Errorf("references of cachebase = %q, want %q", got, want)
	}
}

func TestComposeLinks(t *testing.T) {
	ws := testws.New(t, case023Archive+`
-- images/compose.yaml --
services:
  a:
    image: nginx:1.27
  b:
    image: bitnami/redis:7.2
  c:
    image: ghcr.io/acme-labs/tool:2.0
  d:
    image: localhost:5000/team/app:dev
  e:
    image: registry.internal.test/app
  f:
    image: mcr.microsoft.com
  g:
    image: "docker.io/library/postgres:16"
  h:
    image: ${REGISTRY:-localhost}/team/app
  i:
    image: nginx@sha256:0123
`)
	tests := []struct {
		file string
		want []string
	}{
		{"compose.yaml", []string{
			"compose.yaml@1:4+26 -> infra/compose.infra.yaml",
			"compose.yaml@4:11+5 -> https://hub.docker.com/_/nginx",
			"compose.yaml@9:12+26 -> common/compose.base.yaml",
		}},
		{"infra/compose.infra.yaml", []string{"infra/compose.infra.yaml@3:12+11 -> infra/base.yaml"}},
		{"images/compose.yaml", []string{
			"images/compose.yaml@2:11+5 -> https://hub.docker.com/_/nginx",
			"images/compose.yaml@4:11+13 -> https://hub.docker.com/r/bitnami/redis",
			"images/compose.yaml@6:11+22 -> https://ghcr.io/acme-labs/tool",
			"images/compose.yaml@14:12+26 -> https://hub.docker.com/_/postgres",
			"images/compose.yaml@18:11+5 -> https://hub.docker.com/_/nginx",
		}},
	}
	for _, tt := range tests {
		links, err := Links(context.Background(), ws.Snapshot(), ws.URI(tt.file))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range links {
			target := l.Target
			if strings.HasPrefix(target, "file://") {
				target = strings.TrimPrefix(position.URI(target).Path(), ws.Root+"/")
			}
			got = append(got, locText(ws, position.Location{URI: ws.URI(tt.file), Span: l.Span})+" -> "+target)
		}
		sort.Strings(got)
		sort.Strings(tt.want)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("links of %s:\ngot\n%s\nwant\n%s", tt.file, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

const renameArchive = `
-- compose.yaml --
x-base: &«anchorDef»base
  restart: always
services:
  «dbDef»db:
    image: mariadb:11
    <<: *«aliasUse»base
    volumes:
      - «volUse»data:/var/lib/mysql
    environment:
      PASSWORD: ${«varUse»DB_PASS}
  app:
    image: app
    depends_on: [«dbUse»db]
    links: ["db:database"]
    volumes:
      - type: volume
        source: data
        target: /data
    command: echo ${DB_PASS}
volumes:
  «volDef»data:
-- compose.override.yaml --
services:
  db:
    ports: ["3306:3306"]
  app:
    depends_on:
      db:
        condition: service_started
-- .env --
«varDef»DB_PASS=secret
`

func TestComposeRename(t *testing.T) {
	ws := testws.New(t, renameArchive)
	tests := []struct {
		marker, newName string
		want            []string
	}{
		{"dbUse", "mariadb", []string{
			"compose.override.yaml@1:2+2", "compose.override.yaml@5:6+2",
			"compose.yaml@3:2+2", "compose.yaml@12:17+2", "compose.yaml@13:13+2",
		}},
		{"volUse", "dbdata", []string{"compose.yaml@16:16+4", "compose.yaml@20:2+4", "compose.yaml@7:8+4"}},
		{"aliasUse", "common", []string{"compose.yaml@0:9+4", "compose.yaml@5:9+4"}},
		{"varUse", "DB_PASSWORD", []string{".env@0:0+7", "compose.yaml@18:20+7", "compose.yaml@9:18+7"}},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		target, err := PrepareRename(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil || target == nil {
			t.Fatalf("prepareRename at «%s» = %v, %v", tt.marker, target, err)
		}
		edits, err := Rename(context.Background(), ws.Snapshot(), uri, offset, tt.newName)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for editURI, list := range edits {
			for _, e := range list {
				if e.NewText != tt.newName {
					t.Errorf("edit text %q, want %q", e.NewText, tt.newName)
				}
				got = append(got, locText(ws, position.Location{URI: editURI, Span: e.Span}))
			}
		}
		sort.Strings(got)
		want := append([]string(nil), tt.want...)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("rename at «%s»:\ngot  %v\nwant %v", tt.marker, got, want)
		}
	}
	uri, offset := ws.Marker("dbUse")
	if _, err := Rename(context.Background(), ws.Snapshot(), uri, offset, "bad name"); err == nil {
		t.Error("rename to \"bad name\" was accepted")
	}
}

func TestComposeHighlightAndDefinition(t *testing.T) {
	ws := testws.New(t, renameArchive)
	uri, offset := ws.Marker("dbUse")
	highlights, err := Highlights(context.Background(), ws.Snapshot(), uri, offset)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range highlights {
		got = append(got, fmt.Sprintf("%s/%d", locText(ws, position.Location{URI: uri, Span: h.Span}), h.Kind))
	}
	if want := "compose.yaml@3:2+2/3 compose.yaml@12:17+2/2 compose.yaml@13:13+2/2"; strings.Join(got, " ") != want {
		t.Errorf("highlights = %q, want %q", strings.Join(got, " "), want)
	}
	for marker, want := range map[string]string{
		"varUse":   ".env@0:0+7",
		"aliasUse": "compose.yaml@0:9+4",
		"volUse":   "compose.yaml@20:2+4",
		"dbUse":    "compose.override.yaml@1:2+2 compose.yaml@3:2+2",
	} {
		uri, offset := ws.Marker(marker)
		locs, err := Definition(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil {
			t.Fatal(err)
		}
		if got := locTexts(ws, locs); got != want {
			t.Errorf("definition at «%s» = %q, want %q", marker, got, want)
		}
	}
}

// TestComposeAnchorNamedLikeService checks that an anchor and a service
// with the same name stay apart.
func TestComposeAnchorNamedLikeService(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
x-web: &«anchorDef»web
  restart: always
services:
  «webDef»web:
    image: nginx
    <<: *«alias»web
  api:
    image: app
    depends_on: [«dep»web]
`)
	for marker, want := range map[string]string{
		"alias": "compose.yaml@0:8+3",
		"dep":   "compose.yaml@3:2+3",
	} {
		uri, offset := ws.Marker(marker)
		locs, err := Definition(context.Background(), ws.Snapshot(), uri, offset)
		if err != nil {
			t.Fatal(err)
		}
		if got := locTexts(ws, locs); got != want {
			t.Errorf("definition at «%s» = %q, want %q", marker, got, want)
		}
	}
	uri, offset := ws.Marker("alias")
	edits, err := Rename(context.Background(), ws.Snapshot(), uri, offset, "base")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for editURI, list := range edits {
		for _, e := range list {
			got = append(got, locText(ws, position.Location{URI: editURI, Span: e.Span}))
		}
	}
	sort.Strings(got)
	if want := "compose.yaml@0:8+3 compose.yaml@5:9+3"; strings.Join(got, " ") != want {
		t.Errorf("anchor rename edits = %q, want %q", strings.Join(got, " "), want)
	}
}
