package navigation_test

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/navigation"
	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/workspace"
)

// navigationPlace is a name that the navigation benchmarks ask about: the
// file and offset of one of its uses, and a new name for rename.
type navigationPlace struct {
	name    string
	uri     position.URI
	offset  int
	newName string
}

// inceptionBench indexes the inception example, with a build target added
// to the mariadb service, and returns the Snapshot. It also returns three
// places: a service name used as a host in an entrypoint script, the
// build.target value, and a "${VAR}" use in the compose file.
func inceptionBench(b *testing.B) (*workspace.Snapshot, []navigationPlace) {
	archive := testws.Example(b, "inception",
		"until nc -z mariadb 3306", "until nc -z «host»mariadb 3306",
		"      context: requirements/mariadb\n", "      context: requirements/mariadb\n      target: «target»server\n",
		"FROM debian:bookworm-slim\n\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends mariadb-server",
		"FROM debian:bookworm-slim AS server\n\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends mariadb-server",
		"DOMAIN_NAME: ${DOMAIN_NAME}", "DOMAIN_NAME: ${«var»DOMAIN_NAME}",
	)
	ws := testws.New(b, archive)
	place := func(name, marker, newName string) navigationPlace {
		uri, offset := ws.Marker(marker)
		return navigationPlace{name: name, uri: uri, offset: offset + 1, newName: newName}
	}
	return ws.Snapshot(), []navigationPlace{
		place("ScriptHost", "host", "database"),
		place("BuildTarget", "target", "runtime"),
		place("ComposeVariable", "var", "SITE_DOMAIN"),
	}
}

// navigationRequest is one navigation request, which returns how many
// results it found.
type navigationRequest func(ctx context.Context, snap *workspace.Snapshot, p navigationPlace) (int, error)

var (
	definitionRequest navigationRequest = func(ctx context.Context, snap *workspace.Snapshot, p navigationPlace) (int, error) {
		locs, err := navigation.Definition(ctx, snap, p.uri, p.offset)
		return len(locs), err
	}
	referencesRequest navigationRequest = func(ctx context.Context, snap *workspace.Snapshot, p navigationPlace) (int, error) {
		locs, err := navigation.References(ctx, snap, p.uri, p.offset, true)
		return len(locs), err
	}
	highlightRequest navigationRequest = func(ctx context.Context, snap *workspace.Snapshot, p navigationPlace) (int, error) {
		highlights, err := navigation.Highlights(ctx, snap, p.uri, p.offset)
		return len(highlights), err
	}
	prepareRenameRequest navigationRequest = func(ctx context.Context, snap *workspace.Snapshot, p navigationPlace) (int, error) {
		target, err := navigation.PrepareRename(ctx, snap, p.uri, p.offset)
		if target == nil {
			return 0, err
		}
		return 1, err
	}
	renameRequest navigationRequest = func(ctx context.Context, snap *workspace.Snapshot, p navigationPlace) (int, error) {
		edits, err := navigation.Rename(ctx, snap, p.uri, p.offset, p.newName)
		n := 0
		for _, list := range edits {
			n += len(list)
		}
		return n, err
	}
)

// runNavigation runs request at each place as a sub-benchmark. Before the
// timer starts, it checks that the request finds something there, so that
// a benchmark never measures an empty result.
func runNavigation(b *testing.B, snap *workspace.Snapshot, places []navigationPlace, request navigationRequest) {
	ctx := context.Background()
	for _, p := range places {
		b.Run(p.name, func(b *testing.B) {
			n, err := request(ctx, snap, p)
			if err != nil {
				b.Fatal(err)
			}
			if n == 0 {
				b.Fatalf("no result at offset %d of %s", p.offset, p.uri)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := request(ctx, snap, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExampleDefinition measures definition on the inception example
// at a host in a script, a build target and a compose variable.
func BenchmarkExampleDefinition(b *testing.B) {
	snap, places := inceptionBench(b)
	runNavigation(b, snap, places, definitionRequest)
}

// BenchmarkExampleReferences measures references, with the declaration,
// at the same places.
func BenchmarkExampleReferences(b *testing.B) {
	snap, places := inceptionBench(b)
	runNavigation(b, snap, places, referencesRequest)
}

// BenchmarkExampleHighlight measures documentHighlight at the same places.
func BenchmarkExampleHighlight(b *testing.B) {
	snap, places := inceptionBench(b)
	runNavigation(b, snap, places, highlightRequest)
}

// BenchmarkExamplePrepareRename measures prepareRename at the same places.
func BenchmarkExamplePrepareRename(b *testing.B) {
	snap, places := inceptionBench(b)
	runNavigation(b, snap, places, prepareRenameRequest)
}

// BenchmarkExampleRename measures rename, which edits every file that uses
// the name, at the same places.
func BenchmarkExampleRename(b *testing.B) {
	snap, places := inceptionBench(b)
	runNavigation(b, snap, places, renameRequest)
}
