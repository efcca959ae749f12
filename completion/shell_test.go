package completion

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

// shellCompletionArchive runs one script in two services; markers sit
// where completion is asked.
const shellCompletionArchive = `
-- compose.yaml --
services:
  api:
    build: app
    environment:
      ROLE: api
      API_TOKEN: s3cr3t
    secrets: [db_password, {source: tls, target: server.key}]
  worker:
    build: app
    environment:
      ROLE: worker
      QUEUE: mail
secrets:
  db_password: {file: pw.txt}
  tls: {file: tls.txt}
-- app/Dockerfile --
FROM alpine:3.20
ENV LANG=C.UTF-8
COPY --chmod=755 start.sh /start.sh
ENTRYPOINT ["/start.sh"]
-- app/start.sh --
#!/bin/sh
count=1
echo "é😀 $«dollar»"
echo "${«brace»RO}"
echo "$«mid»QU"
cat /run/secrets/«secret»
echo «plain»
exec "$@"
`

func TestShellCompletion(t *testing.T) {
	ws := testws.New(t, shellCompletionArchive)
	tests := []struct {
		marker   string
		contains []string
		excludes []string
		replaced string // the text each item's edit replaces
	}{
		{"dollar", []string{"ROLE", "QUEUE", "API_TOKEN", "LANG", "count", "HOME", "HOSTNAME"}, nil, ""},
		{"brace", []string{"ROLE"}, nil, "RO"},
		{"mid", []string{"QUEUE"}, nil, "QU"},
		{"secret", []string{"db_password", "server.key"}, []string{"tls", "ROLE"}, ""},
		{"plain", nil, []string{"ROLE"}, ""},
	}
	for _, tt := range tests {
		uri, offset := ws.Marker(tt.marker)
		list, err := Complete(context.Background(), ws.Snapshot(), uri, offset, Options{})
		if err != nil {
			t.Fatal(err)
		}
		labels := map[string]*Item{}
		if list != nil {
			for _, item := range list.Items {
				labels[item.Label] = item
			}
		}
		for _, want := range tt.contains {
			if labels[want] == nil {
				t.Errorf("completion at «%s» lacks %s", tt.marker, want)
			}
		}
		for _, bad := range tt.excludes {
			if labels[bad] != nil {
				t.Errorf("completion at «%s» proposes %s", tt.marker, bad)
			}
		}
		content := ws.Content("app/start.sh")
		for _, item := range labels {
			if item.Edit == nil {
				continue
			}
			if got := string(content[item.Edit.Span.Start:item.Edit.Span.End]); got != tt.replaced && !strings.HasPrefix(item.Label, got) {
				t.Errorf("completion %s at «%s» replaces %q, want %q", item.Label, tt.marker, got, tt.replaced)
			}
		}
	}
	list, _ := Complete(context.Background(), ws.Snapshot(), ws.URI("app/start.sh"), mustOffset(ws, "dollar"), Options{})
	for _, item := range list.Items {
		if item.Label == "ROLE" && (!strings.Contains(item.Detail, "api") || !strings.Contains(item.Detail, "worker")) {
			t.Errorf("ROLE detail %q does not name both services", item.Detail)
		}
		if item.Label == "API_TOKEN" && strings.Contains(item.Documentation, "s3cr3t") {
			t.Errorf("API_TOKEN documentation shows the secret: %q", item.Documentation)
		}
	}
}

func mustOffset(ws *testws.WS, marker string) int {
	_, offset := ws.Marker(marker)
	return offset
}
