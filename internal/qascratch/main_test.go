package kinds

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/stackls/stackls/workspace"
)

func TestKinds(t *testing.T) {
	s := workspace.NewSession()
	snap, err := s.AddFolders(context.Background(), []string{os.Getenv("DIR")})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range snap.Files() {
		lines = append(lines, fmt.Sprintf("%-10s %s", f.Kind, f.URI.Path()))
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
