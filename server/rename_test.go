package server_test

import (
	"strings"
	"testing"

	"github.com/stackls/stackls/internal/lsptest"
)

// A rename that the checks reject, such as one to a service name that is
// taken, fails with RequestFailed (-32803) and a message for the user,
// not with an internal error.
func TestRenameRejectionIsRequestFailed(t *testing.T) {
	c := lsptest.New(t, composeArchive)
	for _, newName := range []string{"app", "bad name!"} {
		params := c.At("db")
		params["newName"] = newName
		err := c.Call("textDocument/rename", params, nil)
		if got := lsptest.ErrorCode(err); got != -32803 {
			t.Errorf("rename to %q: code %d (%v), want -32803", newName, got, err)
		}
		if err == nil || !strings.Contains(err.Error(), newName) {
			t.Errorf("rename to %q: message %v does not name it", newName, err)
		}
	}
}
