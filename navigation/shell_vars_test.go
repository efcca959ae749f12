package navigation

import (
	"context"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/position"
)

// varsNavArchive runs one script in two services; «dN» marks where a
// variable or secret is set, «uN» a use.
const varsNavArchive = `
-- .env --
«d1»DOMAIN=example.org
-- compose.yaml --
services:
  api:
    build: app
    environment:
      «d2»DOMAIN: ${DOMAIN}
      «d3»ROLE: api
    secrets: [«s1»db_password]
  worker:
    build: app
    env_file: worker.env
    command: ["work"]
secrets:
  «sd»db_password:
    file: db_password.txt
-- worker.env --
«d4»ROLE=worker
-- db_password.txt --
hunter2
-- app/Dockerfile --
FROM alpine:3.20
ENV «d5»ROLE=image
COPY --chmod=755 start.sh /usr/local/bin/start.sh
COPY --chmod=755 lib.sh /usr/local/bin/lib.sh
COPY site.conf /etc/site.conf
ENTRYPOINT ["start.sh"]
CMD ["serve"]
-- app/start.sh --
#!/bin/sh
«fn»greet() { echo "hi"; }
echo "é😀	$«u1»ROLE $«u2»DOMAIN"
«d6»count=1
echo "$«u3»count"
pw=$(cat /run/secrets/«u4»db_password)
«call»greet
exec "$@"
-- app/lib.sh --
#!/bin/sh
echo "${«u5»ROLE:-none}"
-- app/site.conf --
role = ${«u6»ROLE}
pw_file = /run/secrets/«u7»db_password
`

func TestShellVarDefinition(t *testing.T) {
	ws := testws.New(t, varsNavArchive)
	want := map[string][]position.Location{
		"u1":   {loc(ws, "d3", "ROLE"), loc(ws, "d4", "ROLE")},
		"u2":   {loc(ws, "d2", "DOMAIN"), loc(ws, "d1", "DOMAIN")},
		"u3":   {loc(ws, "d6", "count")},
		"u4":   {loc(ws, "sd", "db_password")},
		"call": {loc(ws, "fn", "greet")},
		"u6":   {loc(ws, "d3", "ROLE"), loc(ws, "d4", "ROLE")},
		"u7":   {loc(ws, "sd", "db_password")},
	}
	for _, use := range []string{"u1", "u2", "u3", "u4", "call", "u6", "u7"} {
		uri, offset := ws.Marker(use)
		got, err := Definition(context.Background(), ws.Snapshot(), uri, offset+1)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := locTexts(ws, got), locTexts(ws, want[use]); g != w {
			t.Errorf("definition at «%s» = %s, want %s", use, g, w)
		}
	}
}

func TestShellVarReferences(t *testing.T) {
	ws := testws.New(t, varsNavArchive)
	tests := []struct {
		at          string
		declaration bool
		want        []position.Location
	}{
		{"u1", false, []position.Location{loc(ws, "u1", "ROLE"), loc(ws, "u5", "ROLE"), loc(ws, "u6", "ROLE")}},
		{"u6", true, []position.Location{
			loc(ws, "u1", "ROLE"), loc(ws, "u5", "ROLE"), loc(ws, "u6", "ROLE"),
			loc(ws, "d3", "ROLE"), loc(ws, "d4", "ROLE"), loc(ws, "d5", "ROLE"),
		}},
		{"u4", true, []position.Location{loc(ws, "u4", "db_password"), loc(ws, "u7", "db_password"), loc(ws, "s1", "db_password"), loc(ws, "sd", "db_password")}},
		{"fn", true, []position.Location{loc(ws, "fn", "greet"), loc(ws, "call", "greet")}},
		{"call", false, []position.Location{loc(ws, "call", "greet")}},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.at)
		got, err := References(context.Background(), ws.Snapshot(), uri, offset, tt.declaration)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := locTexts(ws, got), locTexts(ws, tt.want); g != w {
			t.Errorf("references at «%s» (declaration %v)\n got %s\nwant %s", tt.at, tt.declaration, g, w)
		}
	}
}
