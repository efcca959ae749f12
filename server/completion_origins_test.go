package server

import (
	"testing"

	"github.com/stackls/stackls/server/protocol"
)

// TestCompletionOriginsKeepRecentRequests checks that the origin of a
// request is found until newer requests replace it.
func TestCompletionOriginsKeepRecentRequests(t *testing.T) {
	var o completionOrigins
	first := o.add("file:///w/a", protocol.Position{Line: 1, Character: 2})
	uri, pos, ok := o.find(first)
	if !ok || uri != "file:///w/a" || pos.Line != 1 || pos.Character != 2 {
		t.Fatalf("find(%d) = %q %v %v", first, uri, pos, ok)
	}
	if _, _, ok := o.find(0); ok {
		t.Error("find(0) found an origin")
	}
	var last uint64
	for range maxCompletionOrigins {
		last = o.add("file:///w/b", protocol.Position{Line: 5})
	}
	if _, _, ok := o.find(first); ok {
		t.Errorf("find(%d) still found after %d newer requests", first, maxCompletionOrigins)
	}
	if uri, _, ok := o.find(last); !ok || uri != "file:///w/b" {
		t.Errorf("find(%d) = %q %v, want the last request", last, uri, ok)
	}
	if _, _, ok := o.find(last + 1); ok {
		t.Error("find found a request not made yet")
	}
}
