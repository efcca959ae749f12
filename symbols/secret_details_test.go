package symbols

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
	"github.com/stackls/stackls/workspace"
)

const secretDetailsArchive = `
-- Makefile --
API_TOKEN ?= mk-secret-in-make
DB_PASSWORD := hunter2
TAG := 1.27
-- compose.yaml --
x-api-token: top-level-secret
x-greeting: hello
services:
  app:
    image: nginx
    x-db-password: root-pw-literal
-- .env --
AWS_SECRET_ACCESS_KEY=wJalr
PLAIN=visible
`

// TestSecretDetailsHidden checks that the outline shows that a variable
// named like a secret is set but never its value, in each kind of file.
func TestSecretDetailsHidden(t *testing.T) {
	ws := testws.New(t, secretDetailsArchive)
	tests := []struct {
		file, name, detail string
	}{
		{"Makefile", "API_TOKEN", "?= " + workspace.HiddenValue},
		{"Makefile", "DB_PASSWORD", ":= " + workspace.HiddenValue},
		{"Makefile", "TAG", ":= 1.27"},
		{"compose.yaml", "x-api-token", workspace.HiddenValue},
		{"compose.yaml", "x-greeting", "hello"},
		{"compose.yaml", "x-db-password", workspace.HiddenValue},
		{"compose.yaml", "image", "nginx"},
		{".env", "AWS_SECRET_ACCESS_KEY", workspace.HiddenValue},
		{".env", "PLAIN", "visible"},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.name, func(t *testing.T) {
			syms, err := Document(context.Background(), ws.Snapshot(), ws.URI(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			sym := findSymbol(syms, tt.name)
			if sym == nil {
				t.Fatalf("no symbol %s in %s", tt.name, tt.file)
			}
			if sym.Detail != tt.detail {
				t.Errorf("detail %q, want %q", sym.Detail, tt.detail)
			}
			for _, secret := range []string{"mk-secret-in-make", "hunter2", "root-pw-literal", "top-level-secret", "wJalr"} {
				if strings.Contains(sym.Detail, secret) {
					t.Errorf("detail %q shows the secret %q", sym.Detail, secret)
				}
			}
		})
	}
}

// findSymbol returns the first symbol named name, depth first, or nil.
func findSymbol(syms []*Symbol, name string) *Symbol {
	for _, s := range syms {
		if s.Name == name {
			return s
		}
		if found := findSymbol(s.Children, name); found != nil {
			return found
		}
	}
	return nil
}
