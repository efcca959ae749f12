package symbols

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

func TestWorkspaceSymbolsFindServicesStagesTargetsScripts(t *testing.T) {
	ws := testws.New(t, `
-- Makefile --
up:
	docker compose up -d
-- compose.yaml --
services:
  mariadb:
    build: ./db
networks:
  back:
-- db/Dockerfile --
FROM mariadb:11 AS dbbase
COPY tools/init.sh /init.sh
-- db/tools/init.sh --
#!/bin/sh
exec "$@"
`)
	tests := []struct {
		query string
		want  string
		kind  Kind
	}{
		{"mariadb", "mariadb", KindClass},
		{"back", "back", KindModule},
		{"dbbase", "dbbase", KindClass},
		{"up", "up", KindFunction},
		{"init", "init.sh", KindFile},
	}
	for _, tt := range tests {
		got, err := Workspace(context.Background(), ws.Snapshot(), tt.query)
		if err != nil {
			t.Fatalf("Workspace(%q): %v", tt.query, err)
		}
		found := false
		for _, sym := range got {
			if sym.Name == tt.want && sym.Kind == tt.kind {
				found = true
			}
		}
		if !found {
			t.Errorf("Workspace(%q) = %+v, want a %v symbol named %q", tt.query, got, tt.kind, tt.want)
		}
	}
}
