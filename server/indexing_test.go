package server

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/workspace"
)

func TestLazyIndexMessage(t *testing.T) {
	tests := []struct {
		name     string
		lazy     workspace.LazyIndex
		contains []string
	}{
		{"over the limit", workspace.LazyIndex{Files: 100000, Limit: 20000, Read: 3000},
			[]string{"hold 100000 files, over the limit of 20000", "indexes them lazily", "It read the 3000 files", "#! line are left out", "open the folder of one project"}},
		{"over the read limit", workspace.LazyIndex{Files: 100000, Limit: 20000, Read: 5000, Unread: 2000},
			[]string{"It read 5000 of the 7000 files", "Makefiles and compose files first"}},
		{"walk stopped", workspace.LazyIndex{Files: 500000, Limit: 20000, Read: 5000, Incomplete: true},
			[]string{"stopped listing the workspace folders after 500000 files", "only when you open them"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lazyIndexMessage(&tt.lazy)
			for _, want := range tt.contains {
				if !strings.Contains(got, want) {
					t.Errorf("message %q lacks %q", got, want)
				}
			}
		})
	}
}
