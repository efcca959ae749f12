package navigation_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
	"github.com/stackls/stackls/position"
)

const composeLSPArchive = `
-- .env --
«varDef»DB_PASS=secret
-- compose.yaml --
include:
  - ./infra/compose.infra.yaml
services:
  «dbDef»db:
    image: mariadb:11
    environment:
      MARIADB_PASSWORD: ${«varUse»DB_PASS}
  app:
    image: app
    depends_on:
      - «dbUse»db
      - «cacheUse»cache
    environment:
      DB_HOST: «host»db:3306
-- infra/compose.infra.yaml --
services:
  «cacheDef»cache:
    image: redis:7-alpine
`

// locsText formats Locs as "path@[start,end)" sorted.
func composeLocsText(locs []lsptest.Loc) string {
	var out []string
	for _, l := range locs {
		out = append(out, l.Path+"@"+l.Span.String())
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func composeMarkerLoc(c *lsptest.Client, marker string, length int) string {
	uri, offset := c.WS.Marker(marker)
	rel := strings.TrimPrefix(uri.Path(), c.WS.Root+"/")
	return rel + "@" + position.Span{Start: offset, End: offset + length}.String()
}

func TestComposeNavigationOverLSP(t *testing.T) {
	c := lsptest.New(t, composeLSPArchive)
	c.Open("compose.yaml")
	if got, want := composeLocsText(c.Definition("dbUse")), composeMarkerLoc(c, "dbDef", 2); got != want {
		t.Errorf("definition of db = %q, want %q", got, want)
	}
	if got, want := composeLocsText(c.Definition("cacheUse")), composeMarkerLoc(c, "cacheDef", 5); got != want {
		t.Errorf("definition of cache = %q, want %q", got, want)
	}
	if got, want := composeLocsText(c.Definition("varUse")), composeMarkerLoc(c, "varDef", 7); got != want {
		t.Errorf("definition of DB_PASS = %q, want %q", got, want)
	}
	refs := composeLocsText(c.References("dbDef", false))
	if !strings.Contains(refs, composeMarkerLoc(c, "dbUse", 2)) {
		t.Errorf("references of db = %q, want the depends_on use %q", refs, composeMarkerLoc(c, "dbUse", 2))
	}
	if !strings.Contains(refs, composeMarkerLoc(c, "host", 2)) {
		t.Errorf("references of db = %q, want the host use %q", refs, composeMarkerLoc(c, "host", 2))
	}
	if got, want := composeLocsText(c.Definition("host")), composeMarkerLoc(c, "dbDef", 2); got != want {
		t.Errorf("definition of the host db = %q, want %q", got, want)
	}
	if target := c.PrepareRename("dbUse"); target == nil || target.Placeholder != "db" {
		t.Errorf("prepareRename at db = %+v", target)
	}
	edits := c.Rename("dbUse", "mariadb")
	var spans []string
	for path, list := range edits {
		for _, e := range list {
			if e.NewText != "mariadb" {
				t.Errorf("rename edit text %q", e.NewText)
			}
			spans = append(spans, path+"@"+e.Span.String())
		}
	}
	sort.Strings(spans)
	joined := strings.Join(spans, " ")
	for _, want := range []string{composeMarkerLoc(c, "dbDef", 2), composeMarkerLoc(c, "dbUse", 2), composeMarkerLoc(c, "host", 2)} {
		if !strings.Contains(joined, want) {
			t.Errorf("rename edits %q lack %q", joined, want)
		}
	}
	if highlights := c.Highlight("dbUse"); len(highlights) < 2 {
		t.Errorf("highlights of db = %v", highlights)
	}
}

func TestComposeLinksOverLSP(t *testing.T) {
	c := lsptest.New(t, composeLSPArchive)
	links := c.Links("compose.yaml")
	var got []string
	for _, l := range links {
		got = append(got, l.Target)
	}
	sort.Strings(got)
	want := "https://hub.docker.com/_/app https://hub.docker.com/_/mariadb infra/compose.infra.yaml"
	if strings.Join(got, " ") != want {
		t.Errorf("links = %q, want %q", strings.Join(got, " "), want)
	}
}
