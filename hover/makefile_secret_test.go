package hover

import (
	"context"
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/testws"
)

const makefileSecretArchive = `
-- Makefile --
«tokenDef»API_TOKEN ?= mk-secret-in-make
DB_PASSWORD := hunter2
DSN = postgres://app:$(DB_PASSWORD)@db/app
URL = $(«dsnInUrl»DSN)?sslmode=off
HOST = db

up:
	API_TOKEN=$(«tokenUse»API_TOKEN) docker compose up -d
	echo $(«dsnUse»DSN) $(«urlUse»URL) $(«hostUse»HOST)
`

// TestMakefileHoverHidesSecrets checks that a variable hover never shows
// the value of a variable named like a secret, neither its own nor in the
// expansion of another variable.
func TestMakefileHoverHidesSecrets(t *testing.T) {
	ws := testws.New(t, makefileSecretArchive)
	tests := []struct {
		marker   string
		contains []string
	}{
		{"tokenDef", []string{"API_TOKEN ?= ...", "value hidden"}},
		{"tokenUse", []string{"API_TOKEN ?= ...", "value hidden"}},
		{"dsnUse", []string{"DSN = postgres://app:$(DB_PASSWORD)@db/app", "expansion is hidden"}},
		{"dsnInUrl", []string{"expansion is hidden"}},
		{"urlUse", []string{"URL = $(DSN)?sslmode=off", "expansion is hidden"}},
		{"hostUse", []string{"HOST = db"}},
	}
	for _, tc := range tests {
		t.Run(tc.marker, func(t *testing.T) {
			uri, offset := ws.Marker(tc.marker)
			got, err := Hover(context.Background(), ws.Snapshot(), uri, offset)
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatalf("no hover at «%s»", tc.marker)
			}
			for _, want := range tc.contains {
				if !strings.Contains(got.Markdown, want) {
					t.Errorf("hover at «%s» lacks %q; got:\n%s", tc.marker, want, got.Markdown)
				}
			}
			for _, secret := range []string{"mk-secret-in-make", "hunter2"} {
				if strings.Contains(got.Markdown, secret) {
					t.Errorf("hover at «%s» shows the secret %q:\n%s", tc.marker, secret, got.Markdown)
				}
			}
		})
	}
}
