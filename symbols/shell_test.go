package symbols

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

const shellSymbolsArchive = `
-- entrypoint.sh --
#!/bin/sh
# Starts the service.
# Waits for the database first.
VERSION="1.2 é😀"
DB_PASSWORD=$(cat /run/secrets/db_password)
«fn»wait_db() {
	local tries=0
	until nc -z db 5432; do
		tries=$((tries + 1))
	done
}
if [ -n "$VERSION" ]; then
	echo "$VERSION"
fi
case "$1" in
	serve) MODE=serve ;;
esac
cat <<END
a
b
END
VERSION=2
`

func TestShellSymbols(t *testing.T) {
	ws := testws.New(t, shellSymbolsArchive)
	syms, err := Document(context.Background(), ws.Snapshot(), ws.URI("entrypoint.sh"))
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("entrypoint.sh")
	var got []string
	for _, s := range syms {
		if s.SelectionSpan.Start < s.Span.Start || s.SelectionSpan.End > s.Span.End {
			t.Errorf("symbol %s: SelectionSpan %v outside Span %v", s.Name, s.SelectionSpan, s.Span)
		}
		got = append(got, fmt.Sprintf("%s/%d/%q@%s", s.Name, s.Kind, s.Detail, content[s.SelectionSpan.Start:s.SelectionSpan.End]))
	}
	want := []string{
		`VERSION/13/"\"1.2 é😀\""@VERSION`,
		`DB_PASSWORD/13/""@DB_PASSWORD`,
		`wait_db/12/"function"@wait_db`,
		`MODE/13/"serve"@MODE`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("symbols\ngot\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	_, fn := ws.Marker("fn")
	if len(syms) > 2 && (syms[2].Span.Start != fn || !strings.HasSuffix(string(content[:syms[2].Span.End]), "done\n}")) {
		t.Errorf("function Span %v does not cover the definition", syms[2].Span)
	}
}

func TestShellFolding(t *testing.T) {
	ws := testws.New(t, shellSymbolsArchive)
	ranges, err := Folding(context.Background(), ws.Snapshot(), ws.URI("entrypoint.sh"))
	if err != nil {
		t.Fatal(err)
	}
	content := ws.Content("entrypoint.sh")
	m := position.NewMapper(content)
	var got []string
	for _, r := range ranges {
		got = append(got, fmt.Sprintf("%d-%d %s", m.OffsetLine(r.Span.Start), m.OffsetLine(r.Span.End), r.Kind))
	}
	want := []string{
		"5-9 ",   // the function's braces, up to the line before "}"
		"7-8 ",   // until ... done
		"11-12 ", // if ... fi
		"14-15 ", // case ... esac
		"18-19 ", // the heredoc body
		"1-2 comment",
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("folding ranges = %q, want %q", got, want)
	}
}

func TestShellOutlineDegenerate(t *testing.T) {
	for _, src := range []string{"", " ", "#!/bin/sh", "\ufeff#!/bin/sh\r\nif true; then\r\n", "f() {", "$(", "\x00\x01"} {
		ws := testws.New(t, "-- x.sh --\n"+src)
		if _, err := Document(context.Background(), ws.Snapshot(), ws.URI("x.sh")); err != nil {
			t.Errorf("symbols of %q: %v", src, err)
		}
		if _, err := Folding(context.Background(), ws.Snapshot(), ws.URI("x.sh")); err != nil {
			t.Errorf("folding of %q: %v", src, err)
		}
	}
}
