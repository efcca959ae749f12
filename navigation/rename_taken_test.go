package navigation

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// takenArchive has two services, a second network and a script that uses
// a service as a host.
const takenArchive = `
-- compose.yaml --
services:
  «db»mariadb:
    image: mariadb:11
    networks: [«net»back]
  wordpress:
    build: wordpress
    networks: [front]
networks:
  back: {}
  front: {}
-- wordpress/Dockerfile --
FROM debian:bookworm-slim
COPY tools/entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
-- wordpress/tools/entrypoint.sh --
#!/bin/sh
until nc -z «host»mariadb 3306; do sleep 1; done
exec "$@"
`

// TestRenameToTakenName checks that a rename to a name that the project
// already gives another service or network is rejected, from the compose
// key and from a host use in a script. The message names the taken name,
// and a rename to a free name still works.
func TestRenameToTakenName(t *testing.T) {
	ws := testws.New(t, takenArchive)
	tests := []struct {
		marker, newName string
		wantErr         string // "" for a rename that goes ahead
	}{
		{"db", "wordpress", `a service named "wordpress" already exists in this project, in compose.yaml`},
		{"host", "wordpress", `a service named "wordpress" already exists in this project, in compose.yaml`},
		{"net", "front", `a network named "front" already exists in this project, in compose.yaml`},
		{"db", "db", ""},
		{"host", "db", ""},
		{"net", "middle", ""},
		{"db", "mariadb", ""},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		edits, err := Rename(context.Background(), ws.Snapshot(), uri, offset, tt.newName)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("rename at «%s» to %q: error %v, want %q", tt.marker, tt.newName, err, tt.wantErr)
			}
			if edits != nil {
				t.Errorf("rename at «%s» to %q returned edits with its error", tt.marker, tt.newName)
			}
			continue
		}
		if err != nil || len(edits) == 0 {
			t.Errorf("rename at «%s» to %q = %d files, %v; want edits", tt.marker, tt.newName, len(edits), err)
		}
	}
}

// TestInvalidNameMessage checks that the message for an invalid name
// names the kind in the singular.
func TestInvalidNameMessage(t *testing.T) {
	ws := testws.New(t, takenArchive)
	uri, offset := ws.Marker("db")
	_, err := Rename(context.Background(), ws.Snapshot(), uri, offset, "bad name!")
	if err == nil || err.Error() != `invalid name "bad name!" for a service` {
		t.Errorf("error = %v, want invalid name \"bad name!\" for a service", err)
	}
}
