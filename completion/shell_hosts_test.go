package completion

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

func TestShellHostCompletion(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  mariadb:
    build: ./db
  wordpress:
    image: wordpress:6-fpm
-- db/Dockerfile --
FROM mariadb:11
COPY wait.sh /wait.sh
ENTRYPOINT ["/wait.sh"]
-- db/wait.sh --
#!/bin/sh
until nc -z «nc»ma; do sleep 1; done
mysqladmin ping -h «opt»
curl http://«url»wo/
echo «plain»ma
exec "$@"
`)
	snap := ws.Snapshot()
	tests := []struct {
		marker string
		want   bool
	}{
		{"nc", true},
		{"opt", true},
		{"url", true},
		{"plain", false},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		if tt.marker != "opt" {
			offset += 2
		}
		list, err := Complete(context.Background(), snap, uri, offset, Options{})
		if err != nil {
			t.Fatalf("completion at «%s»: %v", tt.marker, err)
		}
		found := false
		if list != nil {
			for _, item := range list.Items {
				if item.Label == "mariadb" {
					found = true
				}
			}
		}
		if found != tt.want {
			t.Errorf("completion at «%s» offers mariadb = %v, want %v", tt.marker, found, tt.want)
		}
	}
}
