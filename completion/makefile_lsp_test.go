package completion_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

func TestMakefileCompletionOverLSP(t *testing.T) {
	c := lsptest.New(t, `
-- Makefile --
DC = docker compose
up: «prereq»
	$(DC) exec «service»
	$(DC) «sub»
	echo $(«var»

down:
	true
-- docker-compose.yml --
services:
  web:
    image: nginx
  db:
    image: mariadb
`)
	tests := []struct {
		marker   string
		contains []string
		excludes []string
	}{
		{"service", []string{"db", "web"}, []string{"exec", "down"}},
		{"sub", []string{"exec", "up", "logs"}, []string{"web"}},
		{"prereq", []string{"down"}, []string{"up"}},
		{"var", []string{"DC"}, nil},
	}
	for _, tc := range tests {
		c.Open("Makefile")
		labels := lsptest.Labels(c.Completion(tc.marker))
		got := " " + strings.Join(labels, " ") + " "
		for _, want := range tc.contains {
			if !strings.Contains(got, " "+want+" ") {
				t.Errorf("completion at «%s» lacks %q: %v", tc.marker, want, labels)
			}
		}
		for _, bad := range tc.excludes {
			if strings.Contains(got, " "+bad+" ") {
				t.Errorf("completion at «%s» offers %q: %v", tc.marker, bad, labels)
			}
		}
	}
}
