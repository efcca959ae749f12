package navigation

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// TestServiceRenameKeepsOtherNames renames a service from its compose key
// and expects host uses written as the service name to change, while uses
// written as its container_name or a network alias keep their names.
func TestServiceRenameKeepsOtherNames(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  «key»db:
    image: mariadb:11
    container_name: db-main
    networks:
      back:
        aliases: [database]
  app:
    image: alpine:3.20
    environment:
      DB_HOST: db:3306
      DB_MAIN: db-main:3306
      DB_ALIAS: database:3306
networks:
  back:
`)
	snap := ws.Open("compose.yaml", "dockercompose")
	uri, offset := ws.Marker("key")
	edits, err := Rename(context.Background(), snap, uri, offset, "mariadb")
	if err != nil {
		t.Fatalf("rename: %v", err)
	}
	got := applied(t, ws, edits)["compose.yaml"]
	for _, want := range []string{"  mariadb:\n", "DB_HOST: mariadb:3306", "DB_MAIN: db-main:3306", "DB_ALIAS: database:3306"} {
		if !strings.Contains(got, want) {
			t.Errorf("after the rename compose.yaml does not contain %q:\n%s", want, got)
		}
	}
}
