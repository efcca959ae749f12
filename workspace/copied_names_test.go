package workspace_test

import (
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/workspace"
)

// A folder copy takes the whole build context, but only the files that a
// container reads as config become config files: source code, documents,
// dot files and scripts of other languages keep no kind.
func TestFolderCopyLinksOnlyConfigFiles(t *testing.T) {
	ws := testws.New(t, `
-- compose.yaml --
services:
  api:
    build: ./api
-- api/Dockerfile --
FROM node:22-alpine
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
-- api/README.md --
Run it with EXPOSE ${API_PORT}.
-- api/server.js --
const url = `+"`http://${DB_HOST}:5432`"+`;
-- api/.gitignore --
node_modules
-- api/LICENSE --
MIT
-- api/seed.py --
#!/usr/bin/env python3
print("db")
-- api/seed --
#!/usr/bin/env python3
print("db")
-- api/nginx.conf --
upstream api { server api:3000; }
-- api/app.properties --
db.url=${DB_URL}
-- api/default --
server { listen 80; }
`)
	snap := ws.Snapshot()
	for rel, want := range map[string]workspace.Kind{
		"api/README.md":      workspace.KindUnknown,
		"api/server.js":      workspace.KindUnknown,
		"api/.gitignore":     workspace.KindUnknown,
		"api/LICENSE":        workspace.KindUnknown,
		"api/seed.py":        workspace.KindUnknown,
		"api/seed":           workspace.KindUnknown,
		"api/nginx.conf":     workspace.KindConfig,
		"api/app.properties": workspace.KindConfig,
		"api/default":        workspace.KindConfig,
	} {
		got := workspace.KindUnknown
		if f := snap.File(ws.URI(rel)); f != nil {
			got = f.Kind
		}
		if got != want {
			t.Errorf("%s is linked as %v, want %v", rel, got, want)
		}
	}
}
