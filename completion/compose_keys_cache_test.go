package completion

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stackls/stackls/compose/schema"
)

// TestKeyProposalsCache checks that the cached key proposals of a path
// are the schema's properties there, before and after the cache is
// emptied for being full.
func TestKeyProposalsCache(t *testing.T) {
	path := []string{"services", "web", "build"}
	want := schema.At(path).Properties()
	check := func(when string) {
		t.Helper()
		var got []string
		for _, k := range keyProposalsAt(path) {
			got = append(got, k.prop.Name)
		}
		var names []string
		for _, p := range want {
			names = append(names, p.Name)
		}
		if !slices.Equal(got, names) {
			t.Errorf("%s: proposals %v, want %v", when, got, names)
		}
	}
	check("first call")
	check("cached")
	for i := range maxKeyProposalPaths + 1 {
		keyProposalsAt([]string{"services", fmt.Sprintf("s%d", i)})
	}
	keyProposalsMu.Lock()
	size := len(keyProposals)
	keyProposalsMu.Unlock()
	if size > maxKeyProposalPaths {
		t.Errorf("the cache holds %d paths, more than %d", size, maxKeyProposalPaths)
	}
	check("after the cache was emptied")
}
